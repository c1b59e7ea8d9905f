"use client";

import { useEffect } from "react";
import { startProgressSync } from "@/lib/progress/sync";
import { askSession } from "@/lib/session-client";

/** Joins this browser's reading progress to the account when someone is signed in. */
export function ProgressSync() {
  useEffect(() => {
    void askSession().then((answer) =>
      startProgressSync(answer.known ? (answer.session?.user?.id ?? null) : undefined),
    );
  }, []);
  return null;
}
