import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGuides } from "@/lib/content/guides";
import { seed } from "@/lib/database/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createKeyring } from "./crypto";
import { getReflection, reflectionHistory, reflectionsForGuide, restoreVersion, saveReflection } from "./service";

let database: TestDatabase;
let alice: string;
let bob: string;
const keyring = createKeyring(randomBytes(32).toString("base64"));
const guide = getGuides()[0]!;
const step = guide.steps[0]!.id;
const target = { guide: guide.slug, step };

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  alice = (await database.db.user.create({ data: { email: "alice@example.com" } })).id;
  bob = (await database.db.user.create({ data: { email: "bob@example.com" } })).id;
});
afterAll(() => database.drop());

const save = (user: string, text: string, baseVersion: number, saveId = randomUUID(), t: object = target) =>
  saveReflection(database.db, keyring, user, { target: t as never, text, baseVersion, saveId });

describe("saving reflections", () => {
  it("stores only ciphertext, and gives the author back exactly what was written", async () => {
    const text = "What I did: I stopped listening.\n\n- first\n- second\n";
    const saved = await save(alice, text, 0);
    expect(saved).toMatchObject({ status: "saved", version: 1 });
    const raw = await database.query<{ ciphertext: Buffer }>(`SELECT ciphertext FROM "Reflection"`);
    expect(raw.rows[0]!.ciphertext.toString("latin1")).not.toContain("stopped listening");
    expect((await reflectionsForGuide(database.db, keyring, alice, guide.slug))[0]!.text).toBe(text);
  });

  it("keeps every version, and a retried save is stored once", async () => {
    const saveId = randomUUID();
    const first = await save(alice, "second version", 1, saveId);
    const retry = await save(alice, "second version", 1, saveId);
    expect(retry).toEqual(first);
    const history = await reflectionHistory(database.db, keyring, alice, first.id);
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0]!.text).toBe("second version");
  });

  it("never overwrites a newer version: a stale save gets both texts back", async () => {
    const stale = await save(alice, "written in an old tab", 1);
    expect(stale).toMatchObject({ status: "conflict", version: 2, text: "second version" });
    expect((await reflectionsForGuide(database.db, keyring, alice, guide.slug))[0]!.text).toBe("second version");
  });

  it("two first saves of one step at once: one is saved, the other hears of the conflict", async () => {
    const other = { guide: guide.slug, step: guide.steps[1]!.id };
    const results = await Promise.all([
      save(alice, "tab A", 0, undefined, other),
      save(alice, "tab B", 0, undefined, other),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "saved"]);
  });

  it("keeps one author's entries from another: reading, writing or guessing ids", async () => {
    const [entry] = await reflectionsForGuide(database.db, keyring, alice, guide.slug);
    expect(await reflectionsForGuide(database.db, keyring, bob, guide.slug)).toEqual([]);
    await expect(getReflection(database.db, keyring, bob, entry!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(reflectionHistory(database.db, keyring, bob, entry!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(save(bob, "overwrite", entry!.version, undefined, { id: entry!.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await getReflection(database.db, keyring, alice, entry!.id)).text).toBe(entry!.text);
  });

  it("creates free entries under an id the browser chose, once", async () => {
    const id = randomUUID();
    const saveId = randomUUID();
    await save(alice, "a free entry", 0, saveId, { id });
    expect(await save(alice, "a free entry", 0, saveId, { id })).toMatchObject({ status: "saved", version: 1 });
    expect((await getReflection(database.db, keyring, alice, id)).stepId).toBeNull();
  });

  it("refuses unknown steps and oversized text with clear errors", async () => {
    await expect(save(alice, "x", 0, undefined, { guide: guide.slug, step: "nope" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(save(alice, "x".repeat(50_001), 2)).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("restores an old version by saving it again on top, keeping every version in between", async () => {
    const id = randomUUID();
    await save(alice, "first thoughts", 0, undefined, { id });
    await save(alice, "second thoughts", 1, undefined, { id });
    await save(alice, "third thoughts", 2, undefined, { id });
    const restored = await restoreVersion(database.db, keyring, alice, id, 1);
    expect(restored).toMatchObject({ status: "saved", version: 4 });
    expect((await getReflection(database.db, keyring, alice, id)).text).toBe("first thoughts");
    const history = await reflectionHistory(database.db, keyring, alice, id);
    expect(history.map((h) => [h.version, h.text])).toEqual([
      [4, "first thoughts"],
      [3, "third thoughts"],
      [2, "second thoughts"],
      [1, "first thoughts"],
    ]);
    // Asked again (a second click), it finds the text already current and saves nothing.
    expect(await restoreVersion(database.db, keyring, alice, id, 1)).toMatchObject({ version: 4, unchanged: true });
    expect(await reflectionHistory(database.db, keyring, alice, id)).toHaveLength(4);
  });

  it("restores only the author's own versions, and only ones that exist", async () => {
    const id = randomUUID();
    await save(alice, "mine", 0, undefined, { id });
    await save(alice, "mine, again", 1, undefined, { id });
    await expect(restoreVersion(database.db, keyring, bob, id, 1)).rejects.toMatchObject({ code: "not_found" });
    await expect(restoreVersion(database.db, keyring, alice, id, 9)).rejects.toMatchObject({ code: "not_found" });
    expect((await getReflection(database.db, keyring, alice, id)).version).toBe(2);
  });
});
