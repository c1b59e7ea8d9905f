// What the journey pages read, for the signed-in reader only: every function
// takes the session's user id and reads nothing of anyone else's.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getProgress } from "@/lib/progress/server";
import { envKeyring } from "@/lib/reflections/crypto";
import { getReflection, reflectionHistory } from "@/lib/reflections/service";
import { buildHeatmap, heatmapStart } from "./heatmap";
import { entriesByGuide, guideJourneys, journalEntries, searchEntries, toJournalEntry } from "./entries";
import { writingDays } from "./writing-days";

/** The journey page: guides, the calendar of writing days, and the entries (those matching `query`, if given). */
export async function getJourney(userId: string, query = "", now = new Date()) {
  const [progress, entries, days] = await Promise.all([
    getProgress(db, userId),
    journalEntries(db, envKeyring(), userId),
    writingDays(db, userId, heatmapStart(now)),
  ]);
  return {
    guides: guideJourneys(progress, entries),
    heatmap: buildHeatmap(days, now),
    entries: searchEntries(entries, query),
    total: entries.length,
  };
}

/** One entry with every saved version, newest first; null when the reader has no entry with this id. */
export async function getOwnEntry(userId: string, id: string) {
  try {
    const keyring = envKeyring();
    const entry = toJournalEntry(await getReflection(db, keyring, userId, id));
    return { entry, history: await reflectionHistory(db, keyring, userId, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** Every entry with words in it, grouped by guide, for printing. */
export async function getJournalForPrint(userId: string) {
  const entries = await journalEntries(db, envKeyring(), userId);
  return entriesByGuide(entries.filter((e) => e.text.trim() !== ""));
}
