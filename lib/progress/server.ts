// A signed-in reader's progress, kept in PostgreSQL. Steps are a set per guide:
// every write is a set operation in SQL, so merging what a browser held, twice
// or from two tabs at once, never counts a step twice nor loses one.
import type { Database } from "@/lib/database/client";
import { getGuide } from "@/lib/content/guides";
import type { GuideProgress, ProgressMap } from "./local";

/** Keeps only real guides and their real step ids, in the guide's order. */
export function cleanProgress(input: ProgressMap): ProgressMap {
  const clean: ProgressMap = {};
  for (const [slug, progress] of Object.entries(input)) {
    const guide = getGuide(slug);
    if (!guide || !progress || typeof progress !== "object") continue;
    const ids = guide.steps.map((s) => s.id);
    const done = ids.filter((id) => Array.isArray(progress.done) && progress.done.includes(id));
    const furthest =
      typeof progress.furthest === "string" && ids.includes(progress.furthest) ? progress.furthest : undefined;
    if (done.length > 0 || furthest) clean[slug] = { done, furthest };
  }
  return clean;
}

export async function getProgress(db: Database, userId: string): Promise<ProgressMap> {
  const rows = await db.guideProgress.findMany({ where: { userId } });
  return Object.fromEntries(
    rows.map((r) => [
      r.guideSlug,
      { done: r.doneSteps, furthest: r.furthestStep ?? undefined, updatedAt: r.updatedAt.toISOString() },
    ]),
  );
}

/** The later of two steps in a guide's order. */
function further(slug: string, a: string | null | undefined, b: string | null | undefined): string | null {
  const ids = getGuide(slug)?.steps.map((s) => s.id) ?? [];
  if (!a) return b ?? null;
  if (!b) return a;
  return ids.indexOf(b) > ids.indexOf(a) ? b : a;
}

async function upsert(db: Database, userId: string, slug: string, add: string[], remove: string[], reached?: string) {
  // Lock the row (or create it) so the furthest step is compared with the latest value.
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "GuideProgress" ("userId", "guideSlug", "doneSteps", "updatedAt")
      VALUES (${userId}, ${slug}, '{}', now())
      ON CONFLICT ("userId", "guideSlug") DO NOTHING`;
    const [row] = await tx.$queryRaw<{ furthestStep: string | null }[]>`
      SELECT "furthestStep" FROM "GuideProgress" WHERE "userId" = ${userId} AND "guideSlug" = ${slug} FOR UPDATE`;
    await tx.$executeRaw`
      UPDATE "GuideProgress"
         SET "doneSteps" = ARRAY(
               SELECT DISTINCT s FROM unnest("doneSteps" || ${add}::text[]) AS s WHERE s <> ALL(${remove}::text[]) ORDER BY s),
             "furthestStep" = ${further(slug, row?.furthestStep, reached)},
             "updatedAt" = now()
       WHERE "userId" = ${userId} AND "guideSlug" = ${slug}`;
  });
}

/** Adds what a browser held to what the account has: a union of steps, the further of two positions. */
export async function mergeProgress(db: Database, userId: string, local: ProgressMap): Promise<ProgressMap> {
  for (const [slug, progress] of Object.entries(cleanProgress(local))) {
    await upsert(db, userId, slug, progress.done, [], progress.furthest);
  }
  return getProgress(db, userId);
}

export async function recordStep(
  db: Database,
  userId: string,
  change: { guide: string; step: string; done?: boolean; reached?: boolean },
): Promise<GuideProgress | undefined> {
  const ids = getGuide(change.guide)?.steps.map((s) => s.id);
  if (!ids?.includes(change.step)) return undefined;
  await upsert(
    db,
    userId,
    change.guide,
    change.done === true ? [change.step] : [],
    change.done === false ? [change.step] : [],
    change.reached ? change.step : undefined,
  );
  return (await getProgress(db, userId))[change.guide];
}
