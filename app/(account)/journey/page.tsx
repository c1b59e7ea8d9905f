import type { Metadata } from "next";
import Link from "next/link";
import { EntryTimeline } from "@/components/journey/entry-timeline";
import { plural } from "@/components/journey/format";
import { GuideJourneys } from "@/components/journey/guide-journeys";
import { JournalSearch } from "@/components/journey/journal-search";
import { WritingHeatmap } from "@/components/journey/writing-heatmap";
import { requireUser } from "@/lib/auth/session";
import { param } from "@/lib/http/search-params";
import { getJourney } from "@/lib/journey/queries";

export const metadata: Metadata = { title: "Your journey", robots: { index: false } };

// Decrypted entries are rendered for the signed-in reader on every request and never cached.
export const dynamic = "force-dynamic";

const buttonLink =
  "inline-flex min-h-11 items-center rounded-md px-4 font-medium bg-accent-strong text-white hover:bg-accent dark:bg-night-accent dark:text-night";
const secondaryLink =
  "inline-flex min-h-11 items-center rounded-md border border-accent-strong px-4 font-medium text-accent-strong hover:bg-accent-soft dark:border-night-accent dark:text-night-accent dark:hover:bg-night-raised";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      id={id}
      className="mt-10 scroll-mt-6 border-t border-line pt-8 dark:border-night-line"
    >
      <h2 id={`${id}-title`} className="font-serif text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function JourneyPage({ searchParams }: PageProps<"/journey">) {
  const user = await requireUser("/journey");
  const query = (param(await searchParams, "q") ?? "").trim();
  const { guides, heatmap, entries, total } = await getJourney(user.id, query);

  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Your journey</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Where you are in the guides, and everything you have written. Only you can see this page.
      </p>
      <div className="no-print mt-6 flex flex-wrap gap-3">
        <Link href="/journey/entries/new" className={buttonLink}>
          New entry
        </Link>
        <Link href="/journey/print" className={secondaryLink}>
          Print your entries
        </Link>
      </div>

      <Section id="guides" title="The guides">
        <GuideJourneys guides={guides} />
      </Section>

      <Section id="writing-days" title="Days you wrote">
        <WritingHeatmap heatmap={heatmap} />
      </Section>

      <Section id="entries" title="Your entries">
        {total > 0 ? <JournalSearch query={query} /> : null}
        {query ? (
          <p className="mt-4 font-medium">
            {entries.length === 0
              ? `No entry contains “${query}”.`
              : `${plural(entries.length, "entry", "entries")} contain${entries.length === 1 ? "s" : ""} “${query}”.`}
          </p>
        ) : null}
        {total === 0 ? (
          <p className="mt-4">
            Nothing written yet. Answer the question at the end of any step in a guide, or{" "}
            <Link
              href="/journey/entries/new"
              className="font-medium text-accent-strong underline dark:text-night-accent"
            >
              start a journal entry
            </Link>
            .
          </p>
        ) : null}
        {entries.length > 0 ? <EntryTimeline entries={entries} /> : null}
      </Section>
    </>
  );
}
