import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Check your email</h1>
      <p className="mt-4">
        If the address can receive mail, a sign-in link is on its way. Open it on this device within 15 minutes; it
        works once.
      </p>
      <p className="mt-4 text-muted dark:text-night-muted">
        Nothing after a few minutes? Look in your spam folder, or go back and ask for another link.
      </p>
    </>
  );
}
