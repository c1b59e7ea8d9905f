"use client";

import { createContext, useContext, useId, useRef, useState } from "react";
import { getClientSession } from "@/lib/session-client";

interface FormState {
  pending: boolean;
  error?: string;
  message?: string;
  fields: Record<string, string>;
}

const FieldErrors = createContext<Record<string, string>>({});

const inputClass =
  "mt-1 block min-h-11 w-full rounded-md border border-muted bg-white px-3 text-base aria-invalid:border-danger dark:border-night-muted dark:bg-night-raised dark:aria-invalid:border-night-danger";

export function Field({
  name,
  label,
  type = "text",
  autoComplete,
  hint,
  defaultValue,
  required = true,
  maxLength,
}: {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
}) {
  const id = useId();
  const error = useContext(FieldErrors)[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mt-5">
      <label htmlFor={id} className="block font-medium">
        {label}
        {required ? null : <span className="font-normal text-muted dark:text-night-muted"> (optional)</span>}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted dark:text-night-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-danger dark:text-night-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A form that posts to one of Mend's form routes. With JavaScript it sends the
 * fields as JSON-answered requests and shows the answer in place, so nothing
 * typed is lost; without JavaScript it is an ordinary form post.
 */
export function AccountForm({
  action,
  submitLabel,
  pendingLabel = "One moment…",
  children,
  initialError,
  initialMessage,
  variant = "primary",
}: {
  action: string;
  submitLabel: string;
  pendingLabel?: string;
  children?: React.ReactNode;
  initialError?: string;
  initialMessage?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [state, setState] = useState<FormState>({
    pending: false,
    error: initialError,
    message: initialMessage,
    fields: {},
  });
  const summary = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setState((s) => ({ ...s, pending: true }));
    try {
      // Reading the session re-issues its cookie: let a read in flight land first, so it
      // cannot put back a session this form is about to end or replace.
      await getClientSession();
      const response = await fetch(action, {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
      });
      const body = await response.json();
      if (body.ok) {
        if (body.redirectTo) {
          window.location.assign(body.redirectTo);
          return;
        }
        setState({ pending: false, message: body.message, fields: {} });
        form.querySelectorAll<HTMLInputElement>('input[type="password"]').forEach((input) => (input.value = ""));
        return;
      }
      const fields: Record<string, string> = body.error.fields ?? {};
      // A field's own message sits beside it; the summary only points there.
      const marked = Object.keys(fields).filter((name) => form.querySelector(`[name="${name}"]`));
      const error =
        marked.length === 0
          ? body.error.message
          : `Please check the field${marked.length === 1 ? "" : "s"} marked above.`;
      setState({ pending: false, error, fields });
      const invalid = marked[0];
      const target = invalid ? form.querySelector<HTMLElement>(`[name="${invalid}"]`) : null;
      (target ?? summary.current)?.focus();
    } catch {
      setState({
        pending: false,
        error: "We couldn’t reach Mend. Check your connection and try again; what you typed is still here.",
        fields: {},
      });
      summary.current?.focus();
    }
  }

  const button = {
    primary: "bg-accent-strong text-white hover:bg-accent dark:bg-night-accent dark:text-night",
    secondary:
      "border border-accent-strong text-accent-strong hover:bg-accent-soft dark:border-night-accent dark:text-night-accent dark:hover:bg-night-raised",
    danger: "bg-danger text-white hover:opacity-90 dark:bg-night-danger dark:text-night",
  }[variant];

  return (
    <form action={action} method="post" onSubmit={onSubmit} noValidate>
      <FieldErrors.Provider value={state.fields}>{children}</FieldErrors.Provider>
      <div aria-live="polite">
        {state.error ? (
          <p
            ref={summary}
            tabIndex={-1}
            role="alert"
            className="mt-4 rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-danger dark:border-night-danger dark:bg-night-raised dark:text-night-danger"
          >
            {state.error}
          </p>
        ) : null}
        {state.message ? (
          <p role="status" className="mt-4 rounded-md bg-accent-soft px-3 py-2 text-sm dark:bg-night-raised">
            {state.message}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={state.pending}
        className={`mt-6 min-h-11 rounded-md px-5 font-medium disabled:opacity-70 ${button}`}
      >
        {state.pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
