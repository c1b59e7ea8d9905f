"use client";

// Last resort when the root layout itself fails: a plain page with no internals.
import { ErrorMessage } from "@/components/layout/error-message";
import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="font-sans">
        <main id="main" className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
          <ErrorMessage reset={reset} digest={error.digest} />
        </main>
      </body>
    </html>
  );
}
