const RADIUS = 15;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** A ring filled in the share of steps done. Decorative: the text beside it says the same in words. */
export function ProgressRing({ done, total }: { done: number; total: number }) {
  const filled = total > 0 ? (CIRCUMFERENCE * done) / total : 0;
  return (
    <svg aria-hidden="true" viewBox="0 0 40 40" className="size-10 shrink-0 -rotate-90">
      <circle cx="20" cy="20" r={RADIUS} fill="none" strokeWidth="5" className="stroke-line dark:stroke-night-line" />
      {done > 0 ? (
        <circle
          cx="20"
          cy="20"
          r={RADIUS}
          fill="none"
          strokeWidth="5"
          strokeDasharray={`${filled} ${CIRCUMFERENCE}`}
          className="stroke-accent-strong dark:stroke-night-accent"
        />
      ) : null}
    </svg>
  );
}
