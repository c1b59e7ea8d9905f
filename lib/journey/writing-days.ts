// The days a reader wrote, from the timestamps of their saved versions. Only
// timestamps are read (they are not encrypted); no text is decrypted here.
import type { Database } from "@/lib/database/client";

export interface WritingDay {
  /** The day in UTC, YYYY-MM-DD. */
  day: string;
  /** How many versions were saved that day. */
  saves: number;
}

export const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** Saved versions per UTC day since `since` (that day included), oldest first. */
export async function writingDays(db: Database, userId: string, since: Date): Promise<WritingDay[]> {
  // "createdAt" is a timestamp without time zone holding UTC, so its date is the UTC day;
  // comparing with a date (not a Date parameter) keeps the session's time zone out of it.
  return db.$queryRaw<WritingDay[]>`
    SELECT to_char(v."createdAt", 'YYYY-MM-DD') AS day, count(*)::int AS saves
      FROM "ReflectionVersion" v
      JOIN "Reflection" r ON r.id = v."reflectionId"
     WHERE r."userId" = ${userId} AND v."createdAt" >= ${utcDay(since)}::date
     GROUP BY 1
     ORDER BY 1`;
}
