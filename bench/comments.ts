// Comments under load, through the real routes.
//   Reading: the first page of a guide with 2,000 comments (1,600 threads and
//   400 replies, seeded straight into the database), 50 readers at once, as a
//   visitor and signed in (with "helpful" marks and a mute to look up).
//   Posting: 20 trusted writers at once, a third of the posts replies; then every
//   acknowledged comment must be stored, nothing else, and a post sent again with
//   the same postKey must be answered with the first without adding one.
import { randomInt, randomUUID } from "node:crypto";
import pg from "pg";
import { getGuides } from "@/lib/content/guides";
import { postForm, signUp } from "./client";
import { measure, summarize, type Latency } from "./latency";

const PASSWORD = "bench passphrase for comments";
const EMAIL_PREFIX = "bench-comments-";

export interface ReadLatency extends Latency {
  requestsPerSecond: number;
  errors: number;
}

export interface CommentReadBench {
  guide: string;
  topLevel: number;
  replies: number;
  /** Published comments the API reports for the guide. */
  total: number;
  concurrency: number;
  anonymous: ReadLatency;
  signedIn: ReadLatency;
}

export interface CommentPostBench {
  writers: number;
  postsPerWriter: number;
  rateLimits: string;
  post: Latency;
  retry: Latency;
  postsPerSecond: number;
  acknowledged: number;
  /** Acknowledged but held for a moderator (expected 0: the writers are trusted). */
  held: number;
  stored: number;
  /** Acknowledged ids that are not in the database. */
  missing: number;
  retries: number;
  retriesRecognised: number;
  storedAfterRetries: number;
  errors: number;
  errorStatuses: Record<string, number>;
  integrity: boolean;
}

const withClient = async <T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/** Signs up `count` accounts, a few at a time (each hashes a password), each from its own address. */
async function signUpMany(site: string, run: string, label: string, count: number) {
  // A block of addresses of its own per run, so sign-ups stay under the per-address limit on re-runs.
  const block = `100.${randomInt(64)}.${randomInt(256)}`;
  const accounts: { email: string; cookie: string; ip: string }[] = [];
  for (let start = 0; start < count; start += 5) {
    await Promise.all(
      Array.from({ length: Math.min(5, count - start) }, async (_, k) => {
        const i = start + k;
        const email = `${EMAIL_PREFIX}${label.toLowerCase()}-${run}-${i}@example.com`;
        const ip = `${block}.${i + 1}`;
        const cookie = await signUp(site, { name: `${label} ${i}`, email, password: PASSWORD }, ip);
        accounts[i] = { email, cookie, ip };
      }),
    );
  }
  return accounts;
}

/** Confirms the accounts' addresses (as the mailed link would) and returns their ids. */
async function verify(client: pg.Client, emails: string[]): Promise<string[]> {
  const { rows } = await client.query<{ id: string; email: string }>(
    `UPDATE "User" SET "emailVerified" = now() WHERE email = ANY($1::text[]) RETURNING id, email`,
    [emails],
  );
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return emails.map((email) => {
    const id = byEmail.get(email);
    if (!id) throw new Error(`the bench signed up ${email}, but the database has no such account`);
    return id;
  });
}

