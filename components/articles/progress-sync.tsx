"use client";

import { useEffect } from "react";
import { startProgressSync } from "@/lib/progress/sync";
import { getClientSession } from "@/lib/session-client";

/** Joins this browser's reading progress to the account when someone is signed in. */
export function ProgressSync() {
  useEffect(() => {
    void getClientSession().then((session) => startProgressSync(session?.user?.id ?? null));
  }, []);
  return null;
}
