// In-site notifications (the bell), and the reply emails of readers who asked for them.
// Rows live in PostgreSQL, so every app instance sees the same unread count.
import type { Database } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { replyNotification, type RenderedMail } from "@/lib/mail/templates";
import { absoluteUrl } from "@/lib/site";

type Tx = Prisma.TransactionClient;

export interface ReplyMail extends RenderedMail {
  to: string;
}

export const SUPPORT_PATH = "/help/support";

/** Where a comment is seen: its guide page, scrolled to it. */
export const commentPath = (guideSlug: string, commentId: string) => `/guides/${guideSlug}#comment-${commentId}`;

/**
 * Records a notification for `userId`. For a reply, returns the email to send
 * once the transaction has committed, when the reader turned reply emails on.
 */
export async function notify(
  tx: Tx,
  input: { userId: string; kind: NotificationKind; commentId: string; guideSlug: string },
): Promise<ReplyMail[]> {
  await tx.notification.create({ data: { userId: input.userId, kind: input.kind, commentId: input.commentId } });
  if (input.kind !== "REPLY") return [];
  const user = await tx.user.findUnique({
    where: { id: input.userId },
    select: { email: true, emailVerified: true, name: true, notifyRepliesByEmail: true },
  });
  if (!user?.email || !user.emailVerified || !user.notifyRepliesByEmail) return [];
  const url = absoluteUrl(commentPath(input.guideSlug, input.commentId));
  return [{ to: user.email, ...replyNotification({ url, name: user.name ?? undefined }) }];
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  read: boolean;
  createdAt: string;
  text: string;
  href: string;
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(db: Database, userId: string, take = 50): Promise<NotificationView[]> {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
  });
  const ids = rows.flatMap((r) => (r.commentId ? [r.commentId] : []));
  const comments = await db.comment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      guideSlug: true,
      moderationReason: true,
      guide: { select: { title: true } },
      author: { select: { name: true } },
    },
  });
  const byId = new Map(comments.map((c) => [c.id, c]));
  return rows.map((row) => {
    const comment = row.commentId ? byId.get(row.commentId) : undefined;
    const title = comment ? `“${comment.guide.title}”` : "a guide";
    const href = comment ? commentPath(comment.guideSlug, comment.id) : "/notifications";
    const texts: Record<NotificationKind, string> = {
      REPLY: `${comment?.author?.name?.trim() || "Someone"} replied to your comment on ${title}.`,
      APPROVED: `Your comment on ${title} was approved and can now be read by everyone.`,
      REJECTED: `Your comment on ${title} was not published${comment?.moderationReason ? `: ${comment.moderationReason}` : "."}`,
      REMOVED: `Your comment on ${title} was removed${comment?.moderationReason ? `: ${comment.moderationReason}` : "."}`,
      SUPPORT:
        "Someone who read your comment was worried about you. If things feel heavy right now, you don’t have to carry them alone: here are people you can talk to today.",
    };
    return {
      id: row.id,
      kind: row.kind,
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
      text: texts[row.kind],
      href: row.kind === "SUPPORT" ? SUPPORT_PATH : row.kind === "REJECTED" ? "/account/comments" : href,
    };
  });
}

/** Marks the user's notifications read: the given ones, or all. */
export async function markRead(db: Database, userId: string, ids: string[] | "all"): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return count;
}
