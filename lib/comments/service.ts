// Comments under guides: posting, editing, deleting, reading a page of threads,
// "helpful", reports and mutes. Every function takes the database client (the
// app's, or a test's) and the acting user's id; every check is made here, on
// the server. Moderators' actions are in ./moderation.ts.
import { createHash } from "node:crypto";
import type { Database } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { MAX_COMMENT_CHARS } from "./limits";
import { renderCommentMarkdown } from "./markdown";
import { notify, type ReplyMail } from "./notifications";
import { APPROVALS_TO_TRUST, DUPLICATE_WINDOW_MINUTES, judge, normaliseText, standingProblem } from "./policy";
import {
  EDIT_WINDOW_MINUTES,
  THREADS_PER_PAGE,
  type CommentPage,
  type CommentSort,
  type CommentView,
  type ThreadView,
  type ReportReasonKey,
} from "./types";

type Tx = Prisma.TransactionClient;

/** Reports from this many different readers hide a comment until a moderator decides. */
export const REPORTS_TO_HIDE = 3;
/** Replies loaded with a page of threads, at most. */
export const REPLIES_PER_PAGE = 500;

const OWN_ONLY: CommentStatus[] = ["PENDING", "REJECTED", "HIDDEN", "REMOVED"];

const authorSelect = { select: { id: true, name: true } } as const;

export const displayName = (user: { name: string | null } | null) => user?.name?.trim() || "Member";

export interface Actor {
  id: string;
}

// ---------------------------------------------------------------------------
// Standing

/** The acting user's standing, or an error saying why they may not comment. */
async function loadAuthor(tx: Tx | Database, userId: string) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      emailVerified: true,
      bannedAt: true,
      suspendedUntil: true,
      premoderated: true,
      createdAt: true,
    },
  });
  if (!user) throw new AppError("unauthorized", "Please sign in first.");
  return user;
}

export async function approvedCount(tx: Tx | Database, userId: string): Promise<number> {
  return tx.comment.count({ where: { authorId: userId, approvedAt: { not: null } } });
}

// ---------------------------------------------------------------------------
// Posting

export interface PostInput {
  guide: string;
  parentId?: string | null;
  body: string;
  /** The browser's id for this post: sent twice, stored once. */
  postKey?: string | null;
}

export interface PostResult {
  comment: CommentView;
  /** True when this post had been stored already (the same postKey). */
  repeated: boolean;
  /** Mail to send once the transaction is committed. */
  mail: ReplyMail[];
}

const bodyHash = (text: string) => createHash("sha256").update(normaliseText(text)).digest("hex");

function checkBody(body: string) {
  if (!body.trim())
    throw new AppError("invalid_input", "Please write something first.", {
      fields: { body: "Please write something first." },
    });
  if (body.length > MAX_COMMENT_CHARS) {
    const message = `A comment can be at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters; this one has ${body.length.toLocaleString("en")}.`;
    throw new AppError("invalid_input", message, { fields: { body: message } });
  }
}

async function loadWords(tx: Tx) {
  return tx.moderationWord.findMany({ select: { word: true, list: true } });
}

/** The comment this author already stored under `postKey`, if any: a retry is answered with it. */
export async function findPosted(db: Database, actor: Actor, postKey: string): Promise<PostResult | null> {
  const existing = await db.comment.findUnique({
    where: { authorId_postKey: { authorId: actor.id, postKey } },
    include: { author: authorSelect },
  });
  return existing ? { comment: toView(existing, actor.id, new Set(), new Set()), repeated: true, mail: [] } : null;
}

