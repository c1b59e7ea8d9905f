// Rate limits kept in PostgreSQL, so they hold across every app instance.
import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface Limit {
  points: number;
  durationSeconds: number;
  message: string;
}

/** The limits of the site, per IP address and per account (or email address). */
export const LIMITS = {
  signInIp: { points: 20, durationSeconds: 15 * 60, message: "Too many sign-in attempts from this network." },
  signInAccount: { points: 5, durationSeconds: 15 * 60, message: "Too many sign-in attempts for this account." },
  signUpIp: { points: 5, durationSeconds: 60 * 60, message: "Too many new accounts from this network." },
  emailIp: { points: 10, durationSeconds: 60 * 60, message: "Too many emails requested from this network." },
  emailAccount: { points: 3, durationSeconds: 15 * 60, message: "Too many emails requested for this address." },
  exportAccount: { points: 10, durationSeconds: 60 * 60, message: "Too many downloads of your data." },
  // Keyed by account id: a stolen session must not get unlimited guesses at the password.
  deleteAccount: { points: 5, durationSeconds: 15 * 60, message: "Too many attempts to delete this account." },
  // Comments, per account. New accounts (not yet trusted) have stricter limits.
  commentBurst: { points: 1, durationSeconds: 15, message: "You are posting very quickly." },
  commentHourly: { points: 20, durationSeconds: 60 * 60, message: "You have posted a lot of comments this hour." },
  newCommentBurst: { points: 1, durationSeconds: 60, message: "New accounts can post one comment a minute." },
  newCommentHourly: { points: 5, durationSeconds: 60 * 60, message: "New accounts can post five comments an hour." },
  commentEdit: { points: 30, durationSeconds: 60 * 60, message: "Too many edits this hour." },
  report: { points: 10, durationSeconds: 60 * 60, message: "You have sent a lot of reports this hour." },
  reaction: { points: 120, durationSeconds: 60 * 60, message: "Too many reactions this hour." },
  mute: { points: 30, durationSeconds: 60 * 60, message: "Too many changes to who you mute this hour." },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

const globalForLimits = globalThis as unknown as {
  mendLimitPool?: pg.Pool;
  mendLimiters?: Map<string, RateLimiterPostgres>;
};

function limiter(name: LimitName): RateLimiterPostgres {
  if (!globalForLimits.mendLimitPool) {
    const pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 3, connectionTimeoutMillis: 5_000 });
    // An idle connection that PostgreSQL closes (a restart, a failover) must not take the
    // process down with an unhandled 'error' event; the pool opens a new one when needed.
    pool.on("error", (error) => console.error(`rate-limit pool: ${error.message}`));
    globalForLimits.mendLimitPool = pool;
  }
  globalForLimits.mendLimiters ??= new Map();
  let instance = globalForLimits.mendLimiters.get(name);
  if (!instance) {
    const { points, durationSeconds } = LIMITS[name];
    instance = new RateLimiterPostgres({
      storeClient: globalForLimits.mendLimitPool,
      storeType: "pool",
      tableName: "RateLimit",
      tableCreated: true, // created by a migration
      keyPrefix: name,
      points,
      duration: durationSeconds,
    });
    globalForLimits.mendLimiters.set(name, instance);
  }
  return instance;
}

// Keys are addresses typed in any case; the column holds 255 characters with the prefix.
const normalise = (key: string) => key.toLowerCase().slice(0, 200);

/**
 * The rows of "RateLimit" that may count attempts for these keys, under every limit:
 * rate-limiter-flexible stores each as `${keyPrefix}:${key}`. An account's deletion
 * removes them, because a key is an email address or an account id.
 */
export function storedLimitKeys(keys: string[]): string[] {
  return keys.flatMap((key) => Object.keys(LIMITS).map((name) => `${name}:${normalise(key)}`));
}

/** "12 seconds", "1 minute", "5 minutes". */
export function waitFor(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** MEND_RATE_LIMITS=off (load tests only; lib/env.ts refuses it unless APP_ENV=local). */
const limitsOff = () => getEnv().MEND_RATE_LIMITS === "off";

/** Counts one attempt against `name` for `key`; throws a 429 AppError once the limit is used up. */
export async function consume(name: LimitName, key: string): Promise<void> {
  if (limitsOff()) return;
  try {
    await limiter(name).consume(normalise(key));
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError(
        "rate_limited",
        `${LIMITS[name].message} Please wait ${waitFor(retryAfterSeconds)} and try again.`,
        {
          retryAfterSeconds,
        },
      );
    }
    throw error;
  }
}

/** Forgets the attempts counted for `key`, e.g. after a successful sign-in. */
export async function reset(name: LimitName, key: string): Promise<void> {
  if (limitsOff()) return;
  await limiter(name).delete(normalise(key));
}
