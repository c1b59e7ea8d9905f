"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

const linkClass =
  "inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-accent-soft dark:hover:bg-night-raised";

/**
 * "Sign in" or "Account", decided in the browser so that pages stay static
 * and cacheable for everyone: the session is never part of their HTML.
 */
export function AccountLink() {
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    fetch("/api/auth/session", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((session) => setSignedIn(Boolean(session?.user)))
      .catch(() => {});
  }, []);
  return signedIn ? (
    <Link href="/account" className={linkClass}>
      Account
    </Link>
  ) : (
    <Link href="/sign-in" className={linkClass}>
      Sign in
    </Link>
  );
}
