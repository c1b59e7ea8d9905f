"use client";

import Link from "next/link";
import { lazy, Suspense, useEffect, useState } from "react";
import { getClientSession } from "@/lib/session-client";

// Loaded only for signed-in readers, so the guide page stays light for everyone else.
// It only ever renders in the browser, after the session is known.
const ReflectionEditor = lazy(() => import("./reflection-editor").then((m) => ({ default: m.ReflectionEditor })));

export function ReflectionBox({ guide, step, number }: { guide: string; step: string; number: number }) {
  const [owner, setOwner] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void getClientSession().then((session) => setOwner(session?.user?.id ?? null));
  }, []);

  if (owner === undefined) return null;
  if (owner === null) {
    return (
      <p className="mt-3 text-sm">
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/guides/${guide}#${step}`)}` as never}
          className="font-medium text-accent-strong underline dark:text-night-accent"
        >
          Sign in to write your answer here
        </Link>
        <span className="text-muted dark:text-night-muted">: it is saved as you type, and only you can read it.</span>
      </p>
    );
  }
  return (
    <Suspense fallback={<p className="mt-4 text-sm text-muted dark:text-night-muted">Loading your answer…</p>}>
      <ReflectionEditor owner={owner} target={{ guide, step }} label={`Your answer to step ${number}`} />
    </Suspense>
  );
}
