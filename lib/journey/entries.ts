// A reader's journal as the journey pages show it: every reflection, decrypted
// for its author, with the guide and step it answers. Searching happens here,
// on the decrypted text in this process: the database only ever holds ciphertext.
import type { Database } from "@/lib/database/client";
import { getGuide, getGuides } from "@/lib/content/guides";
import type { Keyring } from "@/lib/reflections/crypto";
import type { ProgressMap } from "@/lib/progress/local";
import { listReflections, type ReflectionView } from "@/lib/reflections/service";

export interface JournalEntry {
  id: string;
  text: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Null for a free journal entry. */
  guide: { slug: string; title: string; order: number } | null;
  /** Null for a free entry, or when the guide no longer has the step (stepId still says which). */
  step: { id: string; number: number; title: string; prompt: string } | null;
  stepId: string | null;
}

export function toJournalEntry(reflection: ReflectionView): JournalEntry {
  const guide = reflection.guideSlug ? getGuide(reflection.guideSlug) : undefined;
  const step = guide?.steps.find((s) => s.id === reflection.stepId);
  return {
    id: reflection.id,
    text: reflection.text,
    version: reflection.version,
    createdAt: reflection.createdAt,
    updatedAt: reflection.updatedAt,
    guide: reflection.guideSlug
      ? {
          slug: reflection.guideSlug,
          title: guide?.title ?? reflection.guideSlug,
          order: guide?.order ?? Number.MAX_SAFE_INTEGER,
        }
      : null,
    step: step ? { id: step.id, number: step.number, title: step.title, prompt: step.prompt } : null,
    stepId: reflection.stepId,
  };
}

/** Every entry of the reader's, newest first. */
export async function journalEntries(db: Database, keyring: Keyring, userId: string): Promise<JournalEntry[]> {
  return (await listReflections(db, keyring, userId)).map(toJournalEntry);
}

export const MAX_QUERY_CHARS = 200;
const MAX_QUERY_WORDS = 20;

// Case, accents and the kind of apostrophe don't matter: "don't" finds "Don’t", "cafe" finds "café".
function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en-US")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

/** The words of a search, folded; empty when there is nothing to search for. */
export function queryWords(query: string): string[] {
  const words = fold(query.slice(0, MAX_QUERY_CHARS)).split(/\s+/).filter(Boolean);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/** Entries whose text, step title or prompt contains every word of the query. */
export function searchEntries(entries: JournalEntry[], query: string): JournalEntry[] {
  const words = queryWords(query);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const haystack = fold([entry.text, entry.step?.title ?? "", entry.step?.prompt ?? ""].join("\n"));
    return words.every((word) => haystack.includes(word));
  });
}

/** The first lines of an entry, cut at a word near `maxChars`. */
export function excerpt(text: string, maxLines = 3, maxChars = 280): { text: string; truncated: boolean } {
  const lines = text.trim().split(/\r?\n/);
  let head = lines.slice(0, maxLines).join("\n").trimEnd();
  let truncated = lines.length > maxLines;
  if (head.length > maxChars) {
    const cut = head.slice(0, maxChars);
    const space = cut.lastIndexOf(" ");
    head = (space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd();
    truncated = true;
  }
  return { text: head, truncated };
}

export interface GuideGroup {
  guide: JournalEntry["guide"];
  entries: JournalEntry[];
}

/** Entries grouped by guide in the path's order, steps in order; free entries last, oldest first. */
export function entriesByGuide(entries: JournalEntry[]): GuideGroup[] {
  const groups = new Map<string, GuideGroup>();
  for (const entry of entries) {
    const key = entry.guide?.slug ?? "";
    const group = groups.get(key) ?? { guide: entry.guide, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.entries.sort((a, b) =>
      group.guide
        ? (a.step?.number ?? Infinity) - (b.step?.number ?? Infinity)
        : a.createdAt.localeCompare(b.createdAt),
    );
  }
  return [...groups.values()].sort((a, b) => (a.guide?.order ?? Infinity) - (b.guide?.order ?? Infinity));
}

export interface GuideJourney {
  slug: string;
  title: string;
  totalSteps: number;
  stepsDone: number;
  /** Entries on the guide's steps with words in them. */
  reflections: number;
  /** The latest progress change or save in this guide, if any. */
  lastActivity: string | null;
}

/** Each guide in path order, with what the reader has done in it. */
export function guideJourneys(progress: ProgressMap, entries: JournalEntry[]): GuideJourney[] {
  return getGuides().map((guide) => {
    const own = entries.filter((e) => e.guide?.slug === guide.slug);
    const done = progress[guide.slug]?.done ?? [];
    const dates = [progress[guide.slug]?.updatedAt, ...own.map((e) => e.updatedAt)].filter(
      (d): d is string => typeof d === "string",
    );
    return {
      slug: guide.slug,
      title: guide.title,
      totalSteps: guide.steps.length,
      stepsDone: guide.steps.filter((s) => done.includes(s.id)).length,
      reflections: own.filter((e) => e.text.trim() !== "").length,
      lastActivity: dates.length > 0 ? dates.sort().at(-1)! : null,
    };
  });
}
