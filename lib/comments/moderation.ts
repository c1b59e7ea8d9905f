// What moderators do, and what they see: the queue, actions on comments and on
// people, word lists and guide settings. Every action is checked against the
// actor's role here (not only by the page that offers it) and written to the
// append-only moderation log, with the comment's text at that moment.
import type { Database } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentMode, ModerationAction, Role, WordList } from "@/lib/generated/prisma/enums";
import { hasRole } from "@/lib/roles/rank";
import { NEEDS_REASON, type CommentAction, type QueueTab, type UserAction } from "./moderation-actions";
import { notify, type ReplyMail } from "./notifications";
import { displayName, onPublished, onUnpublished } from "./service";

export interface Moderator {
  id: string;
  role: Role;
}

function mustModerate(actor: Moderator) {
  if (!hasRole(actor.role, "MODERATOR")) throw new AppError("forbidden", "Only moderators can do that.");
}

function mustAdminister(actor: Moderator) {
  if (!hasRole(actor.role, "ADMIN")) throw new AppError("forbidden", "Only admins can do that.");
}

const LOGGED: Record<CommentAction, ModerationAction> = {
  approve: "APPROVE",
  reject: "REJECT",
  remove: "REMOVE",
  restore: "RESTORE",
  dismiss: "DISMISS_REPORTS",
  feature: "FEATURE",
  unfeature: "UNFEATURE",
  lock: "LOCK",
  unlock: "UNLOCK",
};

export async function moderateComment(
  db: Database,
  actor: Moderator,
  input: { commentId: string; action: CommentAction; reason?: string | null; note?: string | null },
): Promise<{ mail: ReplyMail[] }> {
  mustModerate(actor);
  const reason = input.reason?.trim() || null;
  const note = input.note?.trim() || null;
  if (NEEDS_REASON.includes(input.action) && !reason) {
    throw new AppError("invalid_input", "Please give a reason: the author will see it.", {
      fields: { reason: "Please give a reason: the author will see it." },
    });
  }
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Comment" WHERE id = ${input.commentId} FOR UPDATE`;
    const comment = locked ? await tx.comment.findUnique({ where: { id: input.commentId } }) : null;
    if (!comment) throw new AppError("not_found", "That comment does not exist.");
    const mail: ReplyMail[] = [];
    const now = new Date();
    const wrongState = () =>
      new AppError(
        "conflict",
        `This comment is ${comment.status.toLowerCase()}: it cannot be changed that way. Reload to see its state.`,
      );
    const resolveReports = () =>
      tx.commentReport.updateMany({ where: { commentId: comment.id, resolvedAt: null }, data: { resolvedAt: now } });

    switch (input.action) {
      case "approve":
      case "restore":
      case "dismiss": {
        const from =
          input.action === "approve"
            ? ["PENDING", "HIDDEN"]
            : input.action === "restore"
              ? ["REJECTED", "REMOVED", "HIDDEN"]
              : ["PUBLISHED", "HIDDEN"];
        if (!from.includes(comment.status)) throw wrongState();
        await tx.comment.update({
          where: { id: comment.id },
          data: {
            status: "PUBLISHED",
            moderationReason: null,
            publishedAt: comment.publishedAt ?? now,
            // Only a first approval counts towards trusting a new account.
            ...(comment.status === "PENDING" && input.action === "approve" ? { approvedAt: now } : {}),
          },
        });
        await resolveReports();
        if (comment.status !== "PUBLISHED") {
          mail.push(...(await onPublished(tx, comment, { notify: comment.publishedAt === null })));
          if (comment.status === "PENDING" && comment.authorId) {
            await notify(tx, {
              userId: comment.authorId,
              kind: "APPROVED",
              commentId: comment.id,
              guideSlug: comment.guideSlug,
            });
          }
        }
        break;
      }
      case "reject":
      case "remove": {
        const from = input.action === "reject" ? ["PENDING"] : ["PUBLISHED", "HIDDEN"];
        if (!from.includes(comment.status)) throw wrongState();
        await tx.comment.update({
          where: { id: comment.id },
          data: {
            status: input.action === "reject" ? "REJECTED" : "REMOVED",
            moderationReason: reason,
            featured: false,
          },
        });
        await resolveReports();
        if (comment.status === "PUBLISHED") await onUnpublished(tx, comment);
        if (comment.authorId) {
          await notify(tx, {
            userId: comment.authorId,
            kind: input.action === "reject" ? "REJECTED" : "REMOVED",
            commentId: comment.id,
            guideSlug: comment.guideSlug,
          });
        }
        break;
      }
      case "feature":
      case "unfeature":
        if (comment.status !== "PUBLISHED") throw wrongState();
        await tx.comment.update({ where: { id: comment.id }, data: { featured: input.action === "feature" } });
        break;
      case "lock":
      case "unlock":
        if (comment.depth !== 0)
          throw new AppError("bad_request", "Only a whole thread can be locked: choose its first comment.");
        await tx.comment.update({ where: { id: comment.id }, data: { locked: input.action === "lock" } });
        break;
    }
    await tx.moderationLog.create({
      data: {
        action: LOGGED[input.action],
        actorId: actor.id,
        commentId: comment.id,
        targetUserId: comment.authorId,
        guideSlug: comment.guideSlug,
        reason,
        note,
        commentText: comment.body,
      },
    });
    return { mail };
  });
}

