"use client";

import { useSyncExternalStore } from "react";
import { setStepDone } from "@/lib/progress/local";
import { useGuideProgress } from "./use-progress";

const subscribe = () => () => {};

export function StepDoneToggle({ guide, step, number }: { guide: string; step: string; number: number }) {
  const done = useGuideProgress(guide).done.includes(step);
  // Disabled until the page is interactive: a click before that would be undone when React takes over.
  const ready = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (
    <label className="no-print mt-6 inline-flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-line px-4 font-sans text-base font-medium dark:border-night-line">
      <input
        type="checkbox"
        checked={done}
        disabled={!ready}
        onChange={(event) => setStepDone(guide, step, event.target.checked)}
        className="size-5 accent-accent-strong dark:accent-night-accent"
      />
      <span>{done ? `Step ${number} done` : `Mark step ${number} done`}</span>
    </label>
  );
}
