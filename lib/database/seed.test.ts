import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGuides } from "@/lib/content/guides";
import { seed } from "@/lib/database/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("seed", () => {
  it("writes one row per guide, in the order of the path", async () => {
    const guides = loadGuides();
    expect(await seed(database.db)).toEqual({ created: guides.length, updated: 0 });
    const rows = await database.db.guide.findMany({ orderBy: { position: "asc" } });
    expect(rows.map((r) => r.slug)).toEqual(guides.map((g) => g.slug));
  });

  it("changes nothing when run again", async () => {
    const before = await database.query(`SELECT * FROM "Guide" ORDER BY slug`);
    expect(await seed(database.db)).toEqual({ created: 0, updated: 0 });
    const after = await database.query(`SELECT * FROM "Guide" ORDER BY slug`);
    expect(after.rows).toEqual(before.rows);
  });

  it("brings a row back in line when a guide's title changed", async () => {
    const [first] = loadGuides();
    await database.db.guide.update({ where: { slug: first!.slug }, data: { title: "An old title" } });
    expect(await seed(database.db)).toEqual({ created: 0, updated: 1 });
    expect((await database.db.guide.findUnique({ where: { slug: first!.slug } }))?.title).toBe(first!.title);
  });
});
