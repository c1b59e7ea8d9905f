"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { NOTIFICATIONS_READ_EVENT } from "@/components/comments/events";

/** The bell for a signed-in reader: unread notifications, counted once per page load. */
export function NotificationBell({ className }: { className: string }) {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let cancelled = false;
    fetch("/api/notifications?count=1", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ unread?: number }>) : null))
      .then((body) => {
        if (!cancelled && typeof body?.unread === "number") setUnread(body.unread);
      })
      .catch(() => {});
    const cleared = () => setUnread(0);
    window.addEventListener(NOTIFICATIONS_READ_EVENT, cleared);
    return () => {
      cancelled = true;
      window.removeEventListener(NOTIFICATIONS_READ_EVENT, cleared);
    };
  }, []);
  return (
    <Link
      href="/notifications"
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
      className={`${className} relative`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          className="ml-1 min-w-5 rounded-full bg-accent-strong px-1.5 text-center text-xs leading-5 font-semibold text-white dark:bg-night-accent dark:text-night"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
