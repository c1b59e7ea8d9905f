import "server-only";
import { db } from "@/lib/db";

/** Whether the provider vouches that this person controls the address. */
export function providerVerifiedEmail(provider: string, profile: Record<string, unknown> | undefined): boolean {
  if (!profile) return false;
  if (provider === "google") return profile.email_verified === true;
  // GitHub and others: only when the profile says so explicitly.
  return profile.email_verified === true || profile.verified === true;
}

/**
 * An OAuth sign-in may join an existing account with the same address only when
 * the account's address is verified here and the provider verified it too.
 * Otherwise the person is sent back to sign in with their password first.
 */
export async function oauthSignInAllowed(input: {
  provider: string;
  email: string | null | undefined;
  profile: Record<string, unknown> | undefined;
}): Promise<boolean | string> {
  if (!input.email) return "/sign-in?error=OAuthNoEmail";
  const existing = await db.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { id: true, emailVerified: true, accounts: { where: { provider: input.provider }, select: { id: true } } },
  });
  if (!existing || existing.accounts.length > 0) return true;
  if (existing.emailVerified && providerVerifiedEmail(input.provider, input.profile)) return true;
  return "/sign-in?error=OAuthAccountNotLinked";
}