export async function moderateUser(
  db: Database,
  actor: Moderator,
  input: { userId: string; action: UserAction; until?: Date | null; reason?: string | null; note?: string | null },
): Promise<void> {
  mustModerate(actor);
  if (input.userId === actor.id) throw new AppError("forbidden", "You can’t apply that to your own account.");
  const reason = input.reason?.trim() || null;
  const note = input.note?.trim() || null;
  await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true } });
    if (!target) throw new AppError("not_found", "That account does not exist.");
    // Moderators act on readers; admins on readers and moderators; nobody on an admin.
    if (target.role === "ADMIN" || (target.role === "MODERATOR" && actor.role !== "ADMIN")) {
      throw new AppError("forbidden", "You can’t apply that to this account.");
    }
    let data: Prisma.UserUpdateInput;
    let detail: string | null = null;
    switch (input.action) {
      case "premoderate":
        data = { premoderated: true };
        break;
      case "trust":
        data = { premoderated: false };
        break;
      case "suspend": {
        if (!input.until || input.until <= new Date()) {
          throw new AppError("invalid_input", "Choose a date in the future for the suspension to end.", {
            fields: { until: "Choose a date in the future." },
          });
        }
        data = { suspendedUntil: input.until };
        detail = `until ${input.until.toISOString()}`;
        break;
      }
      case "ban":
        data = { bannedAt: new Date() };
        break;
      case "reinstate":
        data = { bannedAt: null, suspendedUntil: null };
        break;
    }
    await tx.user.update({ where: { id: target.id }, data });
    const action: Record<UserAction, ModerationAction> = {
      premoderate: "PREMODERATE_USER",
      trust: "TRUST_USER",
      suspend: "SUSPEND_USER",
      ban: "BAN_USER",
      reinstate: "REINSTATE_USER",
    };
    await tx.moderationLog.create({
      data: { action: action[input.action], actorId: actor.id, targetUserId: target.id, reason, note, detail },
    });
  });
}

export async function setGuideMode(
  db: Database,
  actor: Moderator,
  slug: string,
  mode: CommentMode,
  note?: string | null,
) {
  mustModerate(actor);
  await db.$transaction(async (tx) => {
    const { count } = await tx.guide.updateMany({ where: { slug }, data: { commentMode: mode } });
    if (count === 0) throw new AppError("not_found", "That guide does not exist.");
    await tx.moderationLog.create({
      data: { action: "SET_GUIDE_MODE", actorId: actor.id, guideSlug: slug, detail: mode, note: note?.trim() || null },
    });
  });
}

export async function addWord(db: Database, actor: Moderator, word: string, list: WordList) {
  mustAdminister(actor);
  const clean = word.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
  if (!clean)
    throw new AppError("invalid_input", "Type a word or phrase.", { fields: { word: "Type a word or phrase." } });
  await db.$transaction(async (tx) => {
    await tx.moderationWord.upsert({ where: { word: clean }, create: { word: clean, list }, update: { list } });
    await tx.moderationLog.create({ data: { action: "ADD_WORD", actorId: actor.id, detail: `${list}: ${clean}` } });
  });
}

