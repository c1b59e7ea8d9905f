// Who may moderate. Admins grant and revoke the moderator role; the first admin
// is made from the command line (npm run user:role). Emails are used to find a
// person but are never shown back.
import type { Database } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["READER", "MODERATOR", "ADMIN"] as const satisfies readonly Role[];

/** Sets a role by email address; returns the display name, for the message. */
export async function setRoleByEmail(db: Database, email: string, role: Role): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true },
  });
  if (!user)
    throw new AppError("not_found", "No account uses that email address.", {
      fields: { email: "No account uses that email address." },
    });
  await db.user.update({ where: { id: user.id }, data: { role } });
  return user.name;
}

/** What an admin may do from the site: make a reader a moderator, or a moderator a reader again. */
export async function changeModerator(db: Database, actorId: string, email: string, grant: boolean) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, role: true },
  });
  if (!user)
    throw new AppError("not_found", "No account uses that email address.", {
      fields: { email: "No account uses that email address." },
    });
  if (user.id === actorId || user.role === "ADMIN") {
    throw new AppError("forbidden", "Admins’ roles are changed from the command line (npm run user:role).");
  }
  await db.user.update({ where: { id: user.id }, data: { role: grant ? "MODERATOR" : "READER" } });
  return user.name ?? "That person";
}

export async function revokeModeratorById(db: Database, userId: string) {
  const { count } = await db.user.updateMany({ where: { id: userId, role: "MODERATOR" }, data: { role: "READER" } });
  if (count !== 1) throw new AppError("not_found", "That person is not a moderator.");
}

/** Moderators and admins by display name: no email addresses. */
export function listStaff(db: Database) {
  return db.user.findMany({
    where: { role: { in: ["MODERATOR", "ADMIN"] } },
    select: { id: true, name: true, role: true, createdAt: true },
    orderBy: [{ role: "desc" }, { name: "asc" }],
  });
}
