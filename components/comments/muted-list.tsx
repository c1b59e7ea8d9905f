"use client";

import { useState } from "react";
import { send } from "./api";
import { smallButton } from "./comment-parts";

/**
 * The people this reader muted, each with an Unmute button. Plain forms without
 * JavaScript; with it, the person leaves the list at once.
 */
export function MutedList({ people }: { people: { id: string; name: string }[] }) {
  const [list, setList] = useState(people);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);

  async function unmute(event: React.FormEvent<HTMLFormElement>, person: { id: string; name: string }) {
    event.preventDefault();
    const result = await send<{ message: string }>("/api/comments/mute", { userId: person.id, muted: false });
    if (result.ok) {
      setList((current) => current.filter((p) => p.id !== person.id));
      setStatus({ text: `${person.name} is unmuted. You will see their comments again.` });
    } else {
      setStatus({ text: result.error.message, error: true });
    }
  }

  return (
    <>
      {list.length === 0 ? (
        <p className="mt-2 text-muted dark:text-night-muted">
          Nobody. If someone’s comments upset you, “Mute” beside their name hides them for you alone; they are not told.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-line rounded-md border border-line dark:divide-night-line dark:border-night-line">
          {list.map((person) => (
            <li key={person.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span className="font-medium">{person.name}</span>
              <form action="/api/comments/mute" method="post" onSubmit={(event) => void unmute(event, person)}>
                <input type="hidden" name="userId" value={person.id} />
                <input type="hidden" name="muted" value="false" />
                <button type="submit" className={`${smallButton} border border-line dark:border-night-line`}>
                  Unmute <span className="sr-only">{person.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {status ? (
          <p
            role={status.error ? "alert" : "status"}
            className={`mt-3 text-sm ${status.error ? "text-danger dark:text-night-danger" : ""}`}
          >
            {status.text}
          </p>
        ) : null}
      </div>
    </>
  );
}
