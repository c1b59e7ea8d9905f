import type { Metadata, Route } from "next";
import Link from "next/link";
import { ModerationLive } from "@/components/moderation/action-form";
import { ModerationNav } from "@/components/moderation/moderation-nav";
import { QueueItemView, type Typed } from "@/components/moderation/queue-item";
import { requireRole } from "@/lib/auth/session";
import { moderationQueue } from "@/lib/comments/moderation";
import { QUEUE_TABS, type QueueTab } from "@/lib/comments/moderation-actions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

// Rendered for the moderator on every request.
export const dynamic = "force-dynamic";

const TABS: Record<QueueTab, { label: string; title: string; about: string; next: string }> = {
  pending: {
    label: "Pending",
    title: "Waiting for a moderator",
    about: "Held comments, oldest first. Nobody but their author sees them until you approve them.",
    next: "Next page",
  },
  reported: {
    label: "Reported",
    title: "Reported by readers",
    about:
      "Comments with open reports, oldest first. Reports from three readers hide a comment until you decide; dismissing the reports shows it again.",
    next: "Next page",
  },
  recent: {
    label: "Recent",
    title: "Recently published",
    about: "Everything published, newest first, for a look over what readers see.",
    next: "Older",
  },
};

const tabLink =
  "inline-flex min-h-11 items-center gap-2 rounded-md border border-line px-4 font-medium hover:bg-accent-soft aria-[current=page]:border-accent-strong aria-[current=page]:bg-accent-soft aria-[current=page]:text-accent-strong dark:border-night-line dark:hover:bg-night-raised dark:aria-[current=page]:border-night-accent dark:aria-[current=page]:bg-night-raised dark:aria-[current=page]:text-night-accent";
const pageLink = "font-medium text-accent-strong underline underline-offset-2 dark:text-night-accent";

function typedFrom(params: Record<string, string | string[] | undefined>): Typed {
  return { reason: param(params, "reason"), note: param(params, "note"), until: param(params, "until") };
}

export default async function ModerationPage({ searchParams }: PageProps<"/moderation">) {
  const user = await requireRole("MODERATOR", "/moderation");
  const params = await searchParams;
  const asked = param(params, "tab");
  const tab: QueueTab = QUEUE_TABS.find((t) => t === asked) ?? "pending";
  const cursor = param(params, "cursor");
  let queue: Awaited<ReturnType<typeof moderationQueue>>;
  let badLink = false;
  try {
    queue = await moderationQueue(db, user, { tab, cursor });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    badLink = true;
    queue = await moderationQueue(db, user, { tab });
  }
  const now = new Date();
  const about = TABS[tab];
  // A form posted without JavaScript comes back here with its error and what was typed.
  const error = param(params, "error");
  const typedId = error ? param(params, "id") : undefined;
  const typedUser = error && !typedId ? param(params, "userId") : undefined;
  const firstByAuthor = typedUser ? queue.items.find((i) => i.author?.id === typedUser)?.id : undefined;
  // Sent with each form, so that one posted without JavaScript comes back to this tab and page on an error.
  const keep: Record<string, string> = {
    ...(tab === "pending" ? {} : { tab }),
    ...(cursor && !badLink ? { cursor } : {}),
  };
  const tabHref = (t: QueueTab) => (t === "pending" ? "/moderation" : `/moderation?tab=${t}`) as Route;

  return (
    <>
      <ModerationNav role={user.role} current="queue" />
      <h1 className="font-serif text-3xl font-semibold">Moderation queue</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Every decision here is kept in the log, with the comment as it was. Reasons you give for rejecting or removing
        are shown to the author; notes are for moderators only.
      </p>

      <nav aria-label="Queue" className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {QUEUE_TABS.map((t) => (
            <li key={t}>
              <Link href={tabHref(t)} aria-current={t === tab ? "page" : undefined} className={tabLink}>
                {TABS[t].label}
                <span className="text-sm font-normal">
                  ({t === "recent" ? `${queue.counts.recent} in the last day` : queue.counts[t]})
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <ModerationLive
        message={param(params, "message")}
        error={badLink ? "That page link is not valid; here is the first page." : error}
        fallbackFocus="queue-title"
      >
        <section aria-labelledby="queue-title" className="mt-6">
          <h2 id="queue-title" tabIndex={-1} className="font-serif text-2xl font-semibold">
            {about.title}
          </h2>
          <p className="mt-1 text-muted dark:text-night-muted">{about.about}</p>
          {queue.items.length === 0 ? (
            <p className="mt-6 rounded-md border border-line px-4 py-6 text-center dark:border-night-line">
              {cursor && !badLink ? "Nothing more here." : "Nothing here right now. Thank you for looking."}
            </p>
          ) : (
            <ol className="mt-6 space-y-6">
              {queue.items.map((item) => (
                <li key={item.id}>
                  <QueueItemView
                    item={item}
                    viewer={user}
                    now={now}
                    keep={keep}
                    typed={typedId === item.id ? typedFrom(params) : undefined}
                    typedForAuthor={firstByAuthor === item.id ? typedFrom(params) : undefined}
                  />
                </li>
              ))}
            </ol>
          )}
          <p className="mt-8 flex flex-wrap gap-6">
            {cursor ? (
              <Link href={tabHref(tab)} className={pageLink}>
                Back to the first page
              </Link>
            ) : null}
            {queue.nextCursor ? (
              <Link
                href={`/moderation?tab=${tab}&cursor=${encodeURIComponent(queue.nextCursor)}` as Route}
                className={pageLink}
              >
                {about.next}
              </Link>
            ) : null}
          </p>
        </section>
      </ModerationLive>
    </>
  );
}
