// Writers for the fault suite: signed-in readers who post comments (each with a
// postKey) and save one reflection over and over (each save with a saveId), as
// fast as the app answers. They act as the site's own scripts do: an answer
// that does not come, or a 502/503, is waited out (Retry-After when the app
// gives one) and the SAME request is sent again, until the app answers it.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { signUp } from "@/bench/client";
import { INTERNALS } from "../support/isolated-server";

const PASSWORD = "load suite passphrase, long enough";

export interface Writer {
  email: string;
  id: string;
  cookie: string;
  ip: string;
}

export interface Tally {
  /** Answers by status, retried sends included ("network" when none came). */
  statuses: Record<string, number>;
  /** Sends repeated after a 502/503/504 or no answer. */
  retries: number;
  /** 503s without a Retry-After header. */
  noRetryAfter: number;
  /** Answers (of any status) whose body shows internals. */
  leaks: string[];
  /** Answers a correct app never gives here (anything but 200, 502–504 and no answer). */
  unexpected: string[];
  comments: { postKey: string; id: string; repeated: boolean }[];
  saves: { writer: number; saveId: string; version: number }[];
  /** When the last write was acknowledged. */
  lastAck: number;
}

export const newTally = (): Tally => ({
  statuses: {},
  retries: 0,
  noRetryAfter: 0,
  leaks: [],
  unexpected: [],
  comments: [],
  saves: [],
  lastAck: 0,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs up `count` readers through the site, a few at a time (each hashes a password). */
export async function signUpWriters(site: string, databaseUrl: string, count: number): Promise<Writer[]> {
  const run = Date.now().toString(36);
  const writers: Omit<Writer, "id">[] = [];
  for (let start = 0; start < count; start += 4) {
    await Promise.all(
      Array.from({ length: Math.min(4, count - start) }, async (_, k) => {
        const i = start + k;
        const email = `load-${run}-${i}@example.com`;
        const ip = `100.70.${Math.floor(i / 250)}.${(i % 250) + 1}`;
        const cookie = await signUp(site, { name: `Writer ${i}`, email, password: PASSWORD }, ip);
        writers[i] = { email, cookie, ip };
      }),
    );
  }
  // Confirmed, as the mailed link would: only then may they comment.
  const rows = await query<{ id: string; email: string }>(
    databaseUrl,
    `UPDATE "User" SET "emailVerified" = now() WHERE email = ANY($1::text[]) RETURNING id, email`,
    [writers.map((w) => w.email)],
  );
  const ids = new Map(rows.map((r) => [r.email, r.id]));
  return writers.map((w) => ({ ...w, id: ids.get(w.email)! }));
}

export async function query<T extends pg.QueryResultRow>(
  databaseUrl: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Sends one JSON request until the app answers it: the same body every time. */
async function untilAnswered(
  tally: Tally,
  site: string,
  path: string,
  writer: Writer,
  body: object,
): Promise<Record<string, unknown>> {
  const count = (key: string) => (tally.statuses[key] = (tally.statuses[key] ?? 0) + 1);
  for (;;) {
    let response: Response;
    try {
      response = await fetch(site + path, {
        method: "POST",
        headers: {
          Accept: "application/json",
          "Content-Type": "application/json",
          Origin: site,
          Cookie: writer.cookie,
          "X-Forwarded-For": writer.ip,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(90_000),
      });
    } catch {
      count("network");
      tally.retries++;
      await sleep(1_000);
      continue;
    }
    const text = await response.text().catch(() => "");
    count(String(response.status));
    if (INTERNALS.test(text)) tally.leaks.push(`${path} ${response.status}: ${text.slice(0, 300)}`);
    if (response.status === 503) {
      const retryAfter = Number(response.headers.get("retry-after"));
      if (!response.headers.has("retry-after") || !(retryAfter > 0)) tally.noRetryAfter++;
      tally.retries++;
      await sleep(Math.min(retryAfter > 0 ? retryAfter : 1, 30) * 1_000);
      continue;
    }
    // nginx, when the instance it sent the request to went away before answering.
    if (response.status === 502 || response.status === 504) {
      tally.retries++;
      await sleep(1_000);
      continue;
    }
    if (response.status !== 200) {
      tally.unexpected.push(`${path} ${response.status}: ${text.slice(0, 300)}`);
      return {};
    }
    tally.lastAck = Date.now();
    return JSON.parse(text) as Record<string, unknown>;
  }
}

/**
 * Every writer posts a comment, then saves its reflection, again and again until
 * `running()` says stop; the write in progress is always finished first.
 */
export async function write(
  tally: Tally,
  site: string,
  writers: Writer[],
  target: { guide: string; step: string },
  running: () => boolean,
) {
  await Promise.all(
    writers.map(async (writer, w) => {
      let baseVersion = 0;
      for (let n = 1; running(); n++) {
        const postKey = randomUUID();
        const posted = await untilAnswered(tally, site, "/api/comments", writer, {
          guide: target.guide,
          body: `Writer ${w}, note ${n}: what helped today was a walk and an early night. ${postKey}`,
          postKey,
        });
        const comment = posted.comment as { id?: string } | undefined;
        if (posted.ok && comment?.id) tally.comments.push({ postKey, id: comment.id, repeated: !!posted.repeated });

        const saveId = randomUUID();
        const saved = await untilAnswered(tally, site, "/api/reflections/save", writer, {
          target,
          text: `Save ${n} of writer ${w}: the evenings are easier now, mostly.`,
          baseVersion,
          saveId,
        });
        if (saved.ok && typeof saved.version === "number") {
          tally.saves.push({ writer: w, saveId, version: saved.version });
          baseVersion = saved.version;
        }
      }
    }),
  );
}

export interface Stored {
  comments: { id: string; postKey: string | null }[];
  versions: { saveId: string; version: number; userId: string }[];
}

/** What the database holds of the writers' comments and reflection versions. */
export async function stored(databaseUrl: string, writers: Writer[]): Promise<Stored> {
  const ids = writers.map((w) => w.id);
  const comments = await query<{ id: string; postKey: string | null }>(
    databaseUrl,
    `SELECT id, "postKey" FROM "Comment" WHERE "authorId" = ANY($1::text[])`,
    [ids],
  );
  const versions = await query<{ saveId: string; version: number; userId: string }>(
    databaseUrl,
    `SELECT v."saveId", v.version, r."userId" FROM "ReflectionVersion" v
       JOIN "Reflection" r ON r.id = v."reflectionId" WHERE r."userId" = ANY($1::text[])`,
    [ids],
  );
  return { comments, versions };
}

/** Duplicates in a list of keys. */
export function duplicates<T>(keys: T[]): T[] {
  const seen = new Set<T>();
  return keys.filter((key) => (seen.has(key) ? true : (seen.add(key), false)));
}

/** A short summary of a scenario, for the run's output and for notes. */
export function summary(title: string, tally: Tally, extra: Record<string, string | number>): string {
  const repeated = tally.comments.filter((c) => c.repeated).length;
  const lines = [
    `\n${title}`,
    `  acknowledged: ${tally.comments.length} comments (${repeated} answered as repeats of an earlier send), ${tally.saves.length} reflection saves`,
    `  answers by status: ${Object.entries(tally.statuses)
      .map(([status, n]) => `${status} ×${n}`)
      .join(", ")}`,
    `  sends repeated with the same key: ${tally.retries}`,
    ...Object.entries(extra).map(([key, value]) => `  ${key}: ${value}`),
  ];
  return lines.join("\n");
}