export async function benchCommentReads(
  site: string,
  databaseUrl: string,
  options: { concurrency?: number; requests?: number; topLevel?: number; replies?: number } = {},
): Promise<CommentReadBench> {
  const { concurrency = 50, requests = 1000, topLevel = 1600, replies = 400 } = options;
  const run = Date.now().toString(36);
  const guide = getGuides().at(-1)!.slug;
  const readers = await signUpMany(site, run, "Reader", 10);

  await withClient(databaseUrl, async (client) => {
    const ids = await verify(
      client,
      readers.map((r) => r.email),
    );
    // Earlier runs' comments go, so that the thread holds exactly this run's.
    await client.query(
      `DELETE FROM "Comment" WHERE id LIKE 'bc-%' OR "authorId" IN (SELECT id FROM "User" WHERE email LIKE $1)`,
      [`${EMAIL_PREFIX}%`],
    );
    await client.query(
      `INSERT INTO "Comment" (id, "guideSlug", "authorId", depth, body, html, status, "publishedAt", "createdAt", "updatedAt")
       SELECT $1 || '-r' || i, $2, ($3::text[])[1 + i % array_length($3::text[], 1)], 0,
              'Thread ' || i || ': what I wish I had known in the first week.',
              '<p>Thread ' || i || ': what I wish I had known in the first week.</p>',
              'PUBLISHED', now(), now() - make_interval(secs => $4::int - i), now()
         FROM generate_series(1, $4::int) AS i`,
      [`bc-${run}`, guide, ids, topLevel],
    );
    // Replies spread over the threads, every fifth one answering the reply before it.
    await client.query(
      `INSERT INTO "Comment" (id, "guideSlug", "authorId", "parentId", "rootId", depth, body, html, status, "publishedAt", "createdAt", "updatedAt")
       SELECT $1 || '-a' || j, $2, ($3::text[])[1 + (j * 7) % array_length($3::text[], 1)],
              CASE WHEN nested THEN $1 || '-a' || (j - 1) ELSE $1 || '-r' || root END,
              $1 || '-r' || root, CASE WHEN nested THEN 2 ELSE 1 END,
              'Reply ' || j || ': the same happened to me.', '<p>Reply ' || j || ': the same happened to me.</p>',
              'PUBLISHED', now(), now() + make_interval(secs => j), now()
         FROM (SELECT j, j % 5 = 0 AS nested,
                      1 + (((CASE WHEN j % 5 = 0 THEN j - 1 ELSE j END) - 1) * 4) % $4::int AS root
                 FROM generate_series(1, $5::int) AS j) AS s`,
      [`bc-${run}`, guide, ids, topLevel, replies],
    );
    await client.query(
      `UPDATE "Comment" AS root SET "replyCount" = r.n
         FROM (SELECT "rootId", count(*)::int AS n FROM "Comment" WHERE id LIKE $1 AND "rootId" IS NOT NULL GROUP BY "rootId") AS r
        WHERE root.id = r."rootId"`,
      [`bc-${run}-%`],
    );
    // Each signed-in reader found some of the first page helpful, and muted one writer.
    await client.query(
      `INSERT INTO "CommentReaction" ("commentId", "userId")
       SELECT c.id, u.id FROM unnest($2::text[]) AS u(id)
         JOIN "Comment" c ON c.id LIKE $1 AND c.depth = 0 AND c."authorId" <> u.id
        WHERE (regexp_replace(c.id, '^.*-r', ''))::int BETWEEN 1 AND 30 AND (regexp_replace(c.id, '^.*-r', ''))::int % 3 = 0`,
      [`bc-${run}-r%`, ids],
    );
    await client.query(
      `UPDATE "Comment" c SET "helpfulCount" = r.n
         FROM (SELECT "commentId", count(*)::int AS n FROM "CommentReaction" WHERE "commentId" LIKE $1 GROUP BY "commentId") AS r
        WHERE c.id = r."commentId"`,
      [`bc-${run}-%`],
    );
    await client.query(
      `INSERT INTO "Mute" ("muterId", "mutedId") SELECT u.id, $2 FROM unnest($1::text[]) AS u(id) WHERE u.id <> $2`,
      [ids, ids[0]],
    );
  });

  const url = `${site}/api/guides/${guide}/comments`;
  let total = 0;
  const read = async (cookie?: string) => {
    const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
    const page = (await response.json().catch(() => null)) as {
      total?: number;
      threads?: unknown[];
      viewer?: unknown;
    } | null;
    total = page?.total ?? total;
    return response.status === 200 && page?.threads?.length === 20 && (page.viewer !== null) === !!cookie;
  };
  const bench = async (signedIn: boolean): Promise<ReadLatency> => {
    const cookie = (i: number) => (signedIn ? readers[i % readers.length]!.cookie : undefined);
    await measure(concurrency * 2, concurrency, async (i) => void (await read(cookie(i))));
    let errors = 0;
    const started = performance.now();
    const times = await measure(requests, concurrency, async (i) => {
      if (!(await read(cookie(i)))) errors++;
    });
    const seconds = (performance.now() - started) / 1000;
    return { ...summarize(times), requestsPerSecond: Math.round(requests / seconds), errors };
  };
  const anonymous = await bench(false);
  const signedIn = await bench(true);
  return { guide, topLevel, replies, total, concurrency, anonymous, signedIn };
}

interface SentPost {
  writer: number;
  form: Record<string, string>;
  id: string;
}

