import type { JournalEntry } from "@/lib/journey/entries";

/** What an entry answers, in words: "Step 2: …" under its guide, or a journal entry. */
export function entryTitle(entry: JournalEntry): string {
  if (entry.step) return `Step ${entry.step.number}: ${entry.step.title}`;
  if (entry.guide) return "A step no longer in this guide";
  return "Journal entry";
}

/** The same as one line, for link names and page titles. */
export function entryLabel(entry: JournalEntry): string {
  return entry.guide ? `${entry.guide.title}, ${entryTitle(entry)}` : entryTitle(entry);
}
