// Builders for the comment tests: guides, people in every standing, and
// comments written straight to the database (so a test sets up exactly the
// state it needs without going through the rules it is about to check).
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { CommentMode, CommentStatus, Role } from "@/lib/generated/prisma/enums";
import type { TestDatabase } from "@/lib/testing/database";

const tag = () => randomBytes(4).toString("hex");

/** The guide every "trusted" person's two approved comments are on, away from the guides under test. */
const TRUST_GUIDE = "trust-fixture";

export interface PersonOptions {
  name?: string;
  verified?: boolean;
  /** Gives the person two approved comments, so that new-account holds no longer apply. */
  trusted?: boolean;
  role?: Role;
  premoderated?: boolean;
  bannedAt?: Date | null;
  suspendedUntil?: Date | null;
  notifyRepliesByEmail?: boolean;
}

export interface CommentOptions {
  parent?: { id: string; rootId: string | null; depth: number } | null;
  body?: string;
  status?: CommentStatus;
  createdAt?: Date;
  locked?: boolean;
  approvedAt?: Date | null;
}

export function commentFixtures(database: TestDatabase) {
  const db = () => database.db;
  let position = 1000;

  async function guide(mode: CommentMode = "OPEN", slug = `guide-${tag()}`) {
    await db().guide.upsert({
      where: { slug },
      create: { slug, title: `A guide called ${slug}`, position: position++, commentMode: mode },
      update: { commentMode: mode },
    });
    return slug;
  }

  async function comment(authorId: string | null, guideSlug: string, options: CommentOptions = {}) {
    const status = options.status ?? "PUBLISHED";
    const body = options.body ?? `A comment ${tag()}`;
    const parent = options.parent ?? null;
    return db().comment.create({
      data: {
        guideSlug,
        authorId,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        depth: parent ? parent.depth + 1 : 0,
        body,
        html: `<p>${body}</p>`,
        status,
        locked: options.locked ?? false,
        approvedAt: options.approvedAt ?? null,
        publishedAt: status === "PUBLISHED" ? new Date() : null,
        ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      },
    });
  }

  async function person(options: PersonOptions = {}) {
    const id = tag();
    const user = await db().user.create({
      data: {
        email: `person-${id}@example.com`,
        name: options.name ?? `Person ${id}`,
        emailVerified: options.verified === false ? null : new Date(),
        role: options.role ?? "READER",
        premoderated: options.premoderated ?? false,
        bannedAt: options.bannedAt ?? null,
        suspendedUntil: options.suspendedUntil ?? null,
        notifyRepliesByEmail: options.notifyRepliesByEmail ?? false,
        // Old enough that nothing treats the account as brand new by its age.
        createdAt: new Date(Date.now() - 30 * 86_400_000),
      },
    });
    if (options.trusted) await trust(user.id);
    return user;
  }

  /** Two approved comments, a day old, on a guide of their own. */
  async function trust(userId: string) {
    await guide("OPEN", TRUST_GUIDE);
    const dayAgo = new Date(Date.now() - 86_400_000);
    for (let i = 0; i < 2; i++) {
      await comment(userId, TRUST_GUIDE, { body: `Approved earlier ${tag()}`, approvedAt: dayAgo, createdAt: dayAgo });
    }
  }

  /** Moves a comment's creation `minutes` further back in time. */
  async function age(commentId: string, minutes: number) {
    await database.query(
      `UPDATE "Comment" SET "createdAt" = "createdAt" - make_interval(mins => $2::int) WHERE id = $1`,
      [commentId, minutes],
    );
  }

  return { guide, comment, person, trust, age, db };
}

/** Awaits `promise` and checks it failed with an AppError of `code` whose message matches. */
export async function expectAppError(
  promise: Promise<unknown>,
  code: ErrorCode,
  message?: RegExp | string,
): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect({ code: appError.code, message: appError.message }).toMatchObject({ code });
  if (message !== undefined) expect(appError.message).toMatch(message);
  return appError;
}
