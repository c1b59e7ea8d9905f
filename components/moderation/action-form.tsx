"use client";

// Forms on the moderation pages. With JavaScript they post to a form route, announce its answer
// in the page's status line, refresh the list and move focus to where the moderator was (or the
// item after it, when the one acted on has left the list); without JavaScript they are ordinary
// form posts that come back to the page with ?message= or ?error=.
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, useTransition } from "react";
import { getClientSession } from "@/lib/session-client";

interface Outcome {
  message: string;
  /** The id of the element (marked data-moderation-item) that was acted on. */
  item?: string;
}

const Announce = createContext<(outcome: Outcome) => void>(() => {});
const FieldErrors = createContext<Record<string, string>>({});

const statusClass = "rounded-md bg-accent-soft px-3 py-2 dark:bg-night-raised";
const errorClass =
  "rounded-md border border-danger bg-danger-soft px-3 py-2 text-danger dark:border-night-danger dark:bg-night-raised dark:text-night-danger";

/**
 * The status line at the top of a moderation page and the refresh after each action. `fallbackFocus`
 * is the id of an element to focus when the list is left empty.
 */
export function ModerationLive({
  message,
  error,
  fallbackFocus,
  children,
}: {
  message?: string;
  error?: string;
  fallbackFocus?: string;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const [status, setStatus] = useState(() => ({
    text: message ?? error ?? "",
    error: !message && !!error,
    count: 0,
  }));
  const plan = useRef<{ ids: (string | undefined)[] } | null>(null);
  const line = useRef<HTMLDivElement>(null);

  const announce = useCallback(
    (outcome: Outcome) => {
      if (outcome.item) {
        const items = [...document.querySelectorAll<HTMLElement>("[data-moderation-item]")];
        const index = items.findIndex((el) => el.id === outcome.item);
        // The same item if it is still listed after the refresh, else the one after it, else the one before.
        plan.current = { ids: [outcome.item, items[index + 1]?.id, items[index - 1]?.id] };
      }
      setStatus((s) => ({ text: outcome.message, error: false, count: s.count + 1 }));
      startTransition(() => router.refresh());
    },
    [router],
  );

  useEffect(() => {
    if (refreshing || !plan.current) return;
    const { ids } = plan.current;
    plan.current = null;
    const item = ids.map((id) => (id ? document.getElementById(id) : null)).find((el) => el !== null);
    const target =
      item?.querySelector<HTMLElement>("[data-moderation-focus]") ??
      (fallbackFocus ? document.getElementById(fallbackFocus) : null) ??
      line.current;
    target?.focus();
  }, [refreshing, fallbackFocus]);

  return (
    <Announce.Provider value={announce}>
      {/* Always in the page (never display:none), so that screen readers hear what is put in it. */}
      <div ref={line} tabIndex={-1} role="status" aria-live="polite">
        {status.text ? (
          // A new key each time, so the same words twice in a row are announced twice.
          <p key={status.count} className={`mt-6 ${status.error ? errorClass : statusClass}`}>
            {status.text}
          </p>
        ) : null}
      </div>
      {children}
    </Announce.Provider>
  );
}

interface FormState {
  pending: boolean;
  error?: string;
  fields: Record<string, string>;
}

/**
 * One form posting to a moderation route. Its submit buttons may carry the action
 * (name="action"): the button pressed is what is sent, with or without JavaScript.
 */
export function ActionForm({
  action,
  item,
  children,
  className,
  initialFields,
}: {
  action: string;
  /** The element id of the item this form acts on, for focus after the refresh. */
  item?: string;
  children: React.ReactNode;
  className?: string;
  /** Field messages sent back to a form posted without JavaScript. */
  initialFields?: Record<string, string>;
}) {
  const announce = useContext(Announce);
  const [state, setState] = useState<FormState>({ pending: false, fields: initialFields ?? {} });
  const summary = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.pending) return;
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(form, submitter);
    setState((s) => ({ ...s, pending: true }));
    try {
      await getClientSession();
      const response = await fetch(action, {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(data as unknown as Record<string, string>),
      });
      const body = await response.json();
      if (body.ok) {
        // What was typed was for this action; the next one starts empty.
        form
          .querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input[type="text"], input[type="date"]')
          .forEach((field) => (field.value = ""));
        setState({ pending: false, fields: {} });
        announce({ message: body.message ?? "Done.", item });
        return;
      }
      const fields: Record<string, string> = body.error?.fields ?? {};
      const marked = Object.keys(fields).filter((name) => form.querySelector(`[name="${name}"]`));
      setState({
        pending: false,
        fields,
        error:
          marked.length === 0
            ? (body.error?.message ?? "That didn’t work. Please try again.")
            : `Please check the field${marked.length === 1 ? "" : "s"} marked above.`,
      });
      const target = marked[0] ? form.querySelector<HTMLElement>(`[name="${marked[0]}"]`) : null;
      (target ?? summary.current)?.focus();
    } catch {
      setState({
        pending: false,
        fields: {},
        error: "We couldn’t reach Mend. Check your connection and try again; what you typed is still here.",
      });
      summary.current?.focus();
    }
  }

  return (
    <form action={action} method="post" onSubmit={onSubmit} noValidate aria-busy={state.pending} className={className}>
      <FieldErrors.Provider value={state.fields}>{children}</FieldErrors.Provider>
      <div aria-live="polite">
        {state.error ? (
          <p ref={summary} tabIndex={-1} role="alert" className={`mt-3 text-sm ${errorClass}`}>
            {state.error}
          </p>
        ) : state.pending ? (
          <p className="mt-3 text-sm text-muted dark:text-night-muted">One moment…</p>
        ) : null}
      </div>
    </form>
  );
}