export async function benchCommentPosts(
  site: string,
  databaseUrl: string,
  options: { writers?: number; postsPerWriter?: number; retries?: number } = {},
): Promise<CommentPostBench> {
  const { writers = 20, postsPerWriter = 25, retries = 20 } = options;
  const run = Date.now().toString(36);
  const guides = getGuides();
  const guide = guides.at(-2)!.slug;
  const accounts = await signUpMany(site, run, "Writer", writers);
  const ids = await withClient(databaseUrl, async (client) => {
    const ids = await verify(
      client,
      accounts.map((a) => a.email),
    );
    // Trusted: two comments a moderator approved, a day ago, on another guide.
    await client.query(
      `INSERT INTO "Comment" (id, "guideSlug", "authorId", body, html, status, "approvedAt", "publishedAt", "createdAt", "updatedAt")
       SELECT 'bt-' || u.id || '-' || k, $2, u.id, 'An earlier comment', '<p>An earlier comment</p>', 'PUBLISHED',
              now() - interval '1 day', now() - interval '1 day', now() - interval '1 day', now()
         FROM unnest($1::text[]) AS u(id), generate_series(1, 2) AS k`,
      [ids, guides.at(-3)!.slug],
    );
    return ids;
  });

  const send = async (writer: number, form: Record<string, string>) => {
    const account = accounts[writer]!;
    try {
      const response = await postForm(site, "/api/comments", form, account.ip, account.cookie);
      const answer = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        repeated?: boolean;
        comment?: { id?: string; state?: string };
      };
      return { status: response.status, ...answer };
    } catch {
      return { status: 0 };
    }
  };

  const acknowledged: SentPost[] = [];
  const postTimes: number[] = [];
  const errorStatuses: Record<string, number> = {};
  let held = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 1; n <= postsPerWriter; n++) {
        const parent = n % 3 === 0 && acknowledged.length > 0 ? acknowledged[randomInt(acknowledged.length)] : null;
        const form: Record<string, string> = {
          guide,
          body: `Writer ${writer}, note ${n} (${run}): what helped me this week was a long walk and an early night.`,
          postKey: randomUUID(),
          ...(parent ? { parentId: parent.id } : {}),
        };
        const t0 = performance.now();
        const answer = await send(writer, form);
        postTimes.push(performance.now() - t0);
        if (answer.status === 200 && answer.ok && answer.comment?.id && answer.repeated === false) {
          acknowledged.push({ writer, form, id: answer.comment.id });
          if (answer.comment.state !== "published") held++;
        } else {
          errorStatuses[answer.status] = (errorStatuses[answer.status] ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const storedIds = () =>
    withClient(databaseUrl, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM "Comment" WHERE "guideSlug" = $1 AND "authorId" = ANY($2::text[])`,
        [guide, ids],
      );
      return new Set(rows.map((r) => r.id));
    });
  const stored = await storedIds();
  const missing = acknowledged.filter((post) => !stored.has(post.id)).length;

  // The answers to some posts "were lost": the browser sends exactly the same request again, all at once.
  const picked = [...acknowledged].sort(() => Math.random() - 0.5).slice(0, retries);
  const retryTimes: number[] = [];
  let retriesRecognised = 0;
  await Promise.all(
    picked.map(async (post) => {
      const t0 = performance.now();
      const again = await send(post.writer, post.form);
      retryTimes.push(performance.now() - t0);
      if (again.status === 200 && again.repeated === true && again.comment?.id === post.id) retriesRecognised++;
      else errorStatuses[`retry ${again.status}`] = (errorStatuses[`retry ${again.status}`] ?? 0) + 1;
    }),
  );
  const storedAfterRetries = (await storedIds()).size;
  const errors = Object.values(errorStatuses).reduce((a, b) => a + b, 0);

  return {
    writers,
    postsPerWriter,
    rateLimits: "off (MEND_RATE_LIMITS=off) on a second app instance for this part only",
    post: summarize(postTimes),
    retry: summarize(retryTimes),
    postsPerSecond: Math.round((postTimes.length / seconds) * 10) / 10,
    acknowledged: acknowledged.length,
    held,
    stored: stored.size,
    missing,
    retries: picked.length,
    retriesRecognised,
    storedAfterRetries,
    errors,
    errorStatuses,
    integrity:
      errors === 0 &&
      acknowledged.length === writers * postsPerWriter &&
      missing === 0 &&
      stored.size === acknowledged.length &&
      retriesRecognised === picked.length &&
      storedAfterRetries === acknowledged.length,
  };
}
