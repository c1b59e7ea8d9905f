import "server-only";
import { db } from "@/lib/db";

/** What the owner of an account sees on their account page. Only ever called with the session's own id. */
export async function getOwnAccount(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { name: true, email: true, emailVerified: true, createdAt: true, role: true, passwordHash: true },
  });
  if (!user) return null;
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
}
