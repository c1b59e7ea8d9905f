// Sign-in for Mend (Auth.js v5). Sessions are JWTs (password sign-in needs
// them) that carry only the user's id, display name, role and whether the
// email is verified; every use re-checks the account in PostgreSQL, so a
// role change, a deletion or "sign out everywhere" takes effect at once.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Nodemailer from "next-auth/providers/nodemailer";
import type { Role } from "@/lib/generated/prisma/enums";
import { checkPassword } from "@/lib/accounts/credentials";
import { oauthSignInAllowed } from "@/lib/accounts/oauth";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send";
import { signInLink } from "@/lib/mail/templates";
import { oauthConfigured } from "@/lib/security/oauth-origins";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string | null; role: Role; emailVerified: boolean } & Omit<
      DefaultSession["user"],
      "email" | "image"
    >;
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    sv?: number;
    verified?: boolean;
  }
}

/** Email-link sign-in links last this long, and work once. */
export const EMAIL_LINK_MAX_AGE_SECONDS = 15 * 60;

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      // Rate limits are applied before this, in app/api/account/sign-in.
      authorize: async (credentials) =>
        checkPassword(String(credentials.email ?? ""), String(credentials.password ?? "")),
    }),
    Nodemailer({
      id: "nodemailer",
      // Mail goes through lib/mail, which knows SMTP_URL and the local outbox.
      server: process.env.SMTP_URL || "smtp://localhost:25",
      from: process.env.EMAIL_FROM || "Mend <no-reply@mend.local>",
      maxAge: EMAIL_LINK_MAX_AGE_SECONDS,
      normalizeIdentifier: (email) => email.trim().toLowerCase(),
      sendVerificationRequest: async ({ identifier, url }) => {
        await sendMail({ to: identifier, ...signInLink({ url }) });
      },
    }),
  ];
  if (oauthConfigured("github")) {
    list.push(GitHub({ allowDangerousEmailAccountLinking: true }));
  }
  if (oauthConfigured("google")) {
    // AUTH_GOOGLE_ISSUER points at another OpenID Connect issuer (the tests' stand-in for Google).
    const issuer = process.env.AUTH_GOOGLE_ISSUER;
    list.push(Google({ allowDangerousEmailAccountLinking: true, ...(issuer ? { issuer } : {}) }));
  }
  return list;
}

/** The OAuth providers that are configured, for the sign-in page. */
export function oauthProviders(): { id: string; name: string }[] {
  return providers()
    .map((p) => (typeof p === "function" ? p() : p))
    .filter((p) => p.type === "oauth" || p.type === "oidc")
    .map((p) => ({ id: p.id, name: p.name }));
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: PrismaAdapter(db),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  providers: providers(),
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
  logger: {
    // A wrong password is the reader's everyday mistake, answered on the form; not a server error.
    // (Not by error.name: the production build shortens class names, so it is not "CredentialsSignin" there.)
    error: (error) => {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  callbacks: {
    // OAuth links to an existing account only when both sides' email is verified.
    signIn: async ({ user, account, profile }) => {
      if (!account || account.type === "credentials" || account.type === "email") return true;
      return oauthSignInAllowed({ provider: account.provider, email: user.email, profile });
    },
    jwt: async ({ token, user }) => {
      if (user?.id) {
        const row = await db.user.findUnique({
          where: { id: user.id },
          select: { name: true, role: true, sessionVersion: true, emailVerified: true },
        });
        if (!row) return null;
        return { sub: user.id, name: row.name, role: row.role, sv: row.sessionVersion, verified: !!row.emailVerified };
      }
      if (!token.sub) return null;
      let row;
      try {
        row = await db.user.findUnique({
          where: { id: token.sub },
          select: { name: true, role: true, sessionVersion: true, emailVerified: true },
        });
      } catch (error) {
        // The database is away: keep the session rather than sign everyone out
        // (Auth.js drops the cookie when this callback throws). Pages that need
        // the database show their error meanwhile; checks resume when it returns.
        console.error(`session check skipped: ${error instanceof Error ? error.message.split("\n").at(-1) : error}`);
        return token;
      }
      // Deleted, or signed out everywhere since this token was issued.
      if (!row || row.sessionVersion !== token.sv) return null;
      return { ...token, name: row.name, role: row.role, verified: !!row.emailVerified };
    },
    session: async ({ session, token }) => ({
      expires: session.expires,
      user: {
        id: token.sub!,
        name: token.name ?? null,
        role: token.role ?? "READER",
        emailVerified: token.verified ?? false,
      },
    }),
  },
}));
