"use client";

import Link from "next/link";
import { useAllProgress } from "./use-progress";

export interface GuideSummary {
  slug: string;
  title: string;
  steps: { id: string; number: number; title: string }[];
}

/** The guide the reader touched last, and the step to go back to. Nothing when there is no progress. */
export function ContinueReading({ guides }: { guides: GuideSummary[] }) {
  const progress = useAllProgress();
  const latest = guides
    .map((guide) => ({ guide, p: progress[guide.slug] }))
    .filter(({ p }) => p && (p.done.length > 0 || p.furthest))
    .sort((a, b) => (b.p!.updatedAt ?? "").localeCompare(a.p!.updatedAt ?? ""))[0];
  if (!latest) return null;

  const { guide, p } = latest;
  const undone = guide.steps.find((s) => !p!.done.includes(s.id));
  const step = guide.steps.find((s) => s.id === p!.furthest) ?? undone ?? guide.steps[0]!;
  return (
    <section
      aria-labelledby="continue"
      className="mt-10 rounded-lg border border-accent bg-accent-soft p-5 dark:border-night-accent dark:bg-night-raised"
    >
      <h2 id="continue" className="font-serif text-xl font-semibold">
        Continue where you left off
      </h2>
      <p className="mt-2">
        <Link
          href={`/guides/${guide.slug}#${step.id}`}
          className="font-medium text-accent-strong underline dark:text-night-accent"
        >
          {guide.title}: step {step.number}, {step.title}
        </Link>
      </p>
      <p className="mt-1 text-sm text-muted dark:text-night-muted">
        {p!.done.length} of {guide.steps.length} steps done
      </p>
    </section>
  );
}
