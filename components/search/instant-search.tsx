"use client";

import type MiniSearch from "minisearch";
import { useRef, useState } from "react";
import { indexOptions, MAX_QUERY_LENGTH, searchIndex, type SearchDocument, type SearchHit } from "@/lib/search/options";
import { SearchResults } from "./search-results";

let loading: Promise<MiniSearch<SearchDocument>> | undefined;

/** Loads the library and the index once, on first use, so other pages never pay for them. */
function loadIndex() {
  loading ??= Promise.all([import("minisearch"), fetch("/search-index.json").then((r) => r.text())]).then(
    ([{ default: Search }, json]) => Search.loadJSON<SearchDocument>(json, indexOptions),
  );
  return loading;
}

/**
 * A plain GET form that works without JavaScript (the server renders the
 * results); with JavaScript, results update as the reader types.
 */
export function InstantSearch({ initialQuery, initialHits }: { initialQuery: string; initialHits: SearchHit[] }) {
  const [query, setQuery] = useState(initialQuery);
  const [result, setResult] = useState({ query: initialQuery, hits: initialHits });
  const latest = useRef(initialQuery);

  function onChange(value: string) {
    setQuery(value);
    latest.current = value;
    loadIndex().then(
      (index) => {
        if (latest.current !== value) return; // a later keystroke wins
        setResult({ query: value, hits: searchIndex(index, value) });
        const url = value.trim() ? `/search?q=${encodeURIComponent(value)}` : "/search";
        window.history.replaceState(window.history.state, "", url);
      },
      () => {
        loading = undefined; // offline or failed: the form still submits to the server
      },
    );
  }

  return (
    <>
      <form action="/search" method="get" role="search" className="mt-6 flex max-w-xl gap-2">
        <label htmlFor="search-query" className="sr-only">
          Search the guides
        </label>
        <input
          id="search-query"
          type="search"
          name="q"
          value={query}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(event) => onChange(event.target.value)}
          onFocus={() => void loadIndex()}
          placeholder="e.g. apology, space, trust"
          autoComplete="off"
          className="min-h-11 flex-1 rounded-md border border-muted bg-white px-3 text-base dark:border-night-muted dark:bg-night-raised"
        />
        <button
          type="submit"
          className="min-h-11 rounded-md bg-accent-strong px-4 font-medium text-white hover:bg-accent dark:bg-night-accent dark:text-night"
        >
          Search
        </button>
      </form>
      <p role="status" className="sr-only">
        {result.query.trim() ? `${result.hits.length} ${result.hits.length === 1 ? "guide" : "guides"} found` : ""}
      </p>
      <SearchResults query={result.query} hits={result.hits} />
    </>
  );
}
