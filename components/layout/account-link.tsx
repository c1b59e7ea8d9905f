"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { getClientSession } from "@/lib/session-client";
import { NotificationBell } from "./notification-bell";

const linkClass =
  "inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-accent-soft dark:hover:bg-night-raised";

/**
 * "Sign in", or "Your journey", "Account" and the notification bell (and "Moderation" for moderators and
 * admins), decided in the browser so that pages stay static
 * and cacheable for everyone: the session is never part of their HTML.
 */
export function AccountLink() {
  // Unknown until the session arrives: show neither link rather than a wrong one.
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  const [staff, setStaff] = useState(false);
  useEffect(() => {
    void getClientSession().then((session) => {
      setSignedIn(Boolean(session?.user));
      setStaff(session?.user?.role === "MODERATOR" || session?.user?.role === "ADMIN");
    });
  }, []);
  if (signedIn === undefined) return <span aria-hidden="true" className="inline-block min-h-11 w-16" />;
  return signedIn ? (
    <>
      {staff ? (
        <Link href="/moderation" className={linkClass}>
          Moderation
        </Link>
      ) : null}
      <Link href="/journey" className={linkClass}>
        Your journey
      </Link>
      <Link href="/account" className={linkClass}>
        Account
      </Link>
      <NotificationBell className={linkClass} />
    </>
  ) : (
    <Link href="/sign-in" className={linkClass}>
      Sign in
    </Link>
  );
}
