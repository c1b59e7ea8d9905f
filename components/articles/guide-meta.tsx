import Link from "next/link";
import type { GuideSource } from "@/lib/content/guides";
import { tagLabel } from "@/lib/content/guides";

export const formatDate = (date: Date) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(date);

export function TagList({ tags }: { tags: string[] }) {
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-2">
      {tags.map((tag) => (
        <li key={tag}>
          <Link
            href={`/tags/${tag}`}
            className="inline-flex min-h-8 items-center rounded-full border border-line px-3 text-sm text-muted hover:border-accent hover:text-ink dark:border-night-line dark:text-night-muted dark:hover:text-night-ink"
          >
            {tagLabel(tag)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function GuideMeta({ guide }: { guide: GuideSource }) {
  return (
    <p className="text-sm text-muted dark:text-night-muted">
      By {guide.author} ·{" "}
      <time dateTime={guide.published.toISOString().slice(0, 10)}>{formatDate(guide.published)}</time> ·{" "}
      {guide.readingMinutes} min read
    </p>
  );
}
