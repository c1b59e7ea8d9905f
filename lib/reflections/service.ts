// Saving and reading private reflections. Every query is scoped by the author's
// id; someone else's entry is simply not found. Each save names the version it
// was based on: if the entry changed elsewhere since, nothing is overwritten and
// the caller gets both texts to choose from. A save sent twice (same saveId) is
// stored once.
import { createHash } from "node:crypto";
import type { Database } from "@/lib/database/client";
import { getGuide } from "@/lib/content/guides";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { decrypt, encrypt, type Keyring } from "./crypto";

export { MAX_REFLECTION_CHARS } from "./limits";
import { MAX_REFLECTION_CHARS } from "./limits";

export type Target = { guide: string; step: string } | { id: string };

export interface SaveInput {
  target: Target;
  text: string;
  /** The version the text was based on: 0 for a new entry. */
  baseVersion: number;
  /** The browser's id for this save, so a retry is not stored twice. */
  saveId: string;
}

export type SaveResult =
  | { status: "saved"; id: string; version: number; savedAt: string }
  | { status: "conflict"; id: string; version: number; text: string; savedAt: string };

export interface ReflectionView {
  id: string;
  guideSlug: string | null;
  stepId: string | null;
  version: number;
  text: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  userId: string;
  guideSlug: string | null;
  stepId: string | null;
  version: number;
  keyId: string;
  ciphertext: Uint8Array;
  createdAt: Date;
  updatedAt: Date;
}

