import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntryEditor } from "@/components/journey/entry-editor";
import { entryTitle } from "@/components/journey/entry-heading";
import { EntryHistory } from "@/components/journey/entry-history";
import { formatDate } from "@/components/journey/format";
import { requireUser } from "@/lib/auth/session";
import { param } from "@/lib/http/search-params";
import { getOwnEntry } from "@/lib/journey/queries";

// The title says nothing of what the entry answers: tab titles show in the browser's history.
export const metadata: Metadata = { title: "An entry in your journal", robots: { index: false } };

export const dynamic = "force-dynamic";

export default async function EntryPage({ params, searchParams }: PageProps<"/journey/entries/[id]">) {
  const id = (await params).id.slice(0, 100);
  const user = await requireUser(`/journey/entries/${encodeURIComponent(id)}`);
  const found = await getOwnEntry(user.id, id);
  // Someone else's entry and one that does not exist look the same.
  if (!found) notFound();
  const { entry, history } = found;
  const query = await searchParams;
  const restored = Number(param(query, "restored"));
  const restoredAs = Number(param(query, "as"));
  const unchanged = Number(param(query, "unchanged"));
  const error = param(query, "error");
  const target = entry.step ? { guide: entry.guide!.slug, step: entry.step.id } : { id: entry.id };

  return (
    <>
      <p className="no-print">
        <Link href="/journey#entries" className="font-medium text-accent-strong underline dark:text-night-accent">
          ← Your journey
        </Link>
      </p>
      {entry.guide ? (
        <p className="mt-6 text-sm font-semibold tracking-wide text-accent-strong uppercase dark:text-night-accent">
          <Link href={`/guides/${entry.guide.slug}${entry.step ? `#${entry.step.id}` : ""}`} className="underline">
            {entry.guide.title}
          </Link>
        </p>
      ) : null}
      <h1 className={`${entry.guide ? "mt-1" : "mt-6"} font-serif text-3xl font-semibold`}>{entryTitle(entry)}</h1>
      {entry.step ? (
        <blockquote className="mt-3 border-l-4 border-accent pl-4 font-serif text-lg leading-snug dark:border-night-accent">
          {entry.step.prompt}
        </blockquote>
      ) : null}
      <p className="mt-3 text-sm text-muted dark:text-night-muted">
        Started <time dateTime={entry.createdAt}>{formatDate(new Date(entry.createdAt))}</time>, last saved{" "}
        <time dateTime={entry.updatedAt}>{formatDate(new Date(entry.updatedAt))}</time>.
      </p>
      {restored > 0 && restoredAs > 0 ? (
        <p role="status" className="mt-4 rounded-md bg-accent-soft px-3 py-2 dark:bg-night-raised">
          Version {restored} is back, saved as version {restoredAs}. Every earlier version is still in the history.
        </p>
      ) : null}
      {unchanged > 0 ? (
        <p role="status" className="mt-4 rounded-md bg-accent-soft px-3 py-2 dark:bg-night-raised">
          Version {unchanged} says the same as the entry does now, so nothing was saved.
        </p>
      ) : null}
      {error ? (
        <p
          role="alert"
          className="mt-4 rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-danger dark:border-night-danger dark:bg-night-raised dark:text-night-danger"
        >
          {error}
        </p>
      ) : null}
      <EntryEditor
        owner={user.id}
        target={target}
        label={entry.step ? "Your answer" : "Your entry"}
        initial={{ text: entry.text, version: entry.version }}
      />
      <EntryHistory id={entry.id} versions={history} current={entry.version} />
    </>
  );
}
