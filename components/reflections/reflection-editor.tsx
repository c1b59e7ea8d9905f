"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { acknowledged, hasUnsaved, loadDraft, nextSave, storeDraft, type Draft } from "@/lib/reflections/draft";
import { MAX_REFLECTION_CHARS } from "@/lib/reflections/limits";
import { draftKey, storedEntry, type EditorTarget, type StoredText } from "./stored-entry";

type Status = "loading" | "idle" | "saving" | "saved" | "offline" | "retrying" | "signed-out" | "conflict";

const STATUS_TEXT: Record<Status, string> = {
  loading: "Loading…",
  idle: "",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline: kept on this device",
  retrying: "Couldn’t save yet: kept on this device, retrying",
  "signed-out": "Signed out: kept on this device. Sign in again to save it.",
  conflict: "Changed elsewhere: choose below",
};

/** A save the server could not take now; `ms` is when it asked to be tried again, if it said. */
class RetryLater extends Error {
  constructor(readonly ms: number | null) {
    super("retry later");
  }
}

/** Retry-After in seconds, as milliseconds between 1 s and a minute; null when absent. */
function retryAfter(response: Response): number | null {
  const seconds = Number(response.headers.get("retry-after"));
  return response.headers.has("retry-after") && Number.isFinite(seconds)
    ? Math.min(Math.max(seconds, 1), 60) * 1000
    : null;
}

interface Conflict {
  version: number;
  text: string;
}

/**
 * A private entry: the answer to one step's prompt, or a free journal entry
 * under an id the browser chose. Saves about a second after typing stops, when
 * the field loses focus and when the page is hidden.
 */