export async function removeWord(db: Database, actor: Moderator, id: string) {
  mustAdminister(actor);
  await db.$transaction(async (tx) => {
    const row = await tx.moderationWord.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", "That word is not on a list.");
    await tx.moderationWord.delete({ where: { id } });
    await tx.moderationLog.create({
      data: { action: "REMOVE_WORD", actorId: actor.id, detail: `${row.list}: ${row.word}` },
    });
  });
}

export async function listWords(db: Database, actor: Moderator) {
  mustAdminister(actor);
  return db.moderationWord.findMany({ orderBy: [{ list: "asc" }, { word: "asc" }] });
}

// ---------------------------------------------------------------------------
// The queue

export const QUEUE_PAGE = 20;

export interface QueueItem {
  id: string;
  status: string;
  body: string;
  html: string;
  holdReason: string | null;
  moderationReason: string | null;
  featured: boolean;
  locked: boolean;
  depth: number;
  createdAt: string;
  editedAt: string | null;
  guide: { slug: string; title: string; mode: CommentMode };
  parent: { id: string; body: string; author: string | null; status: string } | null;
  author: {
    id: string;
    name: string;
    role: Role;
    joinedAt: string;
    approved: number;
    rejected: number;
    premoderated: boolean;
    suspendedUntil: string | null;
    banned: boolean;
  } | null;
  reports: { reason: string; details: string | null; createdAt: string }[];
  revisions: { body: string; createdAt: string }[];
}

function queueWhere(tab: QueueTab): Prisma.CommentWhereInput {
  if (tab === "pending") return { status: "PENDING" };
  if (tab === "reported") return { reports: { some: { resolvedAt: null } }, status: { in: ["PUBLISHED", "HIDDEN"] } };
  return { status: "PUBLISHED" };
}

export async function moderationQueue(
  db: Database,
  actor: Moderator,
  options: { tab: QueueTab; cursor?: string | null },
): Promise<{ items: QueueItem[]; nextCursor: string | null; counts: Record<QueueTab, number> }> {
  mustModerate(actor);
  // Pending and reported: oldest first, so nothing waits forever. Recent: newest first.
  const newestFirst = options.tab === "recent";
  let cursorWhere: Prisma.CommentWhereInput = {};
  if (options.cursor) {
    const [time, id] = Buffer.from(options.cursor, "base64url").toString("utf8").split("|");
    const at = new Date(time ?? "");
    if (!id || Number.isNaN(at.getTime())) throw new AppError("bad_request", "That page link is not valid.");
    cursorWhere = newestFirst
      ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] }
      : { OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: id } }] };
  }
  const order = newestFirst ? "desc" : "asc";
  const [rows, pending, reported, recent] = await Promise.all([
    db.comment.findMany({
      where: { AND: [queueWhere(options.tab), cursorWhere] },
      orderBy: [{ createdAt: order }, { id: order }],
      take: QUEUE_PAGE + 1,
      include: {
        guide: { select: { slug: true, title: true, commentMode: true } },
        parent: { select: { id: true, body: true, status: true, author: { select: { name: true } } } },
        author: {
          select: {
            id: true,
            name: true,
            role: true,
            createdAt: true,
            premoderated: true,
            suspendedUntil: true,
            bannedAt: true,
          },
        },
        reports: {
          where: { resolvedAt: null },
          orderBy: { createdAt: "asc" },
          select: { reason: true, details: true, createdAt: true },
        },
        revisions: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } },
      },
    }),
    db.comment.count({ where: queueWhere("pending") }),
    db.comment.count({ where: queueWhere("reported") }),
    db.comment.count({ where: { status: "PUBLISHED", publishedAt: { gte: new Date(Date.now() - 86_400_000) } } }),
  ]);
  const page = rows.slice(0, QUEUE_PAGE);
  const authorIds = [...new Set(page.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const records = authorIds.length
    ? await db.comment.groupBy({
        by: ["authorId", "status"],
        where: { authorId: { in: authorIds } },
        _count: { _all: true },
      })
    : [];
  const approvals = authorIds.length
    ? await db.comment.groupBy({
        by: ["authorId"],
        where: { authorId: { in: authorIds }, approvedAt: { not: null } },
        _count: { _all: true },
      })
    : [];
  const rejectedBy = new Map<string, number>();
  for (const r of records) {
    if (r.authorId && (r.status === "REJECTED" || r.status === "REMOVED")) {
      rejectedBy.set(r.authorId, (rejectedBy.get(r.authorId) ?? 0) + r._count._all);
    }
  }
  const approvedBy = new Map(approvals.map((a) => [a.authorId, a._count._all]));
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      status: row.status,
      body: row.body,
      html: row.html,
      holdReason: row.holdReason,
      moderationReason: row.moderationReason,
      featured: row.featured,
      locked: row.locked,
      depth: row.depth,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      guide: { slug: row.guide.slug, title: row.guide.title, mode: row.guide.commentMode },
      parent: row.parent
        ? {
            id: row.parent.id,
            body: row.parent.body,
            author: row.parent.author ? displayName(row.parent.author) : null,
            status: row.parent.status,
          }
        : null,
      author: row.author
        ? {
            id: row.author.id,
            name: displayName(row.author),
            role: row.author.role,
            joinedAt: row.author.createdAt.toISOString(),
            approved: approvedBy.get(row.author.id) ?? 0,
            rejected: rejectedBy.get(row.author.id) ?? 0,
            premoderated: row.author.premoderated,
            suspendedUntil: row.author.suspendedUntil?.toISOString() ?? null,
            banned: row.author.bannedAt !== null,
          }
        : null,
      reports: row.reports.map((r) => ({ reason: r.reason, details: r.details, createdAt: r.createdAt.toISOString() })),
      revisions: row.revisions.map((r) => ({ body: r.body, createdAt: r.createdAt.toISOString() })),
    })),
    nextCursor:
      rows.length > QUEUE_PAGE && last
        ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url")
        : null,
    counts: { pending, reported, recent },
  };
}

