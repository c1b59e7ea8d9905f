// One definition of the guide search, shared by the server results page and
// the instant search in the browser, so both find the same guides.
import type MiniSearch from "minisearch";
import type { Options, SearchOptions } from "minisearch";

export interface SearchDocument {
  id: string; // the guide's slug
  title: string;
  summary: string;
  tags: string;
  text: string;
}

export interface SearchHit {
  slug: string;
  title: string;
  summary: string;
  snippet: string;
}

export const indexOptions: Options<SearchDocument> = {
  fields: ["title", "summary", "tags", "text"],
  storeFields: ["title", "summary", "text"],
};

const exact: SearchOptions = {
  boost: { title: 4, summary: 2, tags: 2 },
  prefix: (term) => term.length > 2,
  combineWith: "AND",
};

export const MAX_QUERY_LENGTH = 200;

/** Exact and prefix matches; typo-tolerant matches only when those find nothing. */
export function searchIndex(index: MiniSearch<SearchDocument>, query: string): SearchHit[] {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (!q) return [];
  let results = index.search(q, exact);
  if (results.length === 0) results = index.search(q, { ...exact, fuzzy: (term) => (term.length > 4 ? 0.2 : false) });
  return toHits(results as unknown as Stored[]);
}

/** A short passage of `text` around the first of `terms` it contains. */
export function snippet(text: string, terms: string[], radius = 90): string {
  const lower = text.toLowerCase();
  const at = terms
    .map((t) => lower.indexOf(t.toLowerCase()))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)[0];
  if (at === undefined) return text.slice(0, radius * 2).trimEnd() + "…";
  const start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - radius)) + 1);
  const end = text.indexOf(" ", Math.min(text.length, at + radius));
  return `${start > 0 ? "…" : ""}${text.slice(start, end < 0 ? undefined : end)}${end < 0 ? "" : "…"}`;
}

type Stored = { id: string; title: string; summary: string; text: string; terms: string[] };

function toHits(results: Stored[]): SearchHit[] {
  return results.map((r) => ({ slug: r.id, title: r.title, summary: r.summary, snippet: snippet(r.text, r.terms) }));
}