const buttonClass = {
  primary: "bg-accent-strong text-white hover:bg-accent dark:bg-night-accent dark:text-night",
  secondary:
    "border border-accent-strong text-accent-strong hover:bg-accent-soft dark:border-night-accent dark:text-night-accent dark:hover:bg-night-raised",
  danger: "bg-danger text-white hover:opacity-90 dark:bg-night-danger dark:text-night",
} as const;

/** A submit button; with `value`, it sends name=value (the action) when pressed. */
export function ActionButton({
  value,
  name = "action",
  variant = "secondary",
  children,
  focusTarget,
  label,
}: {
  value?: string;
  name?: string;
  variant?: keyof typeof buttonClass;
  children: React.ReactNode;
  /** Focused after a refresh that keeps its item but removes its heading. */
  focusTarget?: boolean;
  /** An accessible name that adds to the visible words (it must start with them). */
  label?: string;
}) {
  return (
    <button
      type="submit"
      name={value ? name : undefined}
      value={value}
      aria-label={label}
      data-moderation-focus={focusTarget ? "" : undefined}
      className={`min-h-11 rounded-md px-4 font-medium ${buttonClass[variant]}`}
    >
      {children}
    </button>
  );
}

const inputClass =
  "mt-1 block w-full rounded-md border border-muted bg-white px-3 py-2 text-base aria-invalid:border-danger dark:border-night-muted dark:bg-night-raised dark:aria-invalid:border-night-danger";

function useFieldIds(name: string, hint?: string) {
  const id = useId();
  const error = useContext(FieldErrors)[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, error, describedBy };
}

function Label({ id, label, required }: { id: string; label: string; required: boolean }) {
  return (
    <label htmlFor={id} className="block font-medium">
      {label}
      {required ? null : <span className="font-normal text-muted dark:text-night-muted"> (optional)</span>}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p id={`${id}-hint`} className="mt-1 text-sm text-muted dark:text-night-muted">
      {hint}
    </p>
  ) : null;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-danger dark:text-night-danger">
      {error}
    </p>
  ) : null;
}

export function TextArea({
  name,
  label,
  hint,
  required = false,
  maxLength,
  defaultValue,
  rows = 2,
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  defaultValue?: string;
  rows?: number;
}) {
  const { id, error, describedBy } = useFieldIds(name, hint);
  return (
    <div className="mt-3">
      <Label id={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function TextInput({
  name,
  label,
  hint,
  type = "text",
  required = true,
  maxLength,
  min,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "date";
  required?: boolean;
  maxLength?: number;
  min?: string;
  defaultValue?: string;
}) {
  const { id, error, describedBy } = useFieldIds(name, hint);
  return (
    <div className="mt-3">
      <Label id={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <input
        id={id}
        name={name}
        type={type}
        min={min}
        maxLength={maxLength}
        defaultValue={defaultValue}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass} min-h-11 max-w-md`}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A set of radio buttons under a legend. */
export function Choice({
  name,
  legend,
  options,
  defaultValue,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
}) {
  const { id, error } = useFieldIds(name);
  return (
    <fieldset className="mt-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 space-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-11 items-start gap-3 py-2">
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={option.value === defaultValue}
              className="mt-1 size-5 shrink-0 accent-accent-strong dark:accent-night-accent"
            />
            <span>
              {option.label}
              {option.hint ? (
                <span className="block text-sm text-muted dark:text-night-muted">{option.hint}</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
