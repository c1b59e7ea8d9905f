import type { Metadata, Route } from "next";
import Link from "next/link";
import { Summary } from "@/components/ui/disclosure-summary";
import { ActionButton, ActionForm, ModerationLive, TextArea } from "@/components/moderation/action-form";
import { ACTION_NAMES, detailInWords, formatDateTime } from "@/components/moderation/format";
import { ModerationNav } from "@/components/moderation/moderation-nav";
import { requireRole } from "@/lib/auth/session";
import { moderationLog, type LogEntry } from "@/lib/comments/moderation";
import { commentPath } from "@/lib/comments/notifications";
import { idSchema } from "@/lib/comments/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Moderation log", robots: { index: false } };

export const dynamic = "force-dynamic";

const link = "font-medium text-accent-strong underline underline-offset-2 dark:text-night-accent";
const muted = "text-muted dark:text-night-muted";

const AUTHOR_SEES: LogEntry["action"][] = ["REJECT", "REMOVE"];

function logHref(filters: { comment?: string; user?: string; cursor?: string }): Route {
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  return `/moderation/log${query.size ? `?${query}` : ""}` as Route;
}

export default async function ModerationLogPage({ searchParams }: PageProps<"/moderation/log">) {
  const user = await requireRole("MODERATOR", "/moderation/log");
  const params = await searchParams;
  const valid = (value: string | undefined) => (value && idSchema.safeParse(value).success ? value : undefined);
  const comment = valid(param(params, "comment"));
  const person = valid(param(params, "user"));
  const cursor = param(params, "cursor");

  let log: Awaited<ReturnType<typeof moderationLog>>;
  let badLink = false;
  try {
    log = await moderationLog(db, user, { cursor, commentId: comment, userId: person });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    badLink = true;
    log = await moderationLog(db, user, { commentId: comment, userId: person });
  }

  // What the page needs besides the log: guides' titles, and which comments are still down (to restore them).
  const commentIds = [...new Set(log.entries.flatMap((e) => (e.commentId ? [e.commentId] : [])))];
  const [guides, comments, target] = await Promise.all([
    db.guide.findMany({ select: { slug: true, title: true } }),
    db.comment.findMany({ where: { id: { in: commentIds } }, select: { id: true, status: true } }),
    person ? db.user.findUnique({ where: { id: person }, select: { name: true } }) : null,
  ]);
  const titles = new Map(guides.map((g) => [g.slug, g.title]));
  const statuses = new Map(comments.map((c) => [c.id, c.status]));
  // Offer a restore once per comment: on its newest entry here, when that took it down.
  const restorable = new Set<string>();
  const seen = new Set<string>();
  for (const entry of log.entries) {
    if (!entry.commentId || seen.has(entry.commentId)) continue;
    seen.add(entry.commentId);
    const status = statuses.get(entry.commentId);
    if ((entry.action === "REJECT" || entry.action === "REMOVE") && (status === "REJECTED" || status === "REMOVED")) {
      restorable.add(entry.id);
    }
  }

  const filtered = comment || person;
  const personName = target?.name?.trim() || "Member";

  return (
    <>
      <ModerationNav role={user.role} current="log" />
      <h1 className="font-serif text-3xl font-semibold">Moderation log</h1>
      <p className={`mt-2 ${muted}`}>
        Every moderation decision, newest first, as it was taken. Nothing here can be changed or deleted.
      </p>
      {filtered ? (
        <p className="mt-4">
          {comment && person
            ? `Entries about this comment and ${personName}.`
            : comment
              ? "Entries about one comment."
              : `Entries about ${personName}.`}{" "}
          <Link href="/moderation/log" className={link}>
            Show every entry
          </Link>
        </p>
      ) : null}

      <ModerationLive
        message={param(params, "message")}
        error={badLink ? "That page link is not valid; here is the first page." : param(params, "error")}
        fallbackFocus="log-title"
      >
        <h2 id="log-title" tabIndex={-1} className="sr-only">
          Entries
        </h2>
        {log.entries.length === 0 ? (
          <p className="mt-6 rounded-md border border-line px-4 py-6 text-center dark:border-night-line">
            {cursor && !badLink ? "No older entries." : "Nothing in the log yet."}
          </p>
        ) : (
          <ol className="mt-6 space-y-4">
            {log.entries.map((entry) => (
              <li key={entry.id}>
                <Entry
                  entry={entry}
                  guideTitle={entry.guideSlug ? titles.get(entry.guideSlug) : undefined}
                  filteredByComment={!!comment}
                  restorable={restorable.has(entry.id)}
                />
              </li>
            ))}
          </ol>
        )}
        <p className="mt-8 flex flex-wrap gap-6">
          {cursor ? (
            <Link href={logHref({ comment, user: person })} className={link}>
              Back to the newest
            </Link>
          ) : null}
          {log.nextCursor ? (
            <Link href={logHref({ comment, user: person, cursor: log.nextCursor })} className={link}>
              Older entries
            </Link>
          ) : null}
        </p>
      </ModerationLive>
    </>
  );
}

