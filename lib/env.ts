// Every environment variable the app reads, parsed once with zod.
// scripts/start.ts fills in local defaults (an embedded database, generated
// secrets); in production each must be set, and a bad one stops the start.
import { z } from "zod";

const url = (what: string) => z.url({ error: `must be a URL (${what})` });

const smtpHelp = "the mail server, e.g. smtp://user:pass@mail.example:587 or smtps://user:pass@mail.example:465";
// A bare address, or `Name <address>` as mail clients show it.
const mailbox = /^(?:[^<>@\s]+@[^<>@\s]+|[^<>]*\S[^<>]*<[^<>@\s]+@[^<>@\s]+>)$/;

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required: the PostgreSQL connection string, e.g. postgresql://user:pass@host:5432/mend" })
      .regex(/^postgres(ql)?:\/\//, { error: "must start with postgresql:// (a PostgreSQL connection string)" }),
    AUTH_SECRET: z
      .string({ error: "is required: generate one with `openssl rand -base64 32`" })
      .min(32, { error: "must be at least 32 characters: generate one with `openssl rand -base64 32`" }),
    AUTH_URL: url("the public address of the site, e.g. https://mend.example").optional(),
    PORT: z.coerce
      .number({ error: "must be a port number" })
      .int()
      .min(1, { error: "must be a port number from 1 to 65535" })
      .max(65535, { error: "must be a port number from 1 to 65535" })
      .default(3000),
    // "local" sends mail to the outbox folder instead of a mail server; scripts/start.ts sets it
    // unless NODE_ENV=production, so a deployment that forgets it fails safe.
    APP_ENV: z.enum(["local", "production"], { error: 'must be "local" or "production"' }).default("production"),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: `must be an smtp:// or smtps:// URL (${smtpHelp})` }).optional(),
    REFLECTIONS_KEY: z
      .string({ error: "is required: the key that encrypts reflections; generate one with `openssl rand -base64 32`" })
      .refine((value) => Buffer.from(value, /[-_]/.test(value) ? "base64url" : "base64").length === 32, {
        error: "must be 32 bytes written as base64; generate one with `openssl rand -base64 32`",
      }),
    REFLECTIONS_OLD_KEYS: z.string().optional(),
    EMAIL_FROM: z
      .string()
      .trim()
      .regex(mailbox, { error: "must be an address or `Name <address>`, e.g. Mend <no-reply@mend.example>" })
      .default("Mend <no-reply@mend.local>"),
    // "off" turns every rate limit off, so that a load test (npm run bench) can post as fast as it
    // likes. Refused unless APP_ENV=local: a deployment always has its limits.
    MEND_RATE_LIMITS: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).optional(),
  })
  .superRefine(
    (env, ctx) => {
      if (env.APP_ENV === "production" && !env.SMTP_URL) {
        ctx.addIssue({
          code: "custom",
          path: ["SMTP_URL"],
          message: `is required when APP_ENV=production: the mail server that sends sign-in and reset mail (${smtpHelp})`,
        });
      }
      if (env.MEND_RATE_LIMITS === "off" && env.APP_ENV !== "local") {
        ctx.addIssue({
          code: "custom",
          path: ["MEND_RATE_LIMITS"],
          message:
            'may be "off" only when APP_ENV=local: it is for load tests on one\'s own machine, never for a deployment',
        });
      }
    },
    {
      // Also when other variables are bad, so that one start names every problem at once.
      when: () => true,
    },
  );

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses `source`; throws one EnvError naming every bad variable and how to fix it. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty value (`AUTH_SECRET=` in a .env file) counts as unset.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")} ${issue.message}`);
  throw new EnvError(
    `Mend cannot start: these environment variables are missing or invalid:\n${lines.join("\n")}\n` +
      `Set them in the environment or in a .env file (see .env.example).`,
  );
}

let cached: Env | undefined;

/** The parsed environment of this process, read once. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
