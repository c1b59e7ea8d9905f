// What accounts can do: sign up, verify an address, reset or change a password,
// change name or address, end every session. Route handlers call these after
// parsing and access checks (lib/http/route.ts); rate limits are applied here.
import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { sendMail } from "@/lib/mail/send";
import { emailChange, passwordReset, verifyEmail } from "@/lib/mail/templates";
import { consume } from "@/lib/rate-limit";
import { absoluteUrl } from "@/lib/site";
import { issueToken, redeemToken } from "./tokens";

async function sendVerification(userId: string, email: string, name?: string | null) {
  const token = await issueToken(userId, "VERIFY_EMAIL", email);
  await sendMail({
    to: email,
    ...verifyEmail({ url: absoluteUrl(`/verify-email?token=${token}`), name: name ?? undefined }),
  });
}

export async function signUp(input: { name: string; email: string; password: string }, ip: string) {
  await consume("signUpIp", ip);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true },
    });
    await sendVerification(user.id, input.email, input.name);
    return user;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists. Sign in, or reset your password.", {
        fields: { email: "An account with this email already exists." },
      });
    }
    throw error;
  }
}

export async function resendVerification(userId: string, ip: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, emailVerified: true },
  });
  if (!user?.email) throw new AppError("not_found", "There is no address on this account.");
  if (user.emailVerified) return;
  await consume("emailIp", ip);
  await consume("emailAccount", user.email);
  await sendVerification(userId, user.email, user.name);
}

export async function confirmEmail(token: string) {
  const used = await redeemToken(token, "VERIFY_EMAIL");
  if (!used)
    throw new AppError(
      "not_found",
      "This link has expired or was already used. Request a new one from your account page.",
    );
  await db.user.updateMany({ where: { id: used.userId, email: used.email }, data: { emailVerified: new Date() } });
}

/** Sends a reset link when the address has an account; says the same either way. */
export async function requestPasswordReset(email: string, ip: string) {
  await consume("emailIp", ip);
  await consume("emailAccount", email);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return;
  const token = await issueToken(user.id, "RESET_PASSWORD", email);
  await sendMail({ to: email, ...passwordReset({ url: absoluteUrl(`/reset-password?token=${token}`) }) });
}

/** Sets a new password and ends every existing session. Returns the address to sign in with. */
export async function resetPassword(token: string, password: string): Promise<string> {
  const used = await redeemToken(token, "RESET_PASSWORD");
  if (!used) throw new AppError("not_found", "This reset link has expired or was already used. Ask for a new one.");
  const passwordHash = await hashPassword(password);
  const user = await db.user.update({
    where: { id: used.userId },
    // Following the link proves the address, too.
    data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: new Date() },
    select: { email: true },
  });
  return user.email!;
}

export async function changeName(userId: string, name: string) {
  await db.user.update({ where: { id: userId }, data: { name } });
}

async function requirePassword(userId: string, password: string | undefined) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (user?.passwordHash && !(await verifyPassword(user.passwordHash, password ?? ""))) {
    throw new AppError("unauthorized", "That password is not right.", {
      fields: { password: "That password is not right." },
    });
  }
}

/** Sends a confirmation link to the new address; the account changes only when it is followed. */
export async function requestEmailChange(userId: string, email: string, password: string | undefined, ip: string) {
  await requirePassword(userId, password);
  await consume("emailIp", ip);
  await consume("emailAccount", email);
  const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
  // An address in use by another account gets no mail; the answer is the same.
  if (taken) return;
  const token = await issueToken(userId, "CHANGE_EMAIL", email);
  await sendMail({ to: email, ...emailChange({ url: absoluteUrl(`/confirm-email?token=${token}`), newEmail: email }) });
}

export async function confirmEmailChange(token: string) {
  const used = await redeemToken(token, "CHANGE_EMAIL");
  if (!used) throw new AppError("not_found", "This link has expired or was already used.");
  try {
    await db.user.update({ where: { id: used.userId }, data: { email: used.email, emailVerified: new Date() } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "Another account uses this address now.");
    }
    throw error;
  }
}

/** Changes the password and ends every session; the caller signs this device in again. */
export async function changePassword(userId: string, current: string | undefined, password: string) {
  await requirePassword(userId, current);
  const passwordHash = await hashPassword(password);
  const user = await db.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { email: true },
  });
  return user.email!;
}

export async function signOutEverywhere(userId: string) {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
