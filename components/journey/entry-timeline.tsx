import Link from "next/link";
import { excerpt, type JournalEntry } from "@/lib/journey/entries";
import { entryLabel, entryTitle } from "./entry-heading";
import { formatDate } from "./format";

/** The reader's entries, newest first, each with its first lines and a link to the whole of it. */
export function EntryTimeline({ entries }: { entries: JournalEntry[] }) {
  return (
    <ol className="mt-6 space-y-4 border-l-2 border-line pl-5 dark:border-night-line">
      {entries.map((entry) => {
        const { text, truncated } = excerpt(entry.text);
        const heading = `entry-${entry.id}`;
        return (
          <li key={entry.id}>
            <article
              aria-labelledby={heading}
              className="rounded-lg border border-line bg-white p-4 dark:border-night-line dark:bg-night-raised"
            >
              <p className="text-sm text-muted dark:text-night-muted">
                {entry.guide ? `${entry.guide.title} · ` : ""}
                <time dateTime={entry.updatedAt}>{formatDate(new Date(entry.updatedAt))}</time>
              </p>
              <h3 id={heading} className="mt-1 font-serif text-lg leading-snug font-semibold">
                {entryTitle(entry)}
              </h3>
              {entry.step ? (
                <p className="mt-1 text-sm text-muted italic dark:text-night-muted">{entry.step.prompt}</p>
              ) : null}
              <p className="mt-3 font-serif whitespace-pre-line">
                {text ? (
                  <>
                    {text}
                    {truncated ? "…" : null}
                  </>
                ) : (
                  <span className="text-muted italic dark:text-night-muted">
                    Nothing written in the latest version.
                  </span>
                )}
              </p>
              <p className="mt-3 text-sm">
                <Link
                  href={`/journey/entries/${entry.id}`}
                  className="font-medium text-accent-strong underline underline-offset-2 dark:text-night-accent"
                >
                  Read the whole entry<span className="sr-only">: {entryLabel(entry)}</span>
                </Link>
              </p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
