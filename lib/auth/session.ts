import "server-only";
import { redirect } from "next/navigation";
import type { Route } from "next";
import { auth } from "@/auth";

/** The signed-in user, or a redirect to sign in and come back to `returnTo`. */
export async function requireUser(returnTo: string) {
  const session = await auth();
  if (!session?.user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` as Route);
  return session.user;
}
