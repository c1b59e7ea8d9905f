import type { Metadata } from "next";
import Link from "next/link";
import { entryTitle } from "@/components/journey/entry-heading";
import { formatDate } from "@/components/journey/format";
import { PrintButton } from "@/components/journey/print-button";
import { requireUser } from "@/lib/auth/session";
import { getJournalForPrint } from "@/lib/journey/queries";

export const metadata: Metadata = { title: "Your journal, to print", robots: { index: false } };

export const dynamic = "force-dynamic";

export default async function PrintJournalPage() {
  const user = await requireUser("/journey/print");
  const groups = await getJournalForPrint(user.id);

  return (
    <div className="print-plain">
      <div className="no-print mb-8 flex flex-wrap items-center justify-between gap-3">
        <Link href="/journey" className="font-medium text-accent-strong underline dark:text-night-accent">
          ← Your journey
        </Link>
        <PrintButton />
      </div>
      <h1 className="font-serif text-3xl font-semibold">Your journal</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Your answers to the guides’ questions and your journal entries, as last saved. Once printed, only the paper
        keeps them private.
      </p>
      {groups.length === 0 ? <p className="mt-8">There is nothing written yet.</p> : null}
      {groups.map((group) => (
        <section
          key={group.guide?.slug ?? "journal"}
          aria-labelledby={`print-${group.guide?.slug ?? "journal"}`}
          className="mt-10"
        >
          <h2
            id={`print-${group.guide?.slug ?? "journal"}`}
            className="border-b border-line pb-2 font-serif text-2xl font-semibold break-after-avoid dark:border-night-line"
          >
            {group.guide?.title ?? "Journal entries"}
          </h2>
          {group.entries.map((entry) => (
            <article key={entry.id} className="mt-6">
              <h3 className="font-serif text-lg font-semibold break-after-avoid">
                {entry.step || entry.guide ? entryTitle(entry) : formatDate(new Date(entry.createdAt))}
              </h3>
              {entry.step ? (
                <blockquote className="mt-1 border-l-4 border-accent pl-3 italic break-after-avoid dark:border-night-accent">
                  {entry.step.prompt}
                </blockquote>
              ) : null}
              <p className="mt-3 font-serif whitespace-pre-wrap">{entry.text}</p>
              <p className="mt-2 text-sm text-muted dark:text-night-muted">
                Last saved <time dateTime={entry.updatedAt}>{formatDate(new Date(entry.updatedAt))}</time>
              </p>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
