"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";

// The discussion's code and its data load only when the reader comes near it
// (or arrives by a link to it), so the guide page's first load stays light.
const Discussion = lazy(() => import("./discussion").then((m) => ({ default: m.Discussion })));

/** The "Discussion" section under a guide: its heading and count, and the comments once near. */
export function DiscussionSection({ guide, children }: { guide: string; children?: React.ReactNode }) {
  const section = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  const [total, setTotal] = useState<number | null>(null);

  useEffect(() => {
    const element = section.current;
    const linked = /^#(discussion|comment-)/.test(window.location.hash);
    if (!element || linked || !("IntersectionObserver" in window)) {
      // Arrived by a link to the discussion: load it at once. (A callback, so the effect sets no state itself.)
      const frame = requestAnimationFrame(() => setNear(true));
      return () => cancelAnimationFrame(frame);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "800px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <section
      ref={section}
      id="discussion"
      aria-labelledby="discussion-heading"
      className="no-print mt-16 max-w-3xl scroll-mt-6 border-t border-line pt-10 dark:border-night-line"
    >
      <h2 id="discussion-heading" className="font-serif text-2xl font-semibold">
        Discussion
        {total ? (
          <span className="ml-2 text-base font-normal text-muted dark:text-night-muted">
            {total.toLocaleString("en")} comment{total === 1 ? "" : "s"}
          </span>
        ) : null}
      </h2>
      {children}
      {near ? (
        <Suspense
          fallback={
            <p role="status" className="mt-4 text-muted dark:text-night-muted">
              Loading comments…
            </p>
          }
        >
          <Discussion guide={guide} onTotal={setTotal} />
        </Suspense>
      ) : (
        <div className="min-h-24" />
      )}
    </section>
  );
}
