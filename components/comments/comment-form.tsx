"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { MAX_COMMENT_CHARS } from "@/lib/comments/limits";
import type { CommentView } from "@/lib/comments/types";
import { send } from "./api";
import { primaryButton, secondaryButton, textareaClass } from "./comment-parts";
import { clearCommentDraft, loadCommentDraft, storeCommentDraft, type CommentDraft } from "./draft";

export interface Posted {
  comment: CommentView;
  message: string;
  repeated?: boolean;
}

const MAX = MAX_COMMENT_CHARS.toLocaleString("en");

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Older browsers on plain http: a version 4 UUID all the same.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** What a screen reader hears about the length: only near the limit, and once per band. */
function lengthAnnouncement(length: number): string {
  const left = MAX_COMMENT_CHARS - length;
  if (left < 0) return `Your comment is over the ${MAX} character limit.`;
  if (left === 0) return "No characters left.";
  if (left <= 100) return "Fewer than 100 characters left.";
  if (left <= 500) return "Fewer than 500 characters left.";
  return "";
}

/**
 * Writing a comment, a reply, or changes to one's comment. The text is kept on
 * this device as it is typed, and through every error, until the server has it.
 */
export function CommentForm({
  owner,
  guide,
  parentId = null,
  edit,
  label,
  hint,
  submitLabel,
  onDone,
  onCancel,
  autoFocus = false,
}: {
  /** The signed-in reader: drafts are kept per reader. */
  owner: string;
  guide: string;
  parentId?: string | null;
  edit?: { id: string; body: string };
  label: string;
  hint?: string;
  submitLabel: string;
  onDone: (posted: Posted) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const place = edit ? `${guide}:edit:${edit.id}` : `${guide}:${parentId ?? "new"}`;
  // This form only ever renders in the browser, so the stored draft can be read at once.
  const [draft, setDraft] = useState<CommentDraft>(
    () => loadCommentDraft(owner, place) ?? { body: edit?.body ?? "", postKey: newKey() },
  );
  const [pending, setPending] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<React.ReactNode>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  const length = draft.body.length;
  const over = length > MAX_COMMENT_CHARS;

  function onType(body: string) {
    const next = { ...draft, body };
    setDraft(next);
    // An edit that matches the comment as it is needs no copy.
    if (edit && body === edit.body) clearCommentDraft(owner, place);
    else storeCommentDraft(owner, place, next);
    if (fieldError) setFieldError(null);
  }

  function showFieldError(message: string) {
    setFieldError(message);
    setFormError(null);
    field.current?.focus();
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const body = draft.body;
    if (!body.trim()) return showFieldError("Please write something first.");
    if (over) {
      return showFieldError(
        `A comment can be at most ${MAX} characters; this one has ${length.toLocaleString("en")}. Please shorten it.`,
      );
    }
    setPending(true);
    setFieldError(null);
    setFormError(null);
    const result = edit
      ? await send<Posted>("/api/comments/edit", { id: edit.id, body })
      : await send<Posted>("/api/comments", { guide, parentId, body, postKey: draft.postKey });
    setPending(false);
    if (result.ok) {
      clearCommentDraft(owner, place);
      setDraft({ body: "", postKey: newKey() });
      onDone(result.data);
      return;
    }
    const { status, error } = result;
    const verb = edit ? "save" : "post";
    if (status === 0 || status >= 500) {
      setFormError(`Couldn’t ${verb}, your text is kept — try again.`);
    } else if (status === 401) {
      setFormError(
        <>
          You are signed out. Your text is kept on this device:{" "}
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(`/guides/${guide}#discussion`)}` as never}
            className="underline"
          >
            sign in again
          </Link>{" "}
          and it will be here.
        </>,
      );
    } else if (error.fields.body) {
      return showFieldError(error.fields.body);
    } else {
      setFormError(error.message);
    }
    requestAnimationFrame(() => summary.current?.focus());
  }

  const describedBy = [`${id}-note`, `${id}-count`, fieldError ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3">
      <label htmlFor={`${id}-body`} className="block font-medium">
        {label}
      </label>
      {hint ? <p className="mt-1 text-sm text-muted dark:text-night-muted">{hint}</p> : null}
      <textarea
        ref={field}
        id={`${id}-body`}
        name="body"
        rows={edit ? 5 : 4}
        value={draft.body}
        onChange={(event) => onType(event.target.value)}
        aria-invalid={fieldError || over ? true : undefined}
        aria-describedby={describedBy}
        className={textareaClass}
      />
      {fieldError ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-danger dark:text-night-danger">
          {fieldError}
        </p>
      ) : null}
      <div className="mt-1 flex flex-wrap items-start justify-between gap-x-4 gap-y-1 text-sm">
        <p id={`${id}-note`} className="max-w-prose text-muted dark:text-night-muted">
          You can use paragraphs, <code>*emphasis*</code>, <code>**strong**</code>, <code>&gt; quotes</code>, lists and{" "}
          <code>[links](https://…)</code>. Links, email addresses and phone numbers wait for a moderator first.
        </p>
        <p
          id={`${id}-count`}
          className={
            over ? "font-semibold text-danger dark:text-night-danger" : "text-muted tabular-nums dark:text-night-muted"
          }
        >
          {length.toLocaleString("en")} / {MAX}
          {over ? ` (${(length - MAX_COMMENT_CHARS).toLocaleString("en")} over)` : null}
        </p>
      </div>
      <p className="sr-only" aria-live="polite">
        {lengthAnnouncement(length)}
      </p>
      {formError ? (
        <p
          ref={summary}
          tabIndex={-1}
          role="alert"
          className="mt-3 rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-danger dark:border-night-danger dark:bg-night-raised dark:text-night-danger"
        >
          {formError}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? (edit ? "Saving…" : "Posting…") : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} className={secondaryButton}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