export async function postComment(
  db: Database,
  actor: Actor,
  input: PostInput,
  options: {
    /** Runs just before the comment is stored, e.g. to count it against rate limits; may throw. */
    beforeStore?: (author: { trusted: boolean }) => Promise<void>;
  } = {},
): Promise<PostResult> {
  checkBody(input.body);
  if (input.postKey) {
    const repeat = await findPosted(db, actor, input.postKey);
    if (repeat) return repeat;
  }
  try {
    return await db.$transaction(async (tx) => {
      const author = await loadAuthor(tx, actor.id);
      const problem = standingProblem(author);
      if (problem) throw new AppError("forbidden", problem);

      const guide = await tx.guide.findUnique({
        where: { slug: input.guide },
        select: { slug: true, commentMode: true },
      });
      if (!guide) throw new AppError("not_found", "That guide does not exist.");
      if (guide.commentMode === "CLOSED") throw new AppError("forbidden", "This guide is closed to new comments.");

      let parent: { id: string; rootId: string | null; depth: number; authorId: string | null } | null = null;
      if (input.parentId) {
        const row = await tx.comment.findUnique({
          where: { id: input.parentId },
          select: {
            id: true,
            guideSlug: true,
            rootId: true,
            depth: true,
            status: true,
            authorId: true,
            locked: true,
            root: { select: { locked: true } },
          },
        });
        if (!row || row.guideSlug !== guide.slug || row.status !== "PUBLISHED") {
          throw new AppError("not_found", "The comment you are replying to is no longer there.");
        }
        if (row.locked || row.root?.locked)
          throw new AppError("forbidden", "This thread is locked: it takes no more replies.");
        parent = row;
      }

      // The same words from the same person a moment ago: refused, not stored twice.
      const since = new Date(Date.now() - DUPLICATE_WINDOW_MINUTES * 60_000);
      const recent = await tx.comment.findMany({
        where: { authorId: actor.id, createdAt: { gte: since }, status: { not: "DELETED" } },
        select: { body: true },
      });
      const hash = bodyHash(input.body);
      if (recent.some((c) => bodyHash(c.body) === hash)) {
        throw new AppError("conflict", "You posted this same comment a few minutes ago. It is already there.", {
          fields: { body: "You posted this same comment a few minutes ago." },
        });
      }

      const approved = await approvedCount(tx, actor.id);
      const verdict = judge(input.body, {
        standing: { role: author.role, premoderated: author.premoderated, approvedCount: approved },
        guideMode: guide.commentMode,
        words: await loadWords(tx),
      });
      if (verdict.outcome === "refuse") {
        throw new AppError("invalid_input", verdict.message, { fields: { [verdict.field]: verdict.message } });
      }
      // Only a post about to be stored counts against the author's limits: one refused
      // for what it says (or sent before and found by its postKey) never does.
      await options.beforeStore?.({ trusted: author.role !== "READER" || approved >= APPROVALS_TO_TRUST });
      const published = verdict.outcome === "publish";
      const now = new Date();
      const created = await tx.comment.create({
        data: {
          guideSlug: guide.slug,
          authorId: actor.id,
          parentId: parent?.id ?? null,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          depth: parent ? parent.depth + 1 : 0,
          body: input.body,
          html: renderCommentMarkdown(input.body),
          status: published ? "PUBLISHED" : "PENDING",
          holdReason: verdict.outcome === "hold" ? verdict.reasons.join("; ") : null,
          postKey: input.postKey ?? null,
          publishedAt: published ? now : null,
        },
        include: { author: authorSelect },
      });
      const mail = published ? await onPublished(tx, created) : [];
      return { comment: toView(created, actor.id, new Set(), new Set()), repeated: false, mail };
    });
  } catch (error) {
    // Two sends of the same post at once: the second finds the first. It fails on the
    // unique postKey when both insert, or on the duplicate-text check when the first
    // committed between the second's look-up of its postKey and that check.
    const clash =
      (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") ||
      (error instanceof AppError && error.code === "conflict");
    if (input.postKey && clash) {
      const repeat = await findPosted(db, actor, input.postKey);
      if (repeat) return repeat;
    }
    throw error;
  }
}

/**
 * What follows a comment becoming visible: its thread's reply count, and a
 * notification to the person it answers. Used by posting and by moderators' approvals.
 */
export async function onPublished(
  tx: Tx,
  comment: { id: string; rootId: string | null; parentId: string | null; authorId: string | null; guideSlug: string },
  options: { notify?: boolean } = {},
): Promise<ReplyMail[]> {
  if (!comment.rootId || !comment.parentId) return [];
  await tx.comment.update({ where: { id: comment.rootId }, data: { replyCount: { increment: 1 } } });
  // A reply published again (after reports were dismissed) was announced the first time.
  if (options.notify === false) return [];
  const parent = await tx.comment.findUnique({ where: { id: comment.parentId }, select: { authorId: true } });
  if (!parent?.authorId || parent.authorId === comment.authorId) return [];
  // Someone who muted the replier hears nothing from them.
  if (comment.authorId) {
    const muted = await tx.mute.findUnique({
      where: { muterId_mutedId: { muterId: parent.authorId, mutedId: comment.authorId } },
    });
    if (muted) return [];
  }
  return notify(tx, { userId: parent.authorId, kind: "REPLY", commentId: comment.id, guideSlug: comment.guideSlug });
}

/** The reverse of onPublished's count, when a published reply stops being visible. */
export async function onUnpublished(tx: Tx, comment: { rootId: string | null }): Promise<void> {
  if (!comment.rootId) return;
  await tx.comment.updateMany({
    where: { id: comment.rootId, replyCount: { gt: 0 } },
    data: { replyCount: { decrement: 1 } },
  });
}

// ---------------------------------------------------------------------------
// Editing and deleting

export async function editComment(
  db: Database,
  actor: Actor,
  id: string,
  body: string,
): Promise<{ comment: CommentView; mail: ReplyMail[] }> {
  checkBody(body);
  const mail: ReplyMail[] = [];
  const comment = await db.$transaction(async (tx) => {
    const [lockedRow] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Comment" WHERE id = ${id} FOR UPDATE`;
    const row = lockedRow
      ? await tx.comment.findUnique({
          where: { id },
          include: { author: authorSelect, guide: { select: { commentMode: true } } },
        })
      : null;
    if (!row || row.authorId !== actor.id)
      throw new AppError("not_found", "That comment is not yours to edit, or is gone.");
    if (row.status !== "PUBLISHED" && row.status !== "PENDING") {
      throw new AppError("forbidden", "This comment can no longer be edited.");
    }
    if (Date.now() - row.createdAt.getTime() > EDIT_WINDOW_MINUTES * 60_000) {
      throw new AppError(
        "forbidden",
        `Comments can be edited for ${EDIT_WINDOW_MINUTES} minutes after posting; that time has passed.`,
      );
    }
    if (body === row.body) return toView(row, actor.id, new Set(), new Set());
    const author = await loadAuthor(tx, actor.id);
    const problem = standingProblem(author);
    if (problem) throw new AppError("forbidden", problem);
    const verdict = judge(body, {
      standing: {
        role: author.role,
        premoderated: author.premoderated,
        approvedCount: await approvedCount(tx, actor.id),
      },
      guideMode: row.guide.commentMode,
      words: await loadWords(tx),
    });
    if (verdict.outcome === "refuse")
      throw new AppError("invalid_input", verdict.message, { fields: { body: verdict.message } });
    // An edit goes through the same holds as a new comment: text that would be
    // held goes back to the queue, and a held comment whose new text passes is published.
    const held = verdict.outcome === "hold";
    const publish = !held && row.status === "PENDING";
    await tx.commentRevision.create({ data: { commentId: id, body: row.body } });
    const updated = await tx.comment.update({
      where: { id },
      data: {
        body,
        html: renderCommentMarkdown(body),
        editedAt: new Date(),
        ...(held ? { status: "PENDING", holdReason: verdict.reasons.join("; ") } : {}),
        ...(publish ? { status: "PUBLISHED", holdReason: null, publishedAt: row.publishedAt ?? new Date() } : {}),
      },
      include: { author: authorSelect },
    });
    if (held && row.status === "PUBLISHED") await onUnpublished(tx, row);
    if (publish) mail.push(...(await onPublished(tx, updated, { notify: row.publishedAt === null })));
    return toView(updated, actor.id, new Set(), new Set());
  });
  return { comment, mail };
}

/** The author deletes: the text goes, a placeholder keeps any replies in place. */
export async function deleteComment(db: Database, actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.comment.findUnique({ where: { id }, select: { authorId: true, status: true, rootId: true } });
    if (!row || row.authorId !== actor.id)
      throw new AppError("not_found", "That comment is not yours to delete, or is gone.");
    if (row.status === "DELETED") return;
    await tx.comment.update({ where: { id }, data: { status: "DELETED", body: "", html: "", featured: false } });
    await tx.commentRevision.deleteMany({ where: { commentId: id } });
    if (row.status === "PUBLISHED") await onUnpublished(tx, row);
  });
}

