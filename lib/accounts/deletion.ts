// Deleting an account: with its password, or, when it has none, through a link
// mailed to its address. The account goes in one transaction with everything
// that is only its own, and nothing that names the person is left behind.
import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/database/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { accountDeleted, deleteAccountLink } from "@/lib/mail/templates";
import { consume, storedLimitKeys } from "@/lib/rate-limit";
import { absoluteUrl } from "@/lib/site";
import { issueToken, redeemToken } from "./tokens";

export interface ErasedAccount {
  id: string;
  email: string | null;
  name: string | null;
}

/**
 * Erases the account `userId` with `db` (the app's client, or a test's). With
 * `email`, only while the account still uses that address, so that a link sent
 * to an old address cannot delete the account after it moved. Returns what the
 * account was called, for the goodbye mail, or null when there was nothing to erase.
 */
export async function eraseAccount(
  db: Database,
  userId: string,
  options: { email?: string } = {},
): Promise<ErasedAccount | null> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
    if (!user || (options.email !== undefined && user.email !== options.email)) return null;

    // Comments stay where they are, so threads still read; their text goes, and
    // nothing links them to this person any more (the row's deletion sets authorId null).
    await tx.$executeRaw`
      UPDATE "Comment" AS root SET "replyCount" = GREATEST(root."replyCount" - gone.n, 0)
      FROM (SELECT "rootId", count(*)::int AS n FROM "Comment"
            WHERE "authorId" = ${userId} AND status = 'PUBLISHED' AND "rootId" IS NOT NULL GROUP BY "rootId") AS gone
      WHERE root.id = gone."rootId"`;
    await tx.commentRevision.deleteMany({ where: { comment: { authorId: userId } } });
    await tx.comment.updateMany({
      where: { authorId: userId },
      data: { status: "DELETED", body: "", html: "", featured: false, postKey: null },
    });
    // The moderation log keeps what was done, but no longer who to or by (the
    // log's trigger allows exactly this change and no other).
    await tx.moderationLog.updateMany({ where: { targetUserId: userId }, data: { targetUserId: null } });
    await tx.moderationLog.updateMany({ where: { actorId: userId }, data: { actorId: null } });
    // Their "helpful" marks go with them (ON DELETE CASCADE); the counts follow.
    await tx.$executeRaw`
      UPDATE "Comment" SET "helpfulCount" = GREATEST("helpfulCount" - 1, 0)
      WHERE id IN (SELECT "commentId" FROM "CommentReaction" WHERE "userId" = ${userId})`;

    if (user.email) {
      // Sign-in links Auth.js mailed to the address; they are not tied to the user row.
      await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
      // Links other accounts asked for to move to this address, which name it too.
      await tx.accountToken.deleteMany({ where: { email: user.email } });
    }
    // Attempt counters are keyed by email address or account id.
    await tx.rateLimit.deleteMany({
      where: { key: { in: storedLimitKeys([user.id, ...(user.email ? [user.email] : [])]) } },
    });
    // Reading progress, its own tokens and linked providers go with the row (ON DELETE CASCADE).
    // A conditional delete, so that of two deletions at once only one goes on to say goodbye.
    const { count } = await tx.user.deleteMany({
      where: { id: userId, ...(options.email !== undefined ? { email: options.email } : {}) },
    });
    return count === 1 ? user : null;
  });
}

async function sayGoodbye(account: ErasedAccount) {
  if (!account.email) return;
  try {
    await sendMail({ to: account.email, ...accountDeleted({ name: account.name ?? undefined }) });
  } catch (error) {
    // The account is gone whatever happens to the mail: failing the request now
    // would tell the person nothing was changed. The log does not keep the address.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`account deleted, but the goodbye mail failed: ${message.replaceAll(account.email, "<address>")}`);
  }
}

/** Deletes an account that has a password, once the password is re-entered. */
export async function deleteWithPassword(userId: string, password: string): Promise<ErasedAccount> {
  await consume("deleteAccount", userId);
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError("not_found", "This account no longer exists.");
  if (!user.passwordHash) {
    throw new AppError("bad_request", "Your account has no password: ask for a link by email to delete it.");
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("unauthorized", "That password is not right.", {
      fields: { password: "That password is not right." },
    });
  }
  const erased = await eraseAccount(db, userId);
  if (!erased) throw new AppError("not_found", "This account no longer exists.");
  await sayGoodbye(erased);
  return erased;
}

/** Mails a single-use link to delete an account that has no password. Returns the address it went to. */
export async function requestDeletionLink(userId: string, ip: string): Promise<string> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, passwordHash: true },
  });
  if (!user?.email) throw new AppError("not_found", "There is no address on this account to send a link to.");
  // With a password, re-entering it is the proof, as everywhere else on the account page.
  if (user.passwordHash) {
    throw new AppError("bad_request", "Your account has a password: enter it to delete your account.");
  }
  await consume("emailIp", ip);
  await consume("emailAccount", user.email);
  const token = await issueToken(userId, "DELETE_ACCOUNT", user.email);
  await sendMail({
    to: user.email,
    ...deleteAccountLink({ url: absoluteUrl(`/delete-account?token=${token}`), name: user.name ?? undefined }),
  });
  return user.email;
}

/** Deletes the account a mailed link was issued for. Following the link proves the address. */
export async function confirmDeletion(token: string): Promise<ErasedAccount> {
  const used = await redeemToken(token, "DELETE_ACCOUNT");
  if (!used) {
    throw new AppError(
      "not_found",
      "This link has expired or was already used. Ask for a new one from your account page.",
    );
  }
  const erased = await eraseAccount(db, used.userId, { email: used.email });
  if (!erased) throw new AppError("not_found", "This account is already deleted, or no longer uses this address.");
  await sayGoodbye(erased);
  return erased;
}
