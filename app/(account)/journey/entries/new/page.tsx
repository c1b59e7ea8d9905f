import type { Metadata } from "next";
import Link from "next/link";
import { NewEntry } from "@/components/journey/new-entry";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New journal entry", robots: { index: false } };

export default async function NewEntryPage() {
  const user = await requireUser("/journey/entries/new");
  return (
    <>
      <p>
        <Link href="/journey#entries" className="font-medium text-accent-strong underline dark:text-night-accent">
          ← Your journey
        </Link>
      </p>
      <h1 className="mt-6 font-serif text-3xl font-semibold">New journal entry</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Whatever is on your mind, tied to no guide. It is saved as you type, kept on this device while you are offline,
        and only you can read it.
      </p>
      <noscript>
        <p className="mt-4 rounded-md bg-accent-soft px-3 py-2 dark:bg-night-raised">
          Writing an entry needs JavaScript, which is turned off in this browser. Your entries can still be read and
          searched on your journey page.
        </p>
      </noscript>
      <NewEntry owner={user.id} />
    </>
  );
}
