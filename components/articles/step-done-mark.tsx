"use client";

import { useGuideProgress } from "./use-progress";

/** A check mark beside a step in the contents once the reader marked it done. */
export function StepDoneMark({ guide, step }: { guide: string; step: string }) {
  const done = useGuideProgress(guide).done.includes(step);
  if (!done) return null;
  return (
    <span className="shrink-0 text-accent-strong dark:text-night-accent">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
        <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
      </svg>
      <span className="sr-only">(done)</span>
    </span>
  );
}
