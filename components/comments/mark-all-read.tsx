"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { send } from "./api";
import { secondaryButton } from "./comment-parts";
import { NOTIFICATIONS_READ_EVENT } from "./events";

/** "Mark all as read": a plain form without JavaScript; with it, the list refreshes in place. */
export function MarkAllRead() {
  const router = useRouter();
  const [state, setState] = useState<{ pending?: boolean; text?: string; error?: boolean }>({});
  const status = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ pending: true });
    const result = await send<{ message: string }>("/api/notifications/read", { ids: "all" });
    if (result.ok) {
      window.dispatchEvent(new Event(NOTIFICATIONS_READ_EVENT));
      setState({ text: "All marked as read." });
      router.refresh();
    } else {
      setState({ text: result.error.message, error: true });
    }
    requestAnimationFrame(() => status.current?.focus());
  }

  return (
    <form action="/api/notifications/read" method="post" onSubmit={(event) => void onSubmit(event)} className="mt-4">
      <input type="hidden" name="ids" value="all" />
      <button type="submit" disabled={state.pending} className={secondaryButton}>
        {state.pending ? "One moment…" : "Mark all as read"}
      </button>
      <div aria-live="polite">
        {state.text ? (
          <p
            ref={status}
            tabIndex={-1}
            role={state.error ? "alert" : "status"}
            className={`mt-2 text-sm outline-none ${state.error ? "text-danger dark:text-night-danger" : ""}`}
          >
            {state.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
