import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGuides } from "@/lib/content/guides";
import { seed } from "@/lib/database/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getProgress, mergeProgress, recordStep } from "./server";

let database: TestDatabase;
let userId: string;
const guide = getGuides()[2]!;
const [s1, s2, s3, s4] = guide.steps.map((s) => s.id);

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  userId = (await database.db.user.create({ data: { email: "p@example.com" } })).id;
});
afterAll(() => database.drop());

describe("progress in the database", () => {
  it("merges what the browser held as a set union, however often it is merged", async () => {
    const local = { [guide.slug]: { done: [s1!, s2!, s2!], furthest: s3 } };
    await mergeProgress(database.db, userId, local);
    await mergeProgress(database.db, userId, local);
    const merged = await mergeProgress(database.db, userId, { [guide.slug]: { done: [s2!, s4!], furthest: s2 } });
    expect([...merged[guide.slug]!.done].sort()).toEqual([s1, s2, s4].sort());
    expect(merged[guide.slug]!.furthest).toBe(s3);
  });

  it("ignores guides and steps that do not exist", async () => {
    const merged = await mergeProgress(database.db, userId, {
      "no-such-guide": { done: ["x"] },
      [guide.slug]: { done: ["not-a-step"], furthest: "nowhere" },
    });
    expect(Object.keys(merged)).toEqual([guide.slug]);
    expect(merged[guide.slug]!.done).not.toContain("not-a-step");
    expect(await recordStep(database.db, userId, { guide: guide.slug, step: "nope", done: true })).toBeUndefined();
  });

  it("records a step done or undone, and the furthest step only moves forward", async () => {
    await recordStep(database.db, userId, { guide: guide.slug, step: s1!, done: false });
    const after = await recordStep(database.db, userId, { guide: guide.slug, step: s2!, reached: true });
    expect(after!.done).not.toContain(s1);
    expect(after!.furthest).toBe(s3);
  });

  it("keeps every step when two tabs write at once", async () => {
    const other = (await database.db.user.create({ data: { email: "q@example.com" } })).id;
    await Promise.all(
      guide.steps.map((s) => recordStep(database.db, other, { guide: guide.slug, step: s.id, done: true })),
    );
    const progress = await getProgress(database.db, other);
    expect([...progress[guide.slug]!.done].sort()).toEqual(guide.steps.map((s) => s.id).sort());
  });
});