// ---------------------------------------------------------------------------
// Reading

interface Cursor {
  c: string;
  i: string;
  h?: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(value: string, sort: CommentSort): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<Cursor>;
    if (
      typeof parsed.c === "string" &&
      !Number.isNaN(Date.parse(parsed.c)) &&
      typeof parsed.i === "string" &&
      parsed.i.length <= 40 &&
      (sort !== "helpful" || (Number.isInteger(parsed.h) && (parsed.h as number) >= 0))
    ) {
      return parsed as Cursor;
    }
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "That page link is not valid. Please start again from the first page.");
}

function keysetWhere(sort: CommentSort, cursor: Cursor): Prisma.CommentWhereInput {
  const c = new Date(cursor.c);
  if (sort === "oldest") return { OR: [{ createdAt: { gt: c } }, { createdAt: c, id: { gt: cursor.i } }] };
  if (sort === "newest") return { OR: [{ createdAt: { lt: c } }, { createdAt: c, id: { lt: cursor.i } }] };
  const h = cursor.h ?? 0;
  return {
    OR: [
      { helpfulCount: { lt: h } },
      { helpfulCount: h, createdAt: { lt: c } },
      { helpfulCount: h, createdAt: c, id: { lt: cursor.i } },
    ],
  };
}

const ORDER: Record<CommentSort, Prisma.CommentOrderByWithRelationInput[]> = {
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  helpful: [{ helpfulCount: "desc" }, { createdAt: "desc" }, { id: "desc" }],
};

