// Puts in the database what the site needs to run. Idempotent: a second run
// changes nothing, because each row is written only when it differs.
import type { Database } from "@/lib/database/client";
import { loadGuides } from "@/lib/content/guides";

export interface SeedResult {
  created: number;
  updated: number;
}

export async function seed(db: Database): Promise<SeedResult> {
  const result: SeedResult = { created: 0, updated: 0 };
  const guides = loadGuides();
  const existing = new Map((await db.guide.findMany()).map((g) => [g.slug, g]));
  for (const [index, guide] of guides.entries()) {
    const wanted = { title: guide.title, position: index + 1 };
    const row = existing.get(guide.slug);
    if (!row) {
      await db.guide.create({ data: { slug: guide.slug, ...wanted } });
      result.created++;
    } else if (row.title !== wanted.title || row.position !== wanted.position) {
      await db.guide.update({ where: { slug: guide.slug }, data: wanted });
      result.updated++;
    }
  }
  return result;
}
