/** The summary line of a <details className="group">: a turning chevron, then the words (their weight is the caller's). */
export function Summary({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return (
    <summary
      className={`flex min-h-11 cursor-pointer list-none items-center gap-2 [&::-webkit-details-marker]:hidden ${className}`}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="currentColor"
        className="size-4 shrink-0 text-muted group-open:rotate-90 dark:text-night-muted"
      >
        <path d="M7.3 4.3a1 1 0 0 1 1.4 0l5 5a1 1 0 0 1 0 1.4l-5 5a1 1 0 0 1-1.4-1.4L11.6 10 7.3 5.7a1 1 0 0 1 0-1.4Z" />
      </svg>
      <span>{children}</span>
    </summary>
  );
}
