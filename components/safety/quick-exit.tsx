"use client";

import { useEffect } from "react";
import { QUICK_EXIT_URL } from "@/lib/safety";

/**
 * Leaves Mend at once for a neutral site. location.replace swaps this page out
 * of the tab's history, so Back does not return to it.
 */
export function leaveNow() {
  document.title = "";
  document.body.style.visibility = "hidden";
  window.location.replace(QUICK_EXIT_URL);
}

/** A quick-exit button; pressing Escape twice within a second does the same. */
export function QuickExit() {
  useEffect(() => {
    let last = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const now = event.timeStamp;
      if (now - last < 1000) leaveNow();
      last = now;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <button
      type="button"
      onClick={leaveNow}
      title="Leave this site now (or press Escape twice)"
      className="no-print inline-flex min-h-11 items-center rounded-md bg-ink px-3 text-sm font-semibold text-paper hover:bg-muted dark:bg-night-ink dark:text-night dark:hover:bg-night-muted"
    >
      Quick exit
    </button>
  );
}
