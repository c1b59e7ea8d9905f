// Re-encrypts every reflection and version sealed with an old key under the
// current one, so that the old key can be retired. It runs beside a live site:
// a row is written back only if it is still exactly what was read (same key,
// and for an entry the same version), so a save made meanwhile is never
// overwritten with older text. Each batch is one statement that commits or not,
// so the run can be stopped at any point and started again.
import type { Database } from "@/lib/database/client";
import { decrypt, encrypt, type Keyring } from "./crypto";

export type RotationTable = "Reflection" | "ReflectionVersion";

export interface RotationProgress {
  /** Rows re-encrypted so far in this run. */
  done: number;
  /** Rows sealed with another key than the current one when the run began. */
  total: number;
}

export interface RotateOptions {
  /** Rows read and written back per statement (200). */
  batchSize?: number;
  /** Called after each batch; throwing stops the run there, with that batch kept. */
  onProgress?: (progress: RotationProgress) => void | Promise<void>;
}

export interface RotationFailure {
  table: RotationTable;
  id: string;
  reason: string;
}

/** How many rows each key id seals, per table. */
export interface KeyUsage {
  entries: Map<string, number>;
  versions: Map<string, number>;
}

export interface RotationResult {
  currentId: string;
  total: number;
  reEncrypted: number;
  /** Rows a save changed between being read and written back; left to the save, or to a later pass. */
  raced: number;
  /** Rows that could not be decrypted: they keep their old key, and the key stays in use. */
  failures: RotationFailure[];
  /** Rows still sealed with another key than the current one, by key id: empty when the job is done. */
  remaining: Map<string, number>;
  /** Old keys of the keyring that no row uses any more: they can be removed. */
  unusedOldKeyIds: string[];
}

export class RotationError extends Error {
  override name = "RotationError";
  constructor(
    message: string,
    readonly unknownKeyIds: string[],
  ) {
    super(message);
  }
}

const DEFAULT_BATCH_SIZE = 200;
// Rows a save touched during a pass are looked at again; a site still sealing
// with the old key would otherwise keep the job from ever finishing, so stop.
const MAX_PASSES = 3;

export async function reflectionKeyUsage(db: Database): Promise<KeyUsage> {
  const rows = await db.$queryRaw<{ table: RotationTable; keyId: string; count: number }[]>`
    SELECT 'Reflection' AS "table", "keyId", count(*)::int AS count FROM "Reflection" GROUP BY "keyId"
    UNION ALL
    SELECT 'ReflectionVersion', "keyId", count(*)::int FROM "ReflectionVersion" GROUP BY "keyId"`;
  const usage: KeyUsage = { entries: new Map(), versions: new Map() };
  for (const row of rows) (row.table === "Reflection" ? usage.entries : usage.versions).set(row.keyId, row.count);
  return usage;
}

const sum = (counts: Map<string, number>, skip: string) =>
  [...counts].reduce((total, [id, n]) => (id === skip ? total : total + n), 0);

interface ReadRow {
  id: string;
  userId: string;
  reflectionId: string;
  keyId: string;
  version: number;
  ciphertext: Uint8Array;
}

function readBatch(db: Database, table: RotationTable, currentId: string, after: string, limit: number) {
  return table === "Reflection"
    ? db.$queryRaw<ReadRow[]>`
        SELECT id, "userId", id AS "reflectionId", "keyId", version, ciphertext FROM "Reflection"
         WHERE "keyId" <> ${currentId} AND id > ${after} ORDER BY id LIMIT ${limit}`
    : db.$queryRaw<ReadRow[]>`
        SELECT v.id, r."userId", v."reflectionId", v."keyId", v.version, v.ciphertext
          FROM "ReflectionVersion" v JOIN "Reflection" r ON r.id = v."reflectionId"
         WHERE v."keyId" <> ${currentId} AND v.id > ${after} ORDER BY v.id LIMIT ${limit}`;
}

interface Sealed {
  id: string;
  version: number;
  oldKeyId: string;
  ciphertext: Buffer;
}

