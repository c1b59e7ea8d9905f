import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGuides } from "@/lib/content/guides";
import { seed } from "@/lib/database/seed";
import { createKeyring } from "@/lib/reflections/crypto";
import { saveReflection } from "@/lib/reflections/service";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { entriesByGuide, excerpt, guideJourneys, journalEntries, queryWords, searchEntries } from "./entries";

let database: TestDatabase;
let alice: string;
let bob: string;
const keyring = createKeyring(randomBytes(32).toString("base64"));
const [first, second] = getGuides();
const [s1, s2] = first!.steps;

const write = (userId: string, target: { guide: string; step: string } | { id: string }, text: string) =>
  saveReflection(database.db, keyring, userId, { target, text, baseVersion: 0, saveId: randomUUID() });

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  alice = (await database.db.user.create({ data: { email: "alice@example.com" } })).id;
  bob = (await database.db.user.create({ data: { email: "bob@example.com" } })).id;
  await write(alice, { guide: first!.slug, step: s1!.id }, "I miss the Sunday breakfasts.\nNot the silences.");
  await write(alice, { guide: first!.slug, step: s2!.id }, "We met in a CAFÉ; I call it ours.");
  await write(alice, { guide: second!.slug, step: second!.steps[0]!.id }, "   ");
  await write(alice, { id: randomUUID() }, "A free entry about nothing in particular.");
  await write(bob, { guide: first!.slug, step: s1!.id }, "Sunday breakfasts were the worst part.");
});
afterAll(() => database.drop());

describe("the journal of one reader", () => {
  it("decrypts the reader's own entries, newest first, with the step each answers", async () => {
    const entries = await journalEntries(database.db, keyring, alice);
    expect(entries).toHaveLength(4);
    expect(entries[0]!.text).toBe("A free entry about nothing in particular.");
    expect(entries[0]!.guide).toBeNull();
    expect(entries.at(-1)).toMatchObject({
      guide: { slug: first!.slug, title: first!.title },
      step: { id: s1!.id, number: 1, prompt: s1!.prompt },
    });
    expect(entries.map((e) => e.text).join()).not.toContain("worst part");
  });

  it("finds entries holding every word, whatever the case or accents, in the text or the step's question", async () => {
    const entries = await journalEntries(database.db, keyring, alice);
    const found = (query: string) => searchEntries(entries, query).map((e) => e.text.slice(0, 12));
    expect(found("sunday BREAKFASTS")).toEqual(["I miss the S"]);
    expect(found("sunday cafe")).toEqual([]);
    expect(found("cafe call")).toEqual(["We met in a "]);
    const promptWord = s1!.prompt
      .split(" ")
      .find((w) => w.length > 6)!
      .replace(/\W/g, "");
    expect(found(promptWord)).toContain("I miss the S");
    expect(found("")).toHaveLength(4);
    expect(found("worst")).toEqual([]);
    const bobs = await journalEntries(database.db, keyring, bob);
    expect(searchEntries(bobs, "silences")).toEqual([]);
    expect(searchEntries(bobs, "sunday")).toHaveLength(1);
  });

  it("reads a search as at most twenty distinct words", () => {
    expect(queryWords("  Don’t   dont DON'T ")).toEqual(["don't", "dont"]);
    expect(queryWords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "))).toHaveLength(20);
  });

  it("counts steps done and reflections with words in them, per guide in path order", async () => {
    const entries = await journalEntries(database.db, keyring, alice);
    const journeys = guideJourneys(
      { [first!.slug]: { done: [s1!.id, "not-a-step"], updatedAt: "2020-01-01T00:00:00.000Z" } },
      entries,
    );
    expect(journeys.map((j) => j.slug)).toEqual(getGuides().map((g) => g.slug));
    expect(journeys[0]).toMatchObject({ stepsDone: 1, totalSteps: first!.steps.length, reflections: 2 });
    expect(journeys[0]!.lastActivity! > "2020-01-01").toBe(true);
    // An answer emptied of words is no reflection, but it was still activity.
    expect(journeys[1]).toMatchObject({ stepsDone: 0, reflections: 0 });
    expect(journeys[1]!.lastActivity).not.toBeNull();
    expect(journeys[2]).toMatchObject({ stepsDone: 0, reflections: 0, lastActivity: null });
  });

  it("groups entries by guide and step for printing, free entries last", async () => {
    const groups = entriesByGuide(await journalEntries(database.db, keyring, alice));
    expect(groups.map((g) => g.guide?.slug ?? null)).toEqual([first!.slug, second!.slug, null]);
    expect(groups[0]!.entries.map((e) => e.step!.number)).toEqual([1, 2]);
  });

  it("shows the first lines of an entry, cut at a word", () => {
    expect(excerpt("one\ntwo\nthree\nfour")).toEqual({ text: "one\ntwo\nthree", truncated: true });
    expect(excerpt("short")).toEqual({ text: "short", truncated: false });
    const long = excerpt("word ".repeat(100));
    expect(long.truncated).toBe(true);
    expect(long.text.length).toBeLessThanOrEqual(280);
    expect(long.text.endsWith("word")).toBe(true);
  });
});
