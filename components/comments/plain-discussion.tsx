// The discussion as plain HTML: server-rendered, with ordinary forms that post to
// the same routes as the script does, for readers without JavaScript.
import { randomUUID } from "node:crypto";
import { MAX_COMMENT_CHARS } from "@/lib/comments/limits";
import { REPORT_REASONS, type CommentView, type ThreadView } from "@/lib/comments/types";
import {
  CommentBody,
  CommentHeader,
  OwnStatus,
  placeholderText,
  primaryButton,
  smallButton,
  textareaClass,
  threadTree,
  timeLeft,
  type ThreadItem,
} from "./comment-parts";

/** What the form route sent back after an error: the fields as typed. */
export interface Returned {
  error?: string;
  guide?: string;
  parentId?: string;
  id?: string;
  body?: string;
  postKey?: string;
  reason?: string;
  details?: string;
}

export interface PlainContext {
  guide: string;
  signedIn: boolean;
  canComment: boolean;
  returned: Returned;
}

const summaryClass = `${smallButton} cursor-pointer list-none [&::-webkit-details-marker]:hidden`;
const MAX = MAX_COMMENT_CHARS.toLocaleString("en");

export function PlainCommentForm({
  guide,
  parentId,
  label,
  submitLabel,
  returned,
}: {
  guide: string;
  parentId?: string;
  label: string;
  submitLabel: string;
  returned: Returned;
}) {
  const mine = returned.guide === guide && (returned.parentId || undefined) === parentId && !returned.id;
  const field = `comment-body-${parentId ?? "new"}`;
  return (
    <form action="/api/comments" method="post" className="mt-3">
      <input type="hidden" name="guide" value={guide} />
      <input type="hidden" name="parentId" value={parentId ?? ""} />
      {/* Sent twice (a double click, a resend), stored once. */}
      <input type="hidden" name="postKey" value={(mine && returned.postKey) || randomUUID()} />
      <label htmlFor={field} className="block font-medium">
        {label}
      </label>
      <textarea
        id={field}
        name="body"
        rows={4}
        required
        maxLength={MAX_COMMENT_CHARS}
        defaultValue={mine ? returned.body : undefined}
        aria-invalid={mine && returned.error ? true : undefined}
        aria-describedby={`${field}-note${mine && returned.error ? ` ${field}-error` : ""}`}
        className={textareaClass}
      />
      {mine && returned.error ? (
        <p id={`${field}-error`} className="mt-1 text-sm font-medium text-danger dark:text-night-danger">
          {returned.error}
        </p>
      ) : null}
      <p id={`${field}-note`} className="mt-1 text-sm text-muted dark:text-night-muted">
        Up to {MAX} characters. You can use paragraphs, <code>*emphasis*</code>, <code>**strong**</code>,{" "}
        <code>&gt; quotes</code>, lists and <code>[links](https://…)</code>. Links, email addresses and phone numbers
        wait for a moderator first.
      </p>
      <button type="submit" className={`mt-3 ${primaryButton}`}>
        {submitLabel}
      </button>
    </form>
  );
}

function HiddenId({ id }: { id: string }) {
  return <input type="hidden" name="id" value={id} />;
}

function PlainComment({ item, thread, context }: { item: ThreadItem; thread: ThreadView; context: PlainContext }) {
  const c: CommentView = item.comment;
  const name = c.author?.name ?? "Former member";
  const own = !!c.own;
  const published = c.state === "published" && !c.placeholder;
  const locked = thread.comment.locked || c.locked;
  const { returned } = context;
  // Set by the server only while the edit window is open.
  const editable = !!c.own?.editableUntil;
  const editReturned = returned.id === c.id && returned.body !== undefined;
  const reportReturned = returned.id === c.id && returned.reason !== undefined;
  const replyReturned = returned.parentId === c.id;

  const body = (
    <>
      <CommentHeader comment={c} />
      {item.replyingTo ? (
        <p className="text-sm text-muted dark:text-night-muted">Replying to {item.replyingTo}</p>
      ) : null}
      <OwnStatus comment={c} />
      {c.html ? <CommentBody html={c.html} /> : null}
      <div className="mt-1 flex flex-wrap items-start gap-1">
        {published && context.signedIn && !own ? (
          <form action="/api/comments/helpful" method="post">
            <HiddenId id={c.id} />
            <input type="hidden" name="helpful" value={c.helpful ? "false" : "true"} />
            <button type="submit" aria-pressed={c.helpful} className={smallButton}>
              <span aria-hidden="true">{c.helpful ? "♥" : "♡"}</span> Helpful
              {c.helpfulCount > 0 ? <span> {c.helpfulCount}</span> : null}
            </button>
          </form>
        ) : published && c.helpfulCount > 0 ? (
          <span className="px-2 py-2 text-sm text-muted dark:text-night-muted">
            {c.helpfulCount} found this helpful
          </span>
        ) : null}
        {published && context.canComment && !locked ? (
          <details open={replyReturned} className="w-full sm:w-auto">
            <summary className={summaryClass}>Reply</summary>
            <PlainCommentForm
              guide={context.guide}
              parentId={c.id}
              label={`Your reply to ${name}`}
              submitLabel="Post reply"
              returned={returned}
            />
          </details>
        ) : null}
        {editable ? (
          <details open={editReturned} className="w-full sm:w-auto">
            <summary className={summaryClass}>Edit ({timeLeft(c.own!.editableUntil!)})</summary>
            <form action="/api/comments/edit" method="post" className="mt-3">
              <HiddenId id={c.id} />
              <label htmlFor={`edit-${c.id}`} className="block font-medium">
                Edit your comment
              </label>
              <textarea
                id={`edit-${c.id}`}
                name="body"
                rows={5}
                required
                maxLength={MAX_COMMENT_CHARS}
                defaultValue={editReturned ? returned.body : c.own!.body}
                className={textareaClass}
              />
              {editReturned && returned.error ? (
                <p className="mt-1 text-sm font-medium text-danger dark:text-night-danger">{returned.error}</p>
              ) : null}
              <button type="submit" className={`mt-3 ${primaryButton}`}>
                Save changes
              </button>
            </form>
          </details>
        ) : null}
        {own ? (
          <details>
            <summary className={summaryClass}>Delete</summary>
            <form
              action="/api/comments/delete"
              method="post"
              className="mt-2 rounded-md border border-danger p-3 dark:border-night-danger"
            >
              <HiddenId id={c.id} />
              <p className="text-sm">Delete this comment? This can’t be undone. Any replies stay.</p>
              <button
                type="submit"
                className="mt-2 inline-flex min-h-11 items-center rounded-md bg-danger px-4 font-medium text-white dark:bg-night-danger dark:text-night"
              >
                Yes, delete it
              </button>
            </form>
          </details>
        ) : null}
        {published && context.signedIn && !own ? (
          <details open={reportReturned} className="w-full sm:w-auto">
            <summary className={summaryClass}>Report</summary>
            <form action="/api/comments/report" method="post" className="mt-2">
              <HiddenId id={c.id} />
              <fieldset>
                <legend className="font-medium">What is wrong?</legend>
                {Object.entries(REPORT_REASONS).map(([key, text]) => (
                  <label key={key} className="mt-2 flex min-h-9 items-center gap-3">
                    <input
                      type="radio"
                      name="reason"
                      value={key}
                      required
                      defaultChecked={reportReturned && returned.reason === key}
                      className="size-4 accent-accent-strong dark:accent-night-accent"
                    />
                    {text}
                  </label>
                ))}
              </fieldset>
              <label htmlFor={`report-${c.id}`} className="mt-3 block font-medium">
                Details{" "}
                <span className="font-normal text-muted dark:text-night-muted">(needed for “Something else”)</span>
              </label>
              <textarea
                id={`report-${c.id}`}
                name="details"
                rows={3}
                maxLength={1000}
                defaultValue={reportReturned ? returned.details : undefined}
                className={textareaClass}
              />
              {reportReturned && returned.error ? (
                <p className="mt-1 text-sm font-medium text-danger dark:text-night-danger">{returned.error}</p>
              ) : null}
              <button type="submit" className={`mt-3 ${primaryButton}`}>
                Send report
              </button>
            </form>
          </details>
        ) : null}
        {context.signedIn && !own && c.author ? (
          <form action="/api/comments/mute" method="post">
            <input type="hidden" name="userId" value={c.author.id} />
            <input type="hidden" name="muted" value={c.muted ? "false" : "true"} />
            <button type="submit" className={smallButton}>
              {c.muted ? `Unmute ${name}` : `Mute ${name}`}
            </button>
          </form>
        ) : null}
        {c.id === thread.comment.id && thread.replyCount > 0 ? (
          <span className="px-2 py-2 text-sm text-muted dark:text-night-muted">
            {thread.replyCount} {thread.replyCount === 1 ? "reply" : "replies"}
          </span>
        ) : null}
      </div>
    </>
  );

  return (
    <li
      className={
        c.id === thread.comment.id
          ? "mt-6 border-t border-line pt-6 first:mt-0 first:border-t-0 first:pt-0 dark:border-night-line"
          : "mt-5 first:mt-0"
      }
    >
      <article
        id={`comment-${c.id}`}
        aria-label={c.placeholder ? "A comment that is gone" : `Comment by ${name}`}
        className="scroll-mt-24"
      >
        {c.placeholder ? (
          <p className="text-sm text-muted italic dark:text-night-muted">{placeholderText(c)}</p>
        ) : c.muted ? (
          <details>
            <summary className="cursor-pointer text-sm text-muted dark:text-night-muted">
              You muted {name}.{" "}
              <span className="font-medium text-accent-strong underline dark:text-night-accent">Show comment</span>
            </summary>
            {body}
          </details>
        ) : (
          body
        )}
      </article>
      {item.children.length > 0 ? (
        <ol className="mt-4 ml-2 border-l-2 border-line pl-4 sm:ml-4 sm:pl-5 dark:border-night-line">
          {item.children.map((child) => (
            <PlainComment key={child.comment.id} item={child} thread={thread} context={context} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function PlainThreads({ threads, context }: { threads: ThreadView[]; context: PlainContext }) {
  return (
    <ol aria-label="Comments" className="mt-6">
      {threads.map((thread) => (
        <PlainComment key={thread.comment.id} item={threadTree(thread)} thread={thread} context={context} />
      ))}
    </ol>
  );
}