export function ReflectionEditor({
  owner,
  target,
  label,
  initial,
  onSaved,
  rows = 5,
}: {
  owner: string;
  target: EditorTarget;
  /** The field's label; "(only you can read it)" follows it. */
  label: string;
  /** What the server holds, when the page has just read it; asked for otherwise. */
  initial?: StoredText;
  /** Told of every save the server acknowledged. */
  onSaved?: (saved: { id: string; version: number }) => void;
  rows?: number;
}) {
  // Plain strings, so that a new target object on each render neither resends nor reloads anything.
  const guide = "guide" in target ? target.guide : undefined;
  const step = "guide" in target ? target.step : undefined;
  const entryId = "id" in target ? target.id : undefined;
  const entry = draftKey(target);
  // Read once, on mount: a later render (a refreshed page) must not reset the text being typed.
  const initialRef = useRef(initial);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<Status>("loading");
  const [conflict, setConflictState] = useState<Conflict | null>(null);
  // Read by `save`: while two versions wait for the reader's choice, nothing is sent.
  const conflictRef = useRef<Conflict | null>(null);
  const setConflict = useCallback((value: Conflict | null) => {
    conflictRef.current = value;
    setConflictState(value);
  }, []);
  const draftRef = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sending = useRef(false);
  const retryDelay = useRef(1000);
  // Retries and follow-up saves call the latest `save` through this ref.
  const saveAgain = useRef<() => void>(() => {});

  const update = useCallback(
    (next: Draft) => {
      draftRef.current = next;
      storeDraft(owner, entry, next);
      setDraft(next);
    },
    [owner, entry],
  );

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    const current = draftRef.current;
    if (!current || sending.current || conflictRef.current || !hasUnsaved(current)) return;
    const ready = nextSave(current, () => crypto.randomUUID());
    update(ready);
    const pending = ready.inflight!;
    sending.current = true;
    setStatus("saving");
    try {
      const response = await fetch("/api/reflections/save", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ target: entryId ? { id: entryId } : { guide, step }, ...pending }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        retryDelay.current = 1000;
        const after = acknowledged(draftRef.current!, body.version);
        update(after);
        setStatus(hasUnsaved(after) ? "saving" : "saved");
        sending.current = false;
        onSavedRef.current?.({ id: body.id, version: body.version });
        if (hasUnsaved(after)) saveAgain.current();
        return;
      }
      if (response.status === 409 && body.error?.details) {
        // Nothing is overwritten: the reader sees both texts and chooses.
        update({ ...draftRef.current!, inflight: null });
        setConflict({ version: body.error.details.version, text: body.error.details.text });
        setStatus("conflict");
      } else if (response.status === 401) {
        update({ ...draftRef.current!, inflight: null });
        setStatus("signed-out");
      } else if (response.status < 500) {
        update({ ...draftRef.current!, inflight: null });
        setStatus("retrying");
      } else {
        throw new RetryLater(retryAfter(response));
      }
      sending.current = false;
    } catch (error) {
      // No answer: the same request is sent again later, so it is stored once. A server
      // that says when to come back (503 with Retry-After) is asked again then.
      sending.current = false;
      setStatus(navigator.onLine ? "retrying" : "offline");
      const wait = error instanceof RetryLater && error.ms !== null ? error.ms : retryDelay.current;
      timer.current = setTimeout(() => saveAgain.current(), wait);
      retryDelay.current = Math.min(retryDelay.current * 2, 30_000);
    }
  }, [guide, step, entryId, update, setConflict]);

  useEffect(() => {
    saveAgain.current = () => void save();
  }, [save]);

  useEffect(() => {
    let cancelled = false;
    const known = initialRef.current;
    const stored = known
      ? Promise.resolve(known)
      : storedEntry(entryId ? { id: entryId } : { guide: guide!, step: step! });
    void stored.then((found) => {
      if (cancelled) return;
      const server = found ?? { text: "", version: 0 };
      const local = loadDraft(owner, entry);
      // Unsent words on this device win; a newer version elsewhere becomes a conflict when saved.
      const start =
        local && hasUnsaved(local)
          ? local
          : { text: server.text, savedText: server.text, savedVersion: server.version, inflight: null };
      draftRef.current = start;
      setDraft(start);
      setStatus(found === null && !local ? "offline" : "idle");
      if (hasUnsaved(start)) void save();
    });
    return () => {
      cancelled = true;
    };
  }, [guide, step, entryId, owner, entry, save]);

  useEffect(() => {
    const flush = () => void save();
    const onHidden = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("online", flush);
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("online", flush);
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", flush);
    };
  }, [save]);

  function onType(text: string) {
    update({ ...draftRef.current!, text });
    setStatus((s) => (s === "conflict" ? s : "idle"));
    clearTimeout(timer.current);
    if (!conflict) timer.current = setTimeout(() => void save(), 1000);
  }

  function resolve(choice: "mine" | "theirs" | "both") {
    if (!conflict || !draftRef.current) return;
    const mine = draftRef.current.text;
    const text = choice === "mine" ? mine : choice === "theirs" ? conflict.text : `${mine}\n\n---\n\n${conflict.text}`;
    const base = { text: conflict.text, version: conflict.version };
    setConflict(null);
    update({ text, savedText: base.text, savedVersion: base.version, inflight: null });
    setStatus("idle");
    void save();
  }

  const id = `reflection-${step ?? entryId}`;
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label} <span className="font-normal text-muted dark:text-night-muted">(only you can read it)</span>
      </label>
      <textarea
        id={id}
        value={draft?.text ?? initial?.text ?? ""}
        disabled={!draft}
        maxLength={MAX_REFLECTION_CHARS}
        onChange={(event) => onType(event.target.value)}
        onBlur={() => void save()}
        rows={rows}
        className="mt-1 block w-full rounded-md border border-muted bg-white p-3 font-serif text-base leading-relaxed dark:border-night-muted dark:bg-night"
      />
      <p role="status" aria-live="polite" className="mt-1 min-h-5 text-sm text-muted dark:text-night-muted">
        {STATUS_TEXT[status]}
      </p>
      {conflict ? (
        <div
          role="group"
          aria-label="Two versions of this answer"
          className="mt-3 rounded-md border border-danger p-4 dark:border-night-danger"
        >
          <p className="font-semibold">This answer was changed in another tab or on another device.</p>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <figure>
              <figcaption className="text-sm font-semibold">What you just wrote</figcaption>
              <p className="mt-1 whitespace-pre-wrap rounded bg-white p-2 text-sm dark:bg-night">{draft?.text}</p>
            </figure>
            <figure>
              <figcaption className="text-sm font-semibold">The other version</figcaption>
              <p className="mt-1 whitespace-pre-wrap rounded bg-white p-2 text-sm dark:bg-night">{conflict.text}</p>
            </figure>
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            {(
              [
                ["mine", "Keep what I just wrote"],
                ["theirs", "Keep the other version"],
                ["both", "Keep both"],
              ] as const
            ).map(([choice, label]) => (
              <button
                key={choice}
                type="button"
                onClick={() => resolve(choice)}
                className="min-h-11 rounded-md border border-accent-strong px-3 text-sm font-medium text-accent-strong dark:border-night-accent dark:text-night-accent"
              >
                {label}
              </button>
            ))}
          </div>
          <p className="mt-2 text-xs text-muted dark:text-night-muted">
            Every version stays in the history, whichever you keep.
          </p>
        </div>
      ) : null}
    </div>
  );
}
