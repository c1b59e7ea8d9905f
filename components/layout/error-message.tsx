"use client";

import Link from "next/link";

/** What a reader sees when a page fails: calm words, a retry, never internals. */
export function ErrorMessage({ reset, digest }: { reset: () => void; digest?: string }) {
  return (
    <div role="alert" className="max-w-xl">
      <h1 className="font-serif text-3xl font-semibold">Something went wrong on our side</h1>
      <p className="mt-4 text-muted dark:text-night-muted">
        Mend couldn’t load this page just now. It is usually brief: please try again in a moment. Anything you already
        saved is safe.
      </p>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={reset}
          className="min-h-11 rounded-md bg-accent-strong px-4 font-medium text-white hover:bg-accent dark:bg-night-accent dark:text-night"
        >
          Try again
        </button>
        <Link href="/" className="font-medium text-accent-strong underline dark:text-night-accent">
          Go to the home page
        </Link>
      </div>
      {digest ? <p className="mt-6 text-xs text-muted dark:text-night-muted">Reference: {digest}</p> : null}
    </div>
  );
}