export function view(keyring: Keyring, row: Row): ReflectionView {
  return {
    id: row.id,
    guideSlug: row.guideSlug,
    stepId: row.stepId,
    version: row.version,
    text: decrypt(keyring, row.keyId, row.ciphertext, row.userId, row.id),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function checkTarget(target: Target) {
  if ("guide" in target) {
    const guide = getGuide(target.guide);
    if (!guide?.steps.some((s) => s.id === target.step)) throw new AppError("not_found", "There is no such step.");
  }
}

async function lockRow(tx: Prisma.TransactionClient, userId: string, target: Target): Promise<Row | undefined> {
  const rows =
    "guide" in target
      ? await tx.$queryRaw<Row[]>`SELECT * FROM "Reflection" WHERE "userId" = ${userId}
           AND "guideSlug" = ${target.guide} AND "stepId" = ${target.step} FOR UPDATE`
      : await tx.$queryRaw<Row[]>`SELECT * FROM "Reflection" WHERE "id" = ${target.id} FOR UPDATE`;
  const row = rows[0];
  // Another person's entry is treated as absent, and cannot be created over.
  if (row && row.userId !== userId) throw new AppError("not_found", "There is no such reflection.");
  return row;
}

export async function saveReflection(
  db: Database,
  keyring: Keyring,
  userId: string,
  input: SaveInput,
): Promise<SaveResult> {
  if (input.text.length > MAX_REFLECTION_CHARS) {
    throw new AppError(
      "payload_too_large",
      `A reflection can be at most ${MAX_REFLECTION_CHARS.toLocaleString("en-US")} characters.`,
    );
  }
  checkTarget(input.target);
  const attempt = () =>
    db.$transaction(async (tx): Promise<SaveResult> => {
      const row = await lockRow(tx, userId, input.target);
      if (!row) {
        if (input.baseVersion !== 0) throw new AppError("not_found", "There is no such reflection.");
        const id = "id" in input.target ? input.target.id : crypto.randomUUID();
        const sealed = encrypt(keyring, input.text, userId, id);
        const created = await tx.reflection.create({
          data: {
            id,
            userId,
            guideSlug: "guide" in input.target ? input.target.guide : null,
            stepId: "guide" in input.target ? input.target.step : null,
            version: 1,
            ...sealed,
            versions: { create: { version: 1, saveId: input.saveId, ...sealed } },
          },
          select: { id: true, updatedAt: true },
        });
        return { status: "saved", id: created.id, version: 1, savedAt: created.updatedAt.toISOString() };
      }
      const repeated = await tx.reflectionVersion.findUnique({
        where: { reflectionId_saveId: { reflectionId: row.id, saveId: input.saveId } },
        select: { version: true, createdAt: true },
      });
      if (repeated)
        return { status: "saved", id: row.id, version: repeated.version, savedAt: repeated.createdAt.toISOString() };
      if (row.version !== input.baseVersion) {
        const current = view(keyring, row);
        return { status: "conflict", id: row.id, version: row.version, text: current.text, savedAt: current.updatedAt };
      }
      const version = row.version + 1;
      const sealed = encrypt(keyring, input.text, userId, row.id);
      const updated = await tx.reflection.update({
        where: { id: row.id },
        data: { version, ...sealed, versions: { create: { version, saveId: input.saveId, ...sealed } } },
        select: { updatedAt: true },
      });
      return { status: "saved", id: row.id, version, savedAt: updated.updatedAt.toISOString() };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two first saves of one step at once: the loser retries and meets the winner's row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return attempt();
    throw error;
  }
}

const rowSelect = {
  id: true,
  userId: true,
  guideSlug: true,
  stepId: true,
  version: true,
  keyId: true,
  ciphertext: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function reflectionsForGuide(db: Database, keyring: Keyring, userId: string, guide: string) {
  const rows = await db.reflection.findMany({ where: { userId, guideSlug: guide }, select: rowSelect });
  return rows.map((row) => view(keyring, row));
}

export async function listReflections(db: Database, keyring: Keyring, userId: string) {
  const rows = await db.reflection.findMany({ where: { userId }, select: rowSelect, orderBy: { updatedAt: "desc" } });
  return rows.map((row) => view(keyring, row));
}

export async function getReflection(db: Database, keyring: Keyring, userId: string, id: string) {
  const row = await db.reflection.findFirst({ where: { id, userId }, select: rowSelect });
  if (!row) throw new AppError("not_found", "There is no such reflection.");
  return view(keyring, row);
}

/** Every saved version, newest first. */
export async function reflectionHistory(db: Database, keyring: Keyring, userId: string, id: string) {
  const reflection = await db.reflection.findFirst({ where: { id, userId }, select: { id: true } });
  if (!reflection) throw new AppError("not_found", "There is no such reflection.");
  const versions = await db.reflectionVersion.findMany({
    where: { reflectionId: id },
    orderBy: { version: "desc" },
    select: { version: true, keyId: true, ciphertext: true, createdAt: true },
  });
  return versions.map((v) => ({
    version: v.version,
    text: decrypt(keyring, v.keyId, v.ciphertext, userId, id),
    savedAt: v.createdAt.toISOString(),
  }));
}

// The same restore asked twice (a double click, a resent form) carries the same
// saveId, so it is stored once; shaped as a UUID like the browser's save ids.
function restoreSaveId(id: string, version: number, baseVersion: number): string {
  const hex = createHash("sha256").update(`restore:${id}:${version}:${baseVersion}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Makes an earlier version current again by saving its text as a new version on
 * top of the current one, through the same save as typing: nothing is removed.
 * Restoring the text the entry already has saves nothing.
 */
export async function restoreVersion(
  db: Database,
  keyring: Keyring,
  userId: string,
  id: string,
  version: number,
): Promise<SaveResult & { unchanged?: boolean }> {
  const current = await getReflection(db, keyring, userId, id);
  const old = await db.reflectionVersion.findFirst({
    where: { reflectionId: id, version, reflection: { userId } },
    select: { keyId: true, ciphertext: true },
  });
  if (!old) throw new AppError("not_found", "There is no such version.");
  const text = decrypt(keyring, old.keyId, old.ciphertext, userId, id);
  if (text === current.text) {
    return { status: "saved", id, version: current.version, savedAt: current.updatedAt, unchanged: true };
  }
  return saveReflection(db, keyring, userId, {
    target: { id },
    text,
    baseVersion: current.version,
    saveId: restoreSaveId(id, version, current.version),
  });
}
