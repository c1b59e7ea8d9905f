// Single-use links sent by mail (verify an address, reset a password, confirm a
// new address, delete an account that has no password). The raw token exists
// only in the mail; the database keeps its hash.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";

export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60,
  RESET_PASSWORD: 30,
  CHANGE_EMAIL: 24 * 60,
  // Short, like a reset: the link ends an account for good.
  DELETE_ACCOUNT: 30,
};

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a new token, replacing any unused one of the same purpose. */
export async function issueToken(userId: string, purpose: TokenPurpose, email: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000);
  await db.$transaction([
    db.accountToken.deleteMany({ where: { userId, purpose, usedAt: null } }),
    db.accountToken.create({ data: { userId, purpose, email, tokenHash: digest(token), expiresAt } }),
  ]);
  return token;
}

/**
 * Uses a token once. The conditional update is atomic, so two clicks on one
 * link cannot both succeed. Returns null for an unknown, used or expired token.
 */
export async function redeemToken(token: string, purpose: TokenPurpose) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const tokenHash = digest(token);
  const { count } = await db.accountToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return null;
  return db.accountToken.findUnique({ where: { tokenHash }, select: { userId: true, email: true } });
}