/**
 * The top-level comments `viewerId` sees: published ones, their own, and any other that
 * still has published replies, as a placeholder above them (deleted, taken down, or back
 * in the queue after an edit). Replies are all loaded and pruned by pruneReplies.
 */
function rootsVisibleTo(viewerId: string | null): Prisma.CommentWhereInput {
  return {
    OR: [
      { status: "PUBLISHED" },
      { status: { not: "PUBLISHED" }, replyCount: { gt: 0 } },
      ...(viewerId ? [{ authorId: viewerId, status: { in: OWN_ONLY } }] : []),
    ],
  };
}

type Row = Prisma.CommentGetPayload<{ include: { author: typeof authorSelect } }>;

const STATE: Record<CommentStatus, CommentView["state"]> = {
  PENDING: "pending",
  PUBLISHED: "published",
  HIDDEN: "hidden",
  REJECTED: "rejected",
  REMOVED: "removed",
  DELETED: "deleted",
};

export function toView(row: Row, viewerId: string | null, helpful: Set<string>, muted: Set<string>): CommentView {
  const own = viewerId !== null && row.authorId === viewerId;
  const placeholder = row.status === "DELETED" || (!own && row.status !== "PUBLISHED");
  const editableUntil = new Date(row.createdAt.getTime() + EDIT_WINDOW_MINUTES * 60_000);
  return {
    id: row.id,
    parentId: row.parentId,
    rootId: row.rootId,
    depth: row.depth,
    author: placeholder || !row.author ? null : { id: row.author.id, name: displayName(row.author) },
    html: placeholder ? null : row.html,
    state: STATE[row.status],
    placeholder,
    featured: row.featured && !placeholder,
    locked: row.locked,
    helpfulCount: placeholder ? 0 : row.helpfulCount,
    createdAt: row.createdAt.toISOString(),
    editedAt: placeholder ? null : (row.editedAt?.toISOString() ?? null),
    ...(own && row.status !== "DELETED"
      ? {
          own: {
            body: row.body,
            editableUntil:
              (row.status === "PUBLISHED" || row.status === "PENDING") && editableUntil > new Date()
                ? editableUntil.toISOString()
                : null,
            holdReason: row.status === "PENDING" ? row.holdReason : null,
            moderationReason: row.status === "REJECTED" || row.status === "REMOVED" ? row.moderationReason : null,
          },
        }
      : {}),
    helpful: helpful.has(row.id),
    muted: !placeholder && !!row.authorId && muted.has(row.authorId),
  };
}

