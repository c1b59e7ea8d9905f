"use client";

import { useEffect } from "react";
import { reachStep } from "@/lib/progress/local";
import { useGuideProgress } from "./use-progress";

/**
 * Remembers the furthest step the reader has scrolled to, and offers to
 * return there on the next visit.
 */
export function ReadingTracker({
  guide,
  steps,
}: {
  guide: string;
  steps: { id: string; number: number; title: string }[];
}) {
  const { furthest, done } = useGuideProgress(guide);

  useEffect(() => {
    const order = steps.map((s) => s.id);
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) reachStep(guide, (entry.target as HTMLElement).dataset.step!, order);
        }
      },
      { rootMargin: "0px 0px -60% 0px" },
    );
    document.querySelectorAll<HTMLElement>("section[data-step]").forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [guide, steps]);

  const step = steps.find((s) => s.id === furthest);
  if (!step || step.number === 1) return null;
  return (
    <p className="no-print mb-6 rounded-lg bg-accent-soft px-4 py-3 text-sm dark:bg-night-raised">
      Last time you reached step {step.number}
      {done.length > 0 ? ` and marked ${done.length} of ${steps.length} steps done` : ""}.{" "}
      <a href={`#${step.id}`} className="font-medium text-accent-strong underline dark:text-night-accent">
        Continue with “{step.title}”
      </a>
    </p>
  );
}
