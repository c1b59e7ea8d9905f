import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/database/client";
import { getGuides } from "@/lib/content/guides";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { createKeyring, type Keyring } from "./crypto";
import { RotationError, rotateReflectionsKey } from "./rotate";
import { listReflections, reflectionHistory, saveReflection } from "./service";

const newKey = () => randomBytes(32).toString("base64");
const A = newKey();
const B = newKey();
const C = newKey();
const ringA = createKeyring(A);
const ringB = createKeyring(B);
// The site after the operator's change: B seals, A still reads.
const ringBA = createKeyring(B, [A]);
const guide = getGuides()[0]!;

let database: TestDatabase;
let users: string[];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

beforeEach(async () => {
  await database.query(`DELETE FROM "User"`);
  users = [];
  for (let i = 0; i < 3; i++) {
    users.push((await database.db.user.create({ data: { email: `writer-${i}@example.com` } })).id);
  }
});

/** Every entry's every version, as the author reads it back with `keyring`. */
async function readAll(keyring: Keyring) {
  const texts: Record<string, string[]> = {};
  for (const user of users) {
    for (const entry of await listReflections(database.db, keyring, user)) {
      const history = await reflectionHistory(database.db, keyring, user, entry.id);
      texts[entry.id] = [entry.text, ...history.map((h) => h.text)];
    }
  }
  return texts;
}

/** Each user writes one entry per step of the first three, with `versions` versions each. */
async function writeEntries(keyring: Keyring, versions = 3) {
  const written: string[] = [];
  for (const [u, user] of users.entries()) {
    for (const step of guide.steps.slice(0, 3)) {
      for (let v = 0; v < versions; v++) {
        const text = `secret ${u}/${step.id}/v${v + 1}: the night I left ✓`;
        const saved = await saveReflection(database.db, keyring, user, {
          target: { guide: guide.slug, step: step.id },
          text,
          baseVersion: v,
          saveId: randomUUID(),
        });
        expect(saved.status).toBe("saved");
        written.push(text);
      }
    }
  }
  return written;
}

const keyIds = async () =>
  (
    await database.query<{ keyId: string }>(
      `SELECT "keyId" FROM "Reflection" UNION ALL SELECT "keyId" FROM "ReflectionVersion"`,
    )
  ).rows.map((r) => r.keyId);