/** Drops replies that are gone and have nothing visible below them. */
function pruneReplies(rows: Row[], viewerId: string | null): Row[] {
  const keep = new Set<string>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    const visible =
      row.status === "PUBLISHED" || (viewerId !== null && row.authorId === viewerId && row.status !== "DELETED");
    if (!visible) continue;
    // Keep it and every ancestor, so the reply stays in place under placeholders.
    let current: Row | undefined = row;
    while (current && !keep.has(current.id)) {
      keep.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return rows.filter((r) => keep.has(r.id));
}

/**
 * One page of a guide's threads for `viewerId` (or a visitor): top-level comments by
 * keyset, each with its replies. A fixed number of queries whatever the thread's size.
 */
export async function listThreads(
  db: Database,
  options: { guide: string; viewerId: string | null; sort?: CommentSort; cursor?: string | null; limit?: number },
): Promise<CommentPage> {
  const sort = options.sort ?? "oldest";
  const limit = options.limit ?? THREADS_PER_PAGE;
  const cursor = options.cursor ? decodeCursor(options.cursor, sort) : null;
  const viewerId = options.viewerId;

  const [guide, total, viewer] = await Promise.all([
    db.guide.findUnique({ where: { slug: options.guide }, select: { slug: true, commentMode: true } }),
    db.comment.count({ where: { guideSlug: options.guide, status: "PUBLISHED" } }),
    viewerId
      ? db.user.findUnique({
          where: { id: viewerId },
          select: {
            id: true,
            emailVerified: true,
            bannedAt: true,
            suspendedUntil: true,
            mutes: { select: { mutedId: true } },
          },
        })
      : null,
  ]);
  if (!guide) throw new AppError("not_found", "That guide does not exist.");

  const rootRows = await db.comment.findMany({
    where: {
      guideSlug: guide.slug,
      depth: 0,
      AND: [rootsVisibleTo(viewerId), ...(cursor ? [keysetWhere(sort, cursor)] : [])],
    },
    orderBy: ORDER[sort],
    take: limit + 1,
    include: { author: authorSelect },
  });
  const more = rootRows.length > limit;
  const roots = rootRows.slice(0, limit);
  const rootIds = roots.map((r) => r.id);

  const replyRows =
    rootIds.length === 0
      ? []
      : await db.comment.findMany({
          where: { rootId: { in: rootIds } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: REPLIES_PER_PAGE,
          include: { author: authorSelect },
        });
  const replies = pruneReplies(replyRows, viewerId);

  const helpful = new Set<string>();
  if (viewerId && roots.length > 0) {
    const reactions = await db.commentReaction.findMany({
      where: { userId: viewerId, commentId: { in: [...rootIds, ...replies.map((r) => r.id)] } },
      select: { commentId: true },
    });
    for (const r of reactions) helpful.add(r.commentId);
  }
  const muted = new Set(viewer?.mutes.map((m) => m.mutedId) ?? []);

  const byRoot = new Map<string, Row[]>();
  for (const reply of replies) {
    const list = byRoot.get(reply.rootId!) ?? [];
    list.push(reply);
    byRoot.set(reply.rootId!, list);
  }
  const threads: ThreadView[] = roots.map((root) => ({
    comment: toView(root, viewerId, helpful, muted),
    replies: (byRoot.get(root.id) ?? []).map((r) => toView(r, viewerId, helpful, muted)),
    replyCount: root.replyCount,
  }));

  const last = roots.at(-1);
  const problem = viewer ? standingProblem(viewer) : null;
  return {
    guide: { slug: guide.slug, mode: guide.commentMode },
    total,
    threads,
    nextCursor:
      more && last
        ? encodeCursor({
            c: last.createdAt.toISOString(),
            i: last.id,
            ...(sort === "helpful" ? { h: last.helpfulCount } : {}),
          })
        : null,
    viewer: viewer
      ? {
          id: viewer.id,
          canComment: !problem && guide.commentMode !== "CLOSED",
          reason: problem ?? (guide.commentMode === "CLOSED" ? "This guide is closed to new comments." : null),
        }
      : null,
  };
}

// ---------------------------------------------------------------------------
// Helpful, reports, mutes

/** Marks or unmarks a comment helpful for the actor; returns the new state and count. */
export async function setHelpful(
  db: Database,
  actor: Actor,
  commentId: string,
  helpful: boolean,
): Promise<{ helpful: boolean; helpfulCount: number }> {
  return db.$transaction(async (tx) => {
    // Marks order the "most helpful" sort: like reports, they count only from confirmed addresses,
    // so accounts made in bulk and never confirmed cannot push a comment up.
    const reader = await loadAuthor(tx, actor.id);
    if (!reader.emailVerified)
      throw new AppError("forbidden", "Please verify your email address before you mark comments as helpful.");
    const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { status: true, authorId: true } });
    if (!comment || comment.status !== "PUBLISHED") throw new AppError("not_found", "That comment is no longer there.");
    if (comment.authorId === actor.id) throw new AppError("forbidden", "You can’t mark your own comment as helpful.");
    if (helpful) {
      const inserted = await tx.$executeRaw`
        INSERT INTO "CommentReaction" ("commentId", "userId") VALUES (${commentId}, ${actor.id})
        ON CONFLICT DO NOTHING`;
      if (inserted === 1)
        await tx.comment.update({ where: { id: commentId }, data: { helpfulCount: { increment: 1 } } });
    } else {
      const { count } = await tx.commentReaction.deleteMany({ where: { commentId, userId: actor.id } });
      if (count === 1) await tx.comment.update({ where: { id: commentId }, data: { helpfulCount: { decrement: 1 } } });
    }
    const after = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { helpfulCount: true } });
    return { helpful, helpfulCount: after.helpfulCount };
  });
}

