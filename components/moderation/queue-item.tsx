// One comment in the moderation queue: where it is, what it answers, what it says and said,
// why it is here, who wrote it, and what a moderator may do with it now.
import type { Route } from "next";
import Link from "next/link";
import { commentPath } from "@/lib/comments/notifications";
import type { QueueItem } from "@/lib/comments/moderation";
import type { CommentAction, UserAction } from "@/lib/comments/moderation-actions";
import { REPORT_REASONS, type ReportReasonKey } from "@/lib/comments/types";
import type { Role } from "@/lib/generated/prisma/enums";
import { Summary } from "@/components/ui/disclosure-summary";
import { ActionButton, ActionForm, TextArea, TextInput } from "./action-form";
import { ROLE_NAMES, STATUS_NAMES, ageInWords, excerpt, formatDateTime, plural, standingInWords } from "./format";

const link = "font-medium text-accent-strong underline underline-offset-2 dark:text-night-accent";
const muted = "text-muted dark:text-night-muted";

/** The actions that make sense for a comment in this state, in the order offered. */
export function commentActions(item: Pick<QueueItem, "status" | "featured" | "locked" | "depth" | "reports">) {
  const actions: { action: CommentAction; label: string; variant?: "primary" | "danger" }[] = [];
  switch (item.status) {
    case "PENDING":
      actions.push({ action: "approve", label: "Approve", variant: "primary" }, { action: "reject", label: "Reject" });
      break;
    case "HIDDEN":
      actions.push(
        { action: "dismiss", label: "Dismiss reports and show it again", variant: "primary" },
        { action: "remove", label: "Remove", variant: "danger" },
      );
      break;
    case "PUBLISHED":
      if (item.reports.length > 0) actions.push({ action: "dismiss", label: "Dismiss reports", variant: "primary" });
      actions.push(
        { action: "remove", label: "Remove", variant: "danger" },
        item.featured ? { action: "unfeature", label: "Stop featuring" } : { action: "feature", label: "Feature" },
      );
      if (item.depth === 0)
        actions.push(
          item.locked ? { action: "unlock", label: "Unlock thread" } : { action: "lock", label: "Lock thread" },
        );
      break;
    case "REJECTED":
    case "REMOVED":
      actions.push({ action: "restore", label: "Restore", variant: "primary" });
      break;
  }
  return actions;
}

/** Whether `viewer` may sanction `author`: moderators act on readers, admins on moderators too, nobody on an admin or on themselves. */
export function canSanction(viewer: { id: string; role: Role }, author: { id: string; role: Role }) {
  if (author.id === viewer.id || author.role === "ADMIN") return false;
  return author.role === "READER" || viewer.role === "ADMIN";
}

export interface Typed {
  reason?: string;
  note?: string;
  until?: string;
}

