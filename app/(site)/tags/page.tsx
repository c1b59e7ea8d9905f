import type { Metadata } from "next";
import Link from "next/link";
import { tagIndex, tagLabel } from "@/lib/content/guides";

export const metadata: Metadata = { title: "Topics", alternates: { canonical: "/tags" } };

export default function TagsPage() {
  const tags = [...tagIndex().entries()];
  return (
    <>
      <h1 className="font-serif text-4xl font-semibold">Topics</h1>
      <ul className="mt-8 flex flex-wrap gap-3">
        {tags.map(([tag, guides]) => (
          <li key={tag}>
            <Link
              href={`/tags/${tag}`}
              className="inline-flex min-h-11 items-center gap-2 rounded-full border border-line px-4 capitalize hover:border-accent dark:border-night-line dark:hover:border-night-accent"
            >
              {tagLabel(tag)}
              <span className="text-sm text-muted dark:text-night-muted">({guides.length})</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
