"use client";

import { useEffect, useId, useRef, useState } from "react";
import { REPORT_REASONS, type ReportReasonKey } from "@/lib/comments/types";
import { send } from "./api";
import { primaryButton, secondaryButton, textareaClass } from "./comment-parts";

const REASONS = Object.entries(REPORT_REASONS) as [ReportReasonKey, string][];

/** Telling the moderators about a comment: a modal dialog that gives focus back when it closes. */
export function ReportDialog({
  commentId,
  authorName,
  onClose,
}: {
  commentId: string;
  authorName: string;
  /** Called once the dialog has closed: with the server's thanks when the report was sent. */
  onClose: (sent: string | null) => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const detailsField = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState<ReportReasonKey | null>(null);
  const [details, setDetails] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; details?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  const sent = useRef<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
    };
  }, []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason) {
      setErrors({ reason: "Choose a reason." });
      dialog.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    if (reason === "OTHER" && !details.trim()) {
      setErrors({ details: "Please say what is wrong." });
      detailsField.current?.focus();
      return;
    }
    setPending(true);
    setErrors({});
    const result = await send<{ message: string }>("/api/comments/report", {
      id: commentId,
      reason,
      details: details.trim() || null,
    });
    setPending(false);
    if (result.ok) {
      // Closed while still on the page, so the browser gives focus back to what opened it.
      sent.current = result.data.message;
      dialog.current?.close();
      return;
    }
    const { fields, message } = result.error;
    if (fields.details) {
      setErrors({ details: fields.details });
      detailsField.current?.focus();
    } else if (result.status === 0 || result.status >= 500) {
      setErrors({ form: "Couldn’t send the report. Your choice is kept — please try again." });
    } else {
      setErrors({ form: fields.reason ?? message });
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={() => onClose(sent.current)}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-line bg-paper p-6 text-ink backdrop:bg-ink/60 dark:border-night-line dark:bg-night-raised dark:text-night-ink"
    >
      <form onSubmit={onSubmit} noValidate>
        <h2 id={`${id}-title`} className="font-serif text-xl font-semibold">
          Report this comment
        </h2>
        <p className="mt-2 text-sm text-muted dark:text-night-muted">
          A moderator will read it. {authorName} is not told who reported it.
        </p>
        <fieldset className="mt-4" aria-describedby={errors.reason ? `${id}-reason-error` : undefined}>
          <legend className="font-medium">What is wrong?</legend>
          {REASONS.map(([key, text]) => (
            <label key={key} className="mt-2 flex min-h-9 items-center gap-3">
              <input
                type="radio"
                name="reason"
                value={key}
                checked={reason === key}
                onChange={() => {
                  setReason(key);
                  setErrors({});
                }}
                className="size-4 accent-accent-strong dark:accent-night-accent"
              />
              {text}
            </label>
          ))}
          {errors.reason ? (
            <p id={`${id}-reason-error`} className="mt-1 text-sm font-medium text-danger dark:text-night-danger">
              {errors.reason}
            </p>
          ) : null}
        </fieldset>
        {reason === "SELF_HARM" ? (
          <p className="mt-3 rounded-md bg-accent-soft px-3 py-2 text-sm dark:bg-night">
            Thank you for looking out for them. We will gently show them where to find support. If someone is in danger
            right now, call your local emergency number.
          </p>
        ) : null}
        <label htmlFor={`${id}-details`} className="mt-4 block font-medium">
          Details{" "}
          <span className="font-normal text-muted dark:text-night-muted">
            {reason === "OTHER" ? "(required)" : "(optional)"}
          </span>
        </label>
        <textarea
          ref={detailsField}
          id={`${id}-details`}
          name="details"
          rows={3}
          maxLength={1000}
          value={details}
          onChange={(event) => setDetails(event.target.value)}
          required={reason === "OTHER"}
          aria-invalid={errors.details ? true : undefined}
          aria-describedby={errors.details ? `${id}-details-error` : undefined}
          className={textareaClass}
        />
        {errors.details ? (
          <p id={`${id}-details-error`} className="mt-1 text-sm font-medium text-danger dark:text-night-danger">
            {errors.details}
          </p>
        ) : null}
        {errors.form ? (
          <p
            role="alert"
            className="mt-3 rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-danger dark:border-night-danger dark:bg-night dark:text-night-danger"
          >
            {errors.form}
          </p>
        ) : null}
        <div className="mt-5 flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className={primaryButton}>
            {pending ? "Sending…" : "Send report"}
          </button>
          <button type="button" onClick={() => dialog.current?.close()} className={secondaryButton}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
