// What a comment looks like, shared by the discussion under a guide (in the
// browser) and the plain discussion page (rendered on the server). No hooks here.
import { MAX_INDENT, type CommentView, type ThreadView } from "@/lib/comments/types";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 60) return "just now";
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}

export const fullDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));

/** "1 comment", "12 comments". */
export const commentCount = (n: number) => `${n.toLocaleString("en")} comment${n === 1 ? "" : "s"}`;

/** "12 minutes left", "1 minute left". */
export function timeLeft(until: string, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((new Date(until).getTime() - now) / 60_000));
  return `${minutes} minute${minutes === 1 ? "" : "s"} left`;
}

/** What readers see where a comment is gone but its replies stay. */
export function placeholderText(comment: CommentView): string {
  if (comment.state === "deleted") return "This comment was deleted.";
  if (comment.state === "hidden") return "Hidden while moderators review it.";
  return "This comment was removed.";
}

/** For the author only: why their comment is not (or no longer) public. */
export function ownStatusText(comment: CommentView): string | null {
  const own = comment.own;
  if (!own) return null;
  switch (comment.state) {
    case "pending":
      return `Waiting for a moderator — only you can see this${own.holdReason ? ` (reason: ${own.holdReason})` : ""}.`;
    case "rejected":
      return `Not published — only you can see this.${own.moderationReason ? ` A moderator’s reason: ${own.moderationReason}` : ""}`;
    case "removed":
      return `Removed by a moderator — only you can see this.${own.moderationReason ? ` Their reason: ${own.moderationReason}` : ""}`;
    case "hidden":
      return "Hidden while moderators review it — only you can see this for now.";
    default:
      return null;
  }
}

export const proseClass =
  "prose prose-sm max-w-none font-serif text-base leading-relaxed dark:prose-invert prose-p:my-2 prose-a:text-accent-strong prose-blockquote:font-normal prose-blockquote:not-italic dark:prose-a:text-night-accent";

export const smallButton =
  "inline-flex min-h-9 items-center gap-1 rounded-md px-2 text-sm font-medium text-muted hover:bg-accent-soft hover:text-ink dark:text-night-muted dark:hover:bg-night-raised dark:hover:text-night-ink";

export const primaryButton =
  "inline-flex min-h-11 items-center rounded-md bg-accent-strong px-5 font-medium text-white hover:bg-accent disabled:opacity-70 dark:bg-night-accent dark:text-night";

export const secondaryButton =
  "inline-flex min-h-11 items-center rounded-md border border-accent-strong px-4 font-medium text-accent-strong hover:bg-accent-soft dark:border-night-accent dark:text-night-accent dark:hover:bg-night-raised";

export const textareaClass =
  "mt-1 block w-full resize-y rounded-md border border-muted bg-white p-3 font-serif text-base leading-relaxed aria-invalid:border-danger dark:border-night-muted dark:bg-night-raised dark:aria-invalid:border-night-danger";

/** Name, time, "edited" and "featured": the first line of a comment. */
export function CommentHeader({ comment, now, nameId }: { comment: CommentView; now?: number; nameId?: string }) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
      <span id={nameId} className="font-semibold text-ink dark:text-night-ink">
        {comment.author?.name ?? "Former member"}
      </span>
      {comment.featured ? (
        <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-semibold text-accent-strong dark:bg-night-raised dark:text-night-accent">
          Featured
        </span>
      ) : null}
      <time
        dateTime={comment.createdAt}
        title={fullDate(comment.createdAt)}
        className="text-muted dark:text-night-muted"
      >
        {relativeTime(comment.createdAt, now)}
      </time>
      {comment.editedAt ? (
        <span className="text-muted dark:text-night-muted" title={`Edited ${fullDate(comment.editedAt)}`}>
          · edited
        </span>
      ) : null}
    </p>
  );
}

/** The author's own note on a comment that is not public, in place. */
export function OwnStatus({ comment }: { comment: CommentView }) {
  const text = ownStatusText(comment);
  if (!text) return null;
  const waiting = comment.state === "pending" || comment.state === "hidden";
  return (
    <p
      className={`mt-2 rounded-md border px-3 py-2 text-sm ${
        waiting
          ? "border-line bg-accent-soft dark:border-night-line dark:bg-night-raised"
          : "border-danger bg-danger-soft text-danger dark:border-night-danger dark:bg-night-raised dark:text-night-danger"
      }`}
    >
      {text}
    </p>
  );
}

/** Sanitised on the server when the comment was saved. */
export function CommentBody({ html }: { html: string }) {
  return <div className={`mt-1 ${proseClass}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

// ---------------------------------------------------------------------------
// Threads as nested lists

export interface ThreadItem {
  comment: CommentView;
  /** Set beyond MAX_INDENT, where nesting no longer shows whom it answers. */
  replyingTo: string | null;
  children: ThreadItem[];
}

const nameOf = (comment: CommentView | undefined) =>
  comment?.author?.name ?? (comment?.placeholder ? "an earlier comment" : "a former member");

/**
 * A thread as nested items: replies nest up to MAX_INDENT levels; deeper replies
 * sit at the last level, in conversation order, each saying whom it answers.
 */
export function threadTree(thread: ThreadView): ThreadItem {
  const byId = new Map<string, CommentView>([[thread.comment.id, thread.comment]]);
  for (const reply of thread.replies) byId.set(reply.id, reply);
  const children = new Map<string, CommentView[]>();
  for (const reply of thread.replies) {
    const parent = reply.parentId && byId.has(reply.parentId) ? reply.parentId : thread.comment.id;
    const list = children.get(parent) ?? [];
    list.push(reply);
    children.set(parent, list);
  }
  const flatten = (comment: CommentView): ThreadItem[] =>
    (children.get(comment.id) ?? []).flatMap((child) => [
      { comment: child, replyingTo: nameOf(byId.get(comment.id)), children: [] },
      ...flatten(child),
    ]);
  const build = (comment: CommentView, level: number): ThreadItem => ({
    comment,
    replyingTo: null,
    children:
      level < MAX_INDENT - 1
        ? (children.get(comment.id) ?? []).map((child) => build(child, level + 1))
        : // The last indented level: each reply, then everything below it, side by side.
          (children.get(comment.id) ?? []).flatMap((child) => [
            { comment: child, replyingTo: null, children: [] },
            ...flatten(child),
          ]),
  });
  return build(thread.comment, 0);
}

/** Whether any reply in the thread answers `id`. */
export const hasReplies = (thread: ThreadView, id: string) => thread.replies.some((r) => r.parentId === id);
