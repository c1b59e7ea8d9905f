import Link from "next/link";
import type { SearchHit } from "@/lib/search/options";

export function SearchResults({ query, hits }: { query: string; hits: SearchHit[] }) {
  if (!query.trim()) return null;
  if (hits.length === 0) {
    return (
      <p className="mt-8 text-muted dark:text-night-muted">
        No guide matches “{query}”. Try fewer or different words, or browse the{" "}
        <Link href="/tags" className="underline">
          topics
        </Link>
        .
      </p>
    );
  }
  return (
    <ol className="mt-8 space-y-6" aria-label="Results">
      {hits.map((hit) => (
        <li key={hit.slug}>
          <h2 className="font-serif text-xl font-semibold">
            <Link
              href={`/guides/${hit.slug}`}
              className="text-accent-strong underline-offset-4 hover:underline dark:text-night-accent"
            >
              {hit.title}
            </Link>
          </h2>
          <p className="mt-1 text-muted dark:text-night-muted">{hit.summary}</p>
          <p className="mt-2 text-sm">{hit.snippet}</p>
        </li>
      ))}
    </ol>
  );
}
