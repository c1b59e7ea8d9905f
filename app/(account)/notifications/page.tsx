// The reader's notifications: replies, moderators' decisions, and a word of support.
import type { Metadata, Route } from "next";
import Link from "next/link";
import { fullDate, relativeTime } from "@/components/comments/comment-parts";
import { MarkAllRead } from "@/components/comments/mark-all-read";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/comments/notifications";
import { db } from "@/lib/db";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

export default async function NotificationsPage({ searchParams }: PageProps<"/notifications">) {
  const user = await requireUser("/notifications");
  // What "Mark all as read" said, when it was sent without JavaScript.
  const message = param(await searchParams, "message");
  const notifications = await listNotifications(db, user.id);
  const unread = notifications.filter((n) => !n.read).length;

  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Notifications</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        {unread === 0 ? "Nothing new." : `${unread} new.`}{" "}
        <Link href="/account#comments" className="underline">
          Email settings
        </Link>
      </p>
      {message ? (
        <p role="status" className="mt-4 rounded-md bg-accent-soft px-3 py-2 dark:bg-night-raised">
          {message}
        </p>
      ) : null}
      {notifications.length === 0 ? (
        <p className="mt-8">
          Nothing here yet. When someone replies to you, or a moderator looks at your comment, you will see it here.
        </p>
      ) : (
        <>
          <MarkAllRead />
          <ul aria-label="Your notifications" className="mt-6 space-y-3">
            {notifications.map((n) => (
              <li
                key={n.id}
                className={`rounded-lg border p-4 ${
                  n.read
                    ? "border-line dark:border-night-line"
                    : "border-accent bg-accent-soft dark:border-night-accent dark:bg-night-raised"
                }`}
              >
                {n.read ? null : (
                  <span className="mr-2 inline-block rounded-full bg-accent-strong px-2 py-0.5 text-xs font-semibold text-white dark:bg-night-accent dark:text-night">
                    New
                  </span>
                )}
                <Link
                  href={n.href as Route}
                  className={`underline underline-offset-2 ${n.read ? "" : "font-semibold"}`}
                >
                  {n.text}
                </Link>
                <p className="mt-1 text-sm text-muted dark:text-night-muted">
                  <time dateTime={n.createdAt} title={fullDate(n.createdAt)}>
                    {relativeTime(n.createdAt)}
                  </time>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