export interface ReportResult {
  /** The comment is now hidden until a moderator decides. */
  hidden: boolean;
  /** The reporter had already reported it. */
  repeated: boolean;
}

export async function reportComment(
  db: Database,
  actor: Actor,
  input: { commentId: string; reason: ReportReasonKey; details?: string | null },
): Promise<ReportResult> {
  return db.$transaction(async (tx) => {
    const reporter = await loadAuthor(tx, actor.id);
    if (!reporter.emailVerified)
      throw new AppError("forbidden", "Please verify your email address before you report comments.");
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Comment" WHERE id = ${input.commentId} FOR UPDATE`;
    const comment = locked
      ? await tx.comment.findUnique({
          where: { id: input.commentId },
          select: { id: true, status: true, authorId: true, body: true, guideSlug: true, rootId: true },
        })
      : null;
    if (!comment || (comment.status !== "PUBLISHED" && comment.status !== "HIDDEN")) {
      throw new AppError("not_found", "That comment is no longer there.");
    }
    if (comment.authorId === actor.id)
      throw new AppError("forbidden", "You can’t report your own comment; you can delete it.");
    const inserted = await tx.$executeRaw`
      INSERT INTO "CommentReport" ("id", "commentId", "reporterId", "reason", "details")
      VALUES (${crypto.randomUUID()}, ${comment.id}, ${actor.id}, ${input.reason}::"ReportReason", ${input.details?.trim() || null})
      ON CONFLICT ("commentId", "reporterId") DO NOTHING`;
    if (inserted === 0) return { hidden: comment.status === "HIDDEN", repeated: true };

    // Someone worried about the author: the author is shown where to find help, once.
    if (input.reason === "SELF_HARM" && comment.authorId) {
      const already = await tx.notification.findFirst({
        where: { userId: comment.authorId, kind: "SUPPORT", commentId: comment.id },
        select: { id: true },
      });
      if (!already)
        await notify(tx, {
          userId: comment.authorId,
          kind: "SUPPORT",
          commentId: comment.id,
          guideSlug: comment.guideSlug,
        });
    }

    if (comment.status === "PUBLISHED") {
      const reporters = await tx.commentReport.count({ where: { commentId: comment.id, resolvedAt: null } });
      if (reporters >= REPORTS_TO_HIDE) {
        await tx.comment.update({ where: { id: comment.id }, data: { status: "HIDDEN" } });
        await onUnpublished(tx, comment);
        await tx.moderationLog.create({
          data: {
            action: "AUTO_HIDE",
            commentId: comment.id,
            targetUserId: comment.authorId,
            guideSlug: comment.guideSlug,
            commentText: comment.body,
            detail: `${reporters} open reports`,
          },
        });
        return { hidden: true, repeated: false };
      }
    }
    return { hidden: comment.status === "HIDDEN", repeated: false };
  });
}

export async function setMuted(db: Database, actor: Actor, userId: string, muted: boolean): Promise<void> {
  if (userId === actor.id) throw new AppError("bad_request", "You can’t mute yourself.");
  if (muted) {
    const exists = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!exists) throw new AppError("not_found", "That person is no longer here.");
    await db.mute.upsert({
      where: { muterId_mutedId: { muterId: actor.id, mutedId: userId } },
      create: { muterId: actor.id, mutedId: userId },
      update: {},
    });
  } else {
    await db.mute.deleteMany({ where: { muterId: actor.id, mutedId: userId } });
  }
}

export async function listMuted(db: Database, actor: Actor): Promise<{ id: string; name: string; since: string }[]> {
  const rows = await db.mute.findMany({
    where: { muterId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, muted: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ id: r.muted.id, name: displayName(r.muted), since: r.createdAt.toISOString() }));
}

/** The viewer's own comments across guides, with their status and any reason given: newest first. */
export async function ownComments(db: Database, actor: Actor, take = 100) {
  const rows = await db.comment.findMany({
    where: { authorId: actor.id, status: { not: "DELETED" } },
    orderBy: { createdAt: "desc" },
    take,
    include: { author: authorSelect, guide: { select: { title: true } } },
  });
  return rows.map((row) => ({
    ...toView(row, actor.id, new Set(), new Set()),
    guide: { slug: row.guideSlug, title: row.guide.title },
  }));
}