describe("rotating the reflections key", () => {
  it("re-encrypts every entry and version under the new key, and every text reads back the same", async () => {
    const written = await writeEntries(ringA);
    const before = await readAll(ringA);
    const updatedAt = await database.query(`SELECT id, "updatedAt" FROM "Reflection" ORDER BY id`);
    const progress: number[] = [];

    const result = await rotateReflectionsKey(database.db, ringBA, {
      batchSize: 4,
      onProgress: (p) => void progress.push(p.done),
    });

    // 3 users × 3 steps: 9 entries and 27 versions.
    expect(result).toMatchObject({ total: 36, reEncrypted: 36, raced: 0, failures: [], remaining: new Map() });
    expect(progress.at(-1)).toBe(36);
    expect(progress.length).toBeGreaterThan(8);
    expect(new Set(await keyIds())).toEqual(new Set([ringB.currentId]));
    // Read with B alone: nothing depends on A any more, and each text is still bound to its author and entry.
    expect(await readAll(ringB)).toEqual(before);
    const dump = await database.query<{ dump: string }>(
      `SELECT string_agg(encode(ciphertext, 'escape'), '') AS dump
         FROM (SELECT ciphertext FROM "Reflection" UNION ALL SELECT ciphertext FROM "ReflectionVersion") c`,
    );
    for (const text of written) expect(dump.rows[0]!.dump).not.toContain(text.slice(0, 20));
    expect(dump.rows[0]!.dump).not.toContain("the night I left");
    // Rotation is not a save: the entries keep their times.
    expect(await database.query(`SELECT id, "updatedAt" FROM "Reflection" ORDER BY id`)).toMatchObject({
      rows: updatedAt.rows,
    });
  });

  it("stopped after one batch and run again, finishes the job", async () => {
    await writeEntries(ringA);
    const before = await readAll(ringA);
    await expect(
      rotateReflectionsKey(database.db, ringBA, {
        batchSize: 5,
        onProgress: () => {
          throw new Error("Ctrl-C");
        },
      }),
    ).rejects.toThrow("Ctrl-C");
    const halfway = await keyIds();
    expect(halfway.filter((id) => id === ringB.currentId)).toHaveLength(5);

    const result = await rotateReflectionsKey(database.db, ringBA, { batchSize: 5 });
    expect(result).toMatchObject({ total: 31, reEncrypted: 31, remaining: new Map() });
    expect(new Set(await keyIds())).toEqual(new Set([ringB.currentId]));
    expect(await readAll(ringB)).toEqual(before);
    // A third run has nothing left to do.
    expect(await rotateReflectionsKey(database.db, ringBA)).toMatchObject({ total: 0, reEncrypted: 0 });
  });

  /** The database as seen from an operator's machine far from it: each query waits a little first. */
  const farAway = (db: Database) =>
    new Proxy(db, {
      get(target, property) {
        if (property !== "$queryRaw") return Reflect.get(target, property);
        return async (strings: TemplateStringsArray, ...values: unknown[]) => {
          await new Promise((resolve) => setTimeout(resolve, 3));
          return target.$queryRaw(strings, ...values);
        };
      },
    }) as Database;

  // Autosaves from several writers while the rotation runs one row at a time.
  // The site seals with `siteKeyring`: B once restarted with the new key, or still
  // A when it was not (then only the version check keeps old text from coming back).
  async function raceSaves(siteKeyring: Keyring, savesPerWriter = 15) {
    await writeEntries(ringA, 2);
    const acknowledged = new Map<string, { version: number; text: string }[]>();
    let rotating = true;
    let savedWhileRotating = 0;
    // What a reader reloading the page between saves would have seen, when it was not their last save.
    const staleReads: string[] = [];
    const writers = users.map(async (user, u) => {
      for (let n = 0; n < savesPerWriter; n++) {
        const step = guide.steps[n % 3]!.id;
        const [entry] = (await listReflections(database.db, ringBA, user)).filter((e) => e.stepId === step);
        const last = acknowledged.get(entry!.id)?.at(-1);
        if (last && (entry!.text !== last.text || entry!.version !== last.version)) staleReads.push(entry!.text);
        // Built on the last acknowledged text, as the browser does, not on what was read.
        const text = `${last?.text ?? entry!.text}\nsave ${n} by writer ${u}`;
        const saved = await saveReflection(database.db, siteKeyring, user, {
          target: { guide: guide.slug, step },
          text,
          baseVersion: last?.version ?? entry!.version,
          saveId: randomUUID(),
        });
        expect(saved.status).toBe("saved");
        if (rotating) savedWhileRotating++;
        acknowledged.set(entry!.id, [...(acknowledged.get(entry!.id) ?? []), { version: saved.version, text }]);
      }
    });
    const rotation = rotateReflectionsKey(farAway(database.db), ringBA, { batchSize: 1 }).finally(
      () => (rotating = false),
    );
    const [result] = await Promise.all([rotation, ...writers]);
    // Otherwise the test would prove nothing.
    expect(savedWhileRotating).toBeGreaterThan(0);
    expect(staleReads).toEqual([]);
    return { result, acknowledged };
  }

  async function expectEverySaveKept(acknowledged: Map<string, { version: number; text: string }[]>) {
    for (const user of users) {
      for (const entry of await listReflections(database.db, ringB, user)) {
        const saves = acknowledged.get(entry.id)!;
        expect(saves.length).toBeGreaterThan(0);
        expect(entry.text).toBe(saves.at(-1)!.text);
        expect(entry.version).toBe(saves.at(-1)!.version);
        const history = new Map(
          (await reflectionHistory(database.db, ringB, user, entry.id)).map((h) => [h.version, h.text]),
        );
        for (const save of saves) expect(history.get(save.version)).toBe(save.text);
      }
    }
  }

  it("loses no text when saves race with it, the site sealing with the new key", async () => {
    const { result, acknowledged } = await raceSaves(ringBA);
    expect(result.remaining).toEqual(new Map());
    expect(result.failures).toEqual([]);
    expect(new Set(await keyIds())).toEqual(new Set([ringB.currentId]));
    await expectEverySaveKept(acknowledged);
  });

  it("loses no text when saves race with it, the site still sealing with the old key", async () => {
    const { acknowledged } = await raceSaves(createKeyring(A, [B]));
    // Saves made after the last pass are under A still; once the site has B, a second run finishes.
    await rotateReflectionsKey(database.db, ringBA);
    expect(new Set(await keyIds())).toEqual(new Set([ringB.currentId]));
    await expectEverySaveKept(acknowledged);
  });

  it("never writes back an entry a save changed after the rotation read it", async () => {
    await writeEntries(ringA, 1);
    const [entry] = await listReflections(database.db, ringA, users[0]!);
    let saved = false;
    // The save lands exactly between the rotation's read of the batch and its write, sealed with
    // the old key as by a site not yet restarted: only the version check tells the rows apart.
    const interleaved = new Proxy(database.db, {
      get(target, property) {
        if (property !== "$queryRaw") return Reflect.get(target, property);
        return async (strings: TemplateStringsArray, ...values: unknown[]) => {
          if (!saved && strings.join("").includes(`UPDATE "Reflection" AS r`)) {
            saved = true;
            const result = await saveReflection(database.db, ringA, users[0]!, {
              target: { id: entry!.id },
              text: "written during the rotation",
              baseVersion: entry!.version,
              saveId: randomUUID(),
            });
            expect(result.status).toBe("saved");
          }
          return target.$queryRaw(strings, ...values);
        };
      },
    }) as Database;

    const result = await rotateReflectionsKey(interleaved, ringBA, { batchSize: 100 });
    // Left to the save, then taken up again by the next pass.
    expect(result).toMatchObject({ raced: 1, remaining: new Map() });
    const after = (await listReflections(database.db, ringB, users[0]!)).find((e) => e.id === entry!.id);
    expect(after).toMatchObject({ version: entry!.version + 1, text: "written during the rotation" });
    expect(new Set(await keyIds())).toEqual(new Set([ringB.currentId]));
  });

  it("says which old keys no row uses any more, and keeps one a row still needs", async () => {
    await writeEntries(ringA, 1);
    const ring = createKeyring(B, [A, C]);
    const ringC = createKeyring(C);
    // One more entry under C, whose stored ciphertext has been damaged.
    await saveReflection(database.db, ringC, users[0]!, {
      target: { guide: guide.slug, step: guide.steps[4]!.id },
      text: "damaged",
      baseVersion: 0,
      saveId: randomUUID(),
    });
    await database.query(
      `UPDATE "ReflectionVersion" SET ciphertext = set_byte(ciphertext, 20, get_byte(ciphertext, 20) # 1)
        WHERE "keyId" = $1`,
      [ringC.currentId],
    );

    const result = await rotateReflectionsKey(database.db, ring);
    expect(result.failures).toEqual([
      {
        table: "ReflectionVersion",
        id: expect.any(String),
        reason: "Unsupported state or unable to authenticate data",
      },
    ]);
    expect(result.unusedOldKeyIds).toEqual([ringA.currentId]);
    expect(result.remaining).toEqual(new Map([[ringC.currentId, 1]]));
    // The damaged row keeps its ciphertext: nothing is replaced by something unreadable.
    expect(await keyIds()).toContain(ringC.currentId);
  });

  it("refuses, changing nothing, when a row is sealed with a key it was not given", async () => {
    await writeEntries(ringA, 1);
    await expect(rotateReflectionsKey(database.db, createKeyring(B, [C]))).rejects.toThrow(RotationError);
    await expect(rotateReflectionsKey(database.db, createKeyring(B, [C]))).rejects.toThrow(
      `18 row(s) are sealed with key id ${ringA.currentId}, which is neither REFLECTIONS_KEY nor in REFLECTIONS_OLD_KEYS`,
    );
    expect(new Set(await keyIds())).toEqual(new Set([ringA.currentId]));
  });
});
