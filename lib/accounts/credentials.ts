import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

/**
 * The user whose email and password match, as the few fields a session needs,
 * or null. An unknown email and a wrong password take the same time.
 */
export async function checkPassword(email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, role: true, sessionVersion: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return null;
  return { id: user.id, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