// ---------------------------------------------------------------------------
// The log

export const LOG_PAGE = 50;

export interface LogEntry {
  id: string;
  action: ModerationAction;
  createdAt: string;
  actor: string;
  target: { id: string; name: string } | null;
  commentId: string | null;
  guideSlug: string | null;
  reason: string | null;
  note: string | null;
  commentText: string | null;
  detail: string | null;
}

export async function moderationLog(
  db: Database,
  actor: Moderator,
  options: { cursor?: string | null; commentId?: string | null; userId?: string | null } = {},
): Promise<{ entries: LogEntry[]; nextCursor: string | null }> {
  mustModerate(actor);
  let before: Prisma.ModerationLogWhereInput = {};
  if (options.cursor) {
    const [time, id] = Buffer.from(options.cursor, "base64url").toString("utf8").split("|");
    const at = new Date(time ?? "");
    if (!id || Number.isNaN(at.getTime())) throw new AppError("bad_request", "That page link is not valid.");
    before = { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
  }
  const rows = await db.moderationLog.findMany({
    where: {
      AND: [
        before,
        options.commentId ? { commentId: options.commentId } : {},
        options.userId ? { targetUserId: options.userId } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LOG_PAGE + 1,
  });
  const page = rows.slice(0, LOG_PAGE);
  const ids = [...new Set(page.flatMap((r) => [r.actorId, r.targetUserId]).filter((id): id is string => !!id))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, displayName(u)]));
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      id: r.id,
      action: r.action,
      createdAt: r.createdAt.toISOString(),
      actor: r.actorId
        ? (names.get(r.actorId) ?? "Deleted account")
        : r.action === "AUTO_HIDE"
          ? "Automatic"
          : "Deleted account",
      target: r.targetUserId ? { id: r.targetUserId, name: names.get(r.targetUserId) ?? "Deleted account" } : null,
      commentId: r.commentId,
      guideSlug: r.guideSlug,
      reason: r.reason,
      note: r.note,
      commentText: r.commentText,
      detail: r.detail,
    })),
    nextCursor:
      rows.length > LOG_PAGE && last
        ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url")
        : null,
  };
}