export function QueueItemView({
  item,
  viewer,
  now,
  typed,
  typedForAuthor,
  keep,
}: {
  item: QueueItem;
  /** The queue's tab and page, sent along so that a post without JavaScript comes back to them on an error. */
  keep?: Record<string, string>;
  viewer: { id: string; role: Role };
  now: Date;
  /** What was typed into this item's form before a post without JavaScript came back with an error. */
  typed?: Typed;
  typedForAuthor?: Typed;
}) {
  const itemId = `item-${item.id}`;
  const titleId = `${itemId}-title`;
  const author = item.author;
  const authorName = author?.name ?? "a deleted account";
  const actions = commentActions(item);
  const needsReason = actions.some((a) => a.action === "reject" || a.action === "remove");
  const crisis = item.reports.some((r) => r.reason === "SELF_HARM");
  const reasons = new Map<string, number>();
  for (const r of item.reports) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);

  return (
    <article
      id={itemId}
      data-moderation-item=""
      aria-labelledby={titleId}
      className="scroll-mt-6 rounded-lg border border-line bg-white p-5 dark:border-night-line dark:bg-night-raised"
    >
      <h3 id={titleId} tabIndex={-1} data-moderation-focus="" className="font-serif text-lg font-semibold">
        {item.depth > 0 ? "Reply" : "Comment"} by {authorName} on{" "}
        <Link href={commentPath(item.guide.slug, item.id) as Route} className={link}>
          {item.guide.title}
        </Link>
      </h3>
      <p className={`mt-1 text-sm ${muted}`}>
        <span className="font-medium text-ink dark:text-night-ink">{STATUS_NAMES[item.status] ?? item.status}</span>
        {" · posted "}
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        {item.editedAt ? (
          <>
            {" · edited "}
            <time dateTime={item.editedAt}>{formatDateTime(item.editedAt)}</time>
          </>
        ) : null}
        {item.featured ? " · featured" : ""}
        {item.locked ? " · thread locked" : ""}
        {item.guide.mode !== "OPEN" ? ` · guide ${item.guide.mode === "CLOSED" ? "closed" : "pre-moderated"}` : ""}
      </p>

      {item.parent ? (
        <div className="mt-3 border-l-4 border-line pl-3 text-sm dark:border-night-line">
          <p className={muted}>
            In reply to {item.parent.author ?? "a deleted account"}
            {item.parent.status !== "PUBLISHED"
              ? ` (${(STATUS_NAMES[item.parent.status] ?? item.parent.status).toLowerCase()})`
              : ""}
            :
          </p>
          <p className="mt-1">{item.parent.body ? `“${excerpt(item.parent.body)}”` : <em>The text is gone.</em>}</p>
        </div>
      ) : null}

      <div
        className="prose mt-3 max-w-none break-words prose-a:text-accent-strong dark:prose-invert dark:prose-a:text-night-accent"
        // Rendered to safe HTML when the comment was saved (lib/comments/markdown.ts).
        dangerouslySetInnerHTML={{ __html: item.html }}
      />

      {item.revisions.length > 0 ? (
        <details className="group mt-3 text-sm">
          <Summary className="font-medium">
            Earlier {item.revisions.length === 1 ? "version" : `versions (${item.revisions.length})`}
          </Summary>
          <ol className="mt-2 space-y-3">
            {item.revisions.map((r, index) => (
              <li key={`${r.createdAt}-${index}`} className="border-l-4 border-line pl-3 dark:border-night-line">
                <p className={muted}>
                  Replaced <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                </p>
                <p className="mt-1 whitespace-pre-wrap">{r.body}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      {item.holdReason ? (
        <p className="mt-3">
          <span className="font-semibold">Held because:</span> {item.holdReason}
        </p>
      ) : null}
      {item.moderationReason ? (
        <p className="mt-3">
          <span className="font-semibold">Reason given to the author:</span> {item.moderationReason}
        </p>
      ) : null}

      {item.reports.length > 0 ? (
        <div className="mt-3">
          <p className="font-semibold">
            {plural(item.reports.length, "open report")}:{" "}
            <span className="font-normal">
              {[...reasons]
                .map(([key, n]) => `${REPORT_REASONS[key as ReportReasonKey] ?? key}${n > 1 ? ` (${n})` : ""}`)
                .join("; ")}
            </span>
          </p>
          {crisis ? (
            <p className="mt-2 rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm dark:border-night-danger dark:bg-night">
              A reader is worried this person may be in crisis. They have been shown where to find support; please read
              with care and reach out kindly if it fits.
            </p>
          ) : null}
          {item.reports.some((r) => r.details) ? (
            <ul className="mt-2 space-y-1 text-sm">
              {item.reports
                .filter((r) => r.details)
                .map((r, index) => (
                  <li key={`${r.createdAt}-${index}`}>
                    <span className={muted}>
                      {REPORT_REASONS[r.reason as ReportReasonKey] ?? r.reason},{" "}
                      <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>:
                    </span>{" "}
                    “{r.details}”
                  </li>
                ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {author ? (
        <AuthorRecord author={author} now={now} />
      ) : (
        <p className={`mt-4 text-sm ${muted}`}>The author’s account was deleted.</p>
      )}

      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href={`/moderation/log?comment=${item.id}` as Route} className={link}>
          This comment in the log
        </Link>
        {author ? (
          <Link href={`/moderation/log?user=${author.id}` as Route} className={link}>
            {author.name} in the log
          </Link>
        ) : null}
      </p>

      {actions.length > 0 ? (
        <ActionForm action="/api/moderation/comment" item={itemId} className="mt-4">
          <input type="hidden" name="id" value={item.id} />
          <Keep fields={keep} />
          {needsReason ? (
            <TextArea
              name="reason"
              label="Reason for the author"
              hint="Needed to reject or remove; the author sees it. Be kind and specific."
              required
              maxLength={500}
              defaultValue={typed?.reason}
            />
          ) : null}
          <TextArea
            name="note"
            label="Private note"
            hint="Only moderators see it, in the log."
            maxLength={1000}
            defaultValue={typed?.note}
          />
          <div role="group" aria-label="Actions on this comment" className="mt-4 flex flex-wrap gap-3">
            {actions.map((a) => (
              <ActionButton key={a.action} value={a.action} variant={a.variant}>
                {a.label}
              </ActionButton>
            ))}
          </div>
        </ActionForm>
      ) : null}

      {author && canSanction(viewer, author) ? (
        <AuthorActions author={author} itemId={itemId} now={now} typed={typedForAuthor} keep={keep} />
      ) : null}
    </article>
  );
}

function Keep({ fields }: { fields?: Record<string, string> }) {
  return Object.entries(fields ?? {}).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
}

function AuthorRecord({ author, now }: { author: NonNullable<QueueItem["author"]>; now: Date }) {
  const age = ageInWords(author.joinedAt, now);
  return (
    <div className="mt-4 rounded-md bg-paper p-3 text-sm dark:bg-night">
      <p className="font-semibold">About {author.name}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className={muted}>Role</dt>
        <dd>{ROLE_NAMES[author.role]}</dd>
        <dt className={muted}>Joined</dt>
        <dd>
          <time dateTime={author.joinedAt}>{age === "today" ? "joined today" : `joined ${age}`}</time>
        </dd>
        <dt className={muted}>Comments</dt>
        <dd>
          {author.approved} approved by a moderator, {author.rejected} rejected or removed
        </dd>
        <dt className={muted}>Standing</dt>
        <dd>{standingInWords(author, now)}</dd>
      </dl>
    </div>
  );
}

function AuthorActions({
  author,
  itemId,
  now,
  typed,
  keep,
}: {
  author: NonNullable<QueueItem["author"]>;
  itemId: string;
  now: Date;
  typed?: Typed;
  keep?: Record<string, string>;
}) {
  const suspended = !!author.suspendedUntil && new Date(author.suspendedUntil) > now;
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const buttons: { action: UserAction; label: string; variant?: "danger" }[] = [
    author.premoderated
      ? { action: "trust", label: "Trust again" }
      : { action: "premoderate", label: "Pre-moderate their comments" },
  ];
  if (!author.banned) buttons.push({ action: "ban", label: "Ban", variant: "danger" });
  if (author.banned || suspended) buttons.push({ action: "reinstate", label: "Reinstate" });
  return (
    <details
      className="group mt-4 rounded-md border border-line dark:border-night-line"
      open={typed ? true : undefined}
    >
      <Summary className="px-3 font-medium">Act on {author.name}’s account</Summary>
      <ActionForm
        action="/api/moderation/user"
        item={itemId}
        className="border-t border-line px-3 pb-4 dark:border-night-line"
      >
        <input type="hidden" name="userId" value={author.id} />
        <Keep fields={keep} />
        <TextArea
          name="reason"
          label="Reason for this decision"
          hint="Kept in the log."
          maxLength={500}
          defaultValue={typed?.reason}
        />
        <TextArea
          name="note"
          label="Note for moderators"
          hint="Only moderators see it."
          maxLength={1000}
          defaultValue={typed?.note}
        />
        {author.banned ? null : (
          // First in the form, so Enter in the date field suspends rather than doing anything else.
          <div className="mt-1 flex flex-wrap items-end gap-3">
            <TextInput
              name="until"
              type="date"
              label="Suspend until"
              hint="They can read but not comment until this day (UTC)."
              min={tomorrow}
              defaultValue={typed?.until}
            />
            <ActionButton value="suspend">Suspend</ActionButton>
          </div>
        )}
        <div
          role="group"
          aria-label={`Other actions on ${author.name}’s account`}
          className="mt-4 flex flex-wrap gap-3"
        >
          {buttons.map((b) => (
            <ActionButton key={b.action} value={b.action} variant={b.variant}>
              {b.label}
            </ActionButton>
          ))}
        </div>
      </ActionForm>
    </details>
  );
}
