import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createKeyring } from "@/lib/reflections/crypto";
import { saveReflection } from "@/lib/reflections/service";
import { writingDays } from "./writing-days";

let database: TestDatabase;
let alice: string;
let bob: string;
const keyring = createKeyring(randomBytes(32).toString("base64"));

/** A free entry whose versions were saved at the given UTC times. */
async function entrySavedAt(userId: string, times: string[]) {
  const id = randomUUID();
  for (const [i] of times.entries()) {
    await saveReflection(database.db, keyring, userId, {
      target: { id },
      text: `v${i}`,
      baseVersion: i,
      saveId: randomUUID(),
    });
  }
  for (const [i, time] of times.entries()) {
    await database.query(`UPDATE "ReflectionVersion" SET "createdAt" = $1 WHERE "reflectionId" = $2 AND version = $3`, [
      time,
      id,
      i + 1,
    ]);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  // Days are UTC days whatever the connection's time zone says.
  await database.query(`ALTER DATABASE ${database.name} SET timezone TO 'America/New_York'`);
  alice = (await database.db.user.create({ data: { email: "alice@example.com" } })).id;
  bob = (await database.db.user.create({ data: { email: "bob@example.com" } })).id;
  await entrySavedAt(alice, ["2026-03-01 23:59:59.999", "2026-03-02 00:00:00", "2026-03-02 18:30:00"]);
  await entrySavedAt(alice, ["2026-03-02 09:00:00", "2026-01-10 12:00:00"]);
  await entrySavedAt(bob, ["2026-03-01 12:00:00", "2026-03-05 12:00:00"]);
});
afterAll(() => database.drop());

describe("writing days", () => {
  it("counts one reader's saved versions per UTC day, from the day given on", async () => {
    expect(await writingDays(database.db, alice, new Date("2026-02-01T00:00:00Z"))).toEqual([
      { day: "2026-03-01", saves: 1 },
      { day: "2026-03-02", saves: 3 },
    ]);
  });

  it("includes the whole first day, and nothing before it", async () => {
    expect(await writingDays(database.db, alice, new Date("2026-03-02T17:00:00Z"))).toEqual([
      { day: "2026-03-02", saves: 3 },
    ]);
    expect(await writingDays(database.db, alice, new Date("2025-01-01T00:00:00Z"))).toHaveLength(3);
  });

  it("never counts another reader's writing", async () => {
    expect(await writingDays(database.db, bob, new Date("2026-01-01T00:00:00Z"))).toEqual([
      { day: "2026-03-01", saves: 1 },
      { day: "2026-03-05", saves: 1 },
    ]);
    const nobody = (await database.db.user.create({ data: { email: "carol@example.com" } })).id;
    expect(await writingDays(database.db, nobody, new Date("2020-01-01T00:00:00Z"))).toEqual([]);
  });
});
