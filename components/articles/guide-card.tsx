import Link from "next/link";
import type { GuideSource } from "@/lib/content/guides";

export function GuideCard({ guide, headingLevel = 3 }: { guide: GuideSource; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="relative rounded-lg border border-line bg-white p-5 hover:border-accent dark:border-night-line dark:bg-night-raised dark:hover:border-night-accent">
      <p className="text-sm text-muted dark:text-night-muted">
        Guide {guide.order} · {guide.readingMinutes} min read
      </p>
      <Heading className="mt-1 font-serif text-xl font-semibold">
        <Link href={`/guides/${guide.slug}`} className="after:absolute after:inset-0">
          {guide.title}
        </Link>
      </Heading>
      <p className="mt-2 text-muted dark:text-night-muted">{guide.summary}</p>
    </article>
  );
}
