"use client";

import { setStepDone } from "@/lib/progress/local";
import { useGuideProgress } from "./use-progress";

export function StepDoneToggle({ guide, step, number }: { guide: string; step: string; number: number }) {
  const done = useGuideProgress(guide).done.includes(step);
  return (
    <label className="no-print mt-6 inline-flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-line px-4 font-sans text-base font-medium dark:border-night-line">
      <input
        type="checkbox"
        checked={done}
        onChange={(event) => setStepDone(guide, step, event.target.checked)}
        className="size-5 accent-accent-strong dark:accent-night-accent"
      />
      <span>{done ? `Step ${number} done` : `Mark step ${number} done`}</span>
    </label>
  );
}
