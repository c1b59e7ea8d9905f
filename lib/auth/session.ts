import "server-only";
import type { Route } from "next";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import type { Role } from "@/lib/generated/prisma/enums";

export { hasRole } from "@/lib/roles/rank";
import { hasRole } from "@/lib/roles/rank";

/** The signed-in user, or a redirect to sign in and come back to `returnTo`. */
export async function requireUser(returnTo: string) {
  const session = await auth();
  if (!session?.user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` as Route);
  return session.user;
}

/** The signed-in user with at least `role`; anyone else gets the 404 page, which confirms nothing. */
export async function requireRole(role: Role, returnTo: string) {
  const user = await requireUser(returnTo);
  if (!hasRole(user.role, role)) notFound();
  return user;
}
