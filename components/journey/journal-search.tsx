import Link from "next/link";
import { MAX_QUERY_CHARS } from "@/lib/journey/entries";

/** A plain GET form: it works without JavaScript, and the answer is a page rendered for this reader alone. */
export function JournalSearch({ query }: { query: string }) {
  return (
    <form role="search" aria-label="Your entries" action="/journey#entries" method="get" className="no-print mt-4">
      <label htmlFor="journal-search" className="block font-medium">
        Search your entries
      </label>
      <p id="journal-search-hint" className="mt-1 text-sm text-muted dark:text-night-muted">
        Finds the entries that contain every word you type, in what you wrote or in the step’s question.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          id="journal-search"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={MAX_QUERY_CHARS}
          aria-describedby="journal-search-hint"
          className="min-h-11 min-w-0 flex-1 rounded-md border border-muted bg-white px-3 text-base dark:border-night-muted dark:bg-night-raised"
        />
        <button
          type="submit"
          className="min-h-11 rounded-md bg-accent-strong px-5 font-medium text-white hover:bg-accent dark:bg-night-accent dark:text-night"
        >
          Search
        </button>
        {query ? (
          <Link href="/journey#entries" className="inline-flex min-h-11 items-center px-2 font-medium underline">
            Show all entries
          </Link>
        ) : null}
      </div>
    </form>
  );
}