function Entry({
  entry,
  guideTitle,
  filteredByComment,
  restorable,
}: {
  entry: LogEntry;
  guideTitle?: string;
  filteredByComment: boolean;
  restorable: boolean;
}) {
  const id = `entry-${entry.id}`;
  const detail = detailInWords(entry.action, entry.detail);
  return (
    <article
      id={id}
      data-moderation-item=""
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-line bg-white p-4 dark:border-night-line dark:bg-night-raised"
    >
      <h3 id={`${id}-title`} tabIndex={-1} data-moderation-focus="" className="font-semibold">
        {ACTION_NAMES[entry.action]}
      </h3>
      <p className={`text-sm ${muted}`}>
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time> · by{" "}
        <span className="font-medium text-ink dark:text-night-ink">{entry.actor}</span>
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {entry.target ? (
          <>
            <dt className={muted}>Person</dt>
            <dd>
              <Link href={logHref({ user: entry.target.id })} className={link}>
                {entry.target.name}
              </Link>
            </dd>
          </>
        ) : null}
        {entry.guideSlug ? (
          <>
            <dt className={muted}>Guide</dt>
            <dd>
              <Link
                href={
                  (entry.commentId
                    ? commentPath(entry.guideSlug, entry.commentId)
                    : `/guides/${entry.guideSlug}`) as Route
                }
                className={link}
              >
                {guideTitle ?? entry.guideSlug}
              </Link>
            </dd>
          </>
        ) : null}
        {entry.reason ? (
          <>
            <dt className={muted}>{AUTHOR_SEES.includes(entry.action) ? "Reason given to the author" : "Reason"}</dt>
            <dd>{entry.reason}</dd>
          </>
        ) : null}
        {entry.note ? (
          <>
            <dt className={muted}>Private note</dt>
            <dd>{entry.note}</dd>
          </>
        ) : null}
        {detail ? (
          <>
            <dt className={muted}>Detail</dt>
            <dd>{detail}</dd>
          </>
        ) : null}
      </dl>
      {entry.commentText !== null ? (
        <details className="group mt-2 text-sm">
          <Summary className="font-medium">The comment as it was then</Summary>
          <p className="mt-1 border-l-4 border-line pl-3 whitespace-pre-wrap dark:border-night-line">
            {entry.commentText || <em>(no text)</em>}
          </p>
        </details>
      ) : null}
      {entry.commentId && !filteredByComment ? (
        <p className="mt-2 text-sm">
          <Link href={logHref({ comment: entry.commentId })} className={link}>
            Every entry for this comment
          </Link>
        </p>
      ) : null}
      {restorable && entry.commentId ? (
        <details className="group mt-2 text-sm">
          <Summary className="font-medium">Restore this comment</Summary>
          <ActionForm action="/api/moderation/comment" item={id}>
            <input type="hidden" name="id" value={entry.commentId} />
            <TextArea name="note" label="Private note" hint="Only moderators see it." maxLength={1000} />
            <div className="mt-3">
              <ActionButton value="restore" variant="primary">
                Restore
              </ActionButton>
            </div>
          </ActionForm>
        </details>
      ) : null}
    </article>
  );
}