/** Writes the batch back where each row is unchanged since it was read; returns how many were. */
async function writeBatch(db: Database, table: RotationTable, currentId: string, batch: Sealed[]) {
  const ids = batch.map((s) => s.id);
  const versions = batch.map((s) => s.version);
  const oldKeyIds = batch.map((s) => s.oldKeyId);
  const ciphertexts = batch.map((s) => s.ciphertext);
  // Raw SQL, not Prisma's update: @updatedAt would otherwise move, and the entry would look newly saved.
  const written =
    table === "Reflection"
      ? await db.$queryRaw<{ id: string }[]>`
          UPDATE "Reflection" AS r SET "keyId" = ${currentId}, ciphertext = b.ciphertext
            FROM unnest(${ids}::text[], ${versions}::int[], ${oldKeyIds}::text[], ${ciphertexts}::bytea[])
                 AS b(id, version, "keyId", ciphertext)
           WHERE r.id = b.id AND r."keyId" = b."keyId" AND r.version = b.version
          RETURNING r.id`
      : await db.$queryRaw<{ id: string }[]>`
          UPDATE "ReflectionVersion" AS v SET "keyId" = ${currentId}, ciphertext = b.ciphertext
            FROM unnest(${ids}::text[], ${oldKeyIds}::text[], ${ciphertexts}::bytea[]) AS b(id, "keyId", ciphertext)
           WHERE v.id = b.id AND v."keyId" = b."keyId"
          RETURNING v.id`;
  return written.length;
}

export async function rotateReflectionsKey(
  db: Database,
  keyring: Keyring,
  options: RotateOptions = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const currentId = keyring.currentId;
  const before = await reflectionKeyUsage(db);
  const unknown = [...new Set([...before.entries.keys(), ...before.versions.keys()])].filter(
    (id) => !keyring.keys.has(id),
  );
  if (unknown.length) {
    const rows = unknown.reduce((n, id) => n + (before.entries.get(id) ?? 0) + (before.versions.get(id) ?? 0), 0);
    throw new RotationError(
      `${rows.toLocaleString("en-US")} row(s) are sealed with key id ${unknown.join(", ")}, which is neither ` +
        `REFLECTIONS_KEY nor in REFLECTIONS_OLD_KEYS. Add the key that sealed them to REFLECTIONS_OLD_KEYS ` +
        `and run again. Nothing was changed.`,
      unknown,
    );
  }

  const total = sum(before.entries, currentId) + sum(before.versions, currentId);
  const failures = new Map<string, RotationFailure>();
  let reEncrypted = 0;
  let raced = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let racedThisPass = 0;
    for (const table of ["Reflection", "ReflectionVersion"] as const) {
      // Keyset paging by id: rows that fail or are skipped are passed over, never read again in this pass.
      let after = "";
      for (;;) {
        const rows = await readBatch(db, table, currentId, after, batchSize);
        if (!rows.length) break;
        after = rows.at(-1)!.id;
        const batch: Sealed[] = [];
        for (const row of rows) {
          if (failures.has(`${table}:${row.id}`)) continue;
          try {
            const text = decrypt(keyring, row.keyId, row.ciphertext, row.userId, row.reflectionId);
            const sealed = encrypt(keyring, text, row.userId, row.reflectionId);
            // The old ciphertext is about to be gone: make sure the new one gives the same text back.
            if (decrypt(keyring, sealed.keyId, sealed.ciphertext, row.userId, row.reflectionId) !== text) {
              throw new Error("the new ciphertext did not read back the same");
            }
            batch.push({ id: row.id, version: row.version, oldKeyId: row.keyId, ciphertext: sealed.ciphertext });
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            failures.set(`${table}:${row.id}`, { table, id: row.id, reason });
          }
        }
        const written = batch.length ? await writeBatch(db, table, currentId, batch) : 0;
        reEncrypted += written;
        racedThisPass += batch.length - written;
        await options.onProgress?.({ done: reEncrypted, total });
      }
    }
    raced += racedThisPass;
    if (!racedThisPass) break;
  }

  const usage = await reflectionKeyUsage(db);
  const remaining = new Map<string, number>();
  for (const counts of [usage.entries, usage.versions]) {
    for (const [id, n] of counts) if (id !== currentId) remaining.set(id, (remaining.get(id) ?? 0) + n);
  }
  return {
    currentId,
    total,
    reEncrypted,
    raced,
    failures: [...failures.values()],
    remaining,
    unusedOldKeyIds: [...keyring.keys.keys()].filter((id) => id !== currentId && !remaining.has(id)),
  };
}
