// A page of threads costs the same few SQL queries whether the guide has 20
// comments or 2,000, for a visitor and for a signed-in reader.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/database/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { commentFixtures } from "@/lib/testing/comments";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { listThreads } from "./service";
import type { CommentSort } from "./types";

let database: TestDatabase;
let f: ReturnType<typeof commentFixtures>;
let counting: ReturnType<typeof countingClient>;

/**
 * A client built as lib/database/client.ts builds the app's, on a pool of our own,
 * counting statements twice: Prisma's query events, and calls reaching node-postgres.
 */
function countingClient(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const counts = { events: 0, pool: 0, sql: [] as string[] };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    counts.pool++;
    return query(...args);
  };
  const client = new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    counts.events++;
    counts.sql.push(event.query);
  });
  return {
    db: client as unknown as Database,
    /** Runs `fn` and returns how many statements it sent. */
    async count(fn: (db: Database) => Promise<unknown>) {
      Object.assign(counts, { events: 0, pool: 0, sql: [] });
      await fn(client as unknown as Database);
      return { ...counts };
    },
    close: async () => {
      await client.$disconnect();
      await pool.end();
    },
  };
}

interface Seeded {
  guide: string;
  viewer: string;
}

/** A guide with `roots` top-level comments and `replies` replies spread over them, inserted in bulk. */
async function seedThread(roots: number, replies: number): Promise<Seeded> {
  const guide = await f.guide();
  const authors = await Promise.all(Array.from({ length: 10 }, () => f.person({ trusted: true })));
  const authorIds = authors.map((a) => a.id);
  const viewer = await f.person({ trusted: true });
  await database.query(
    `INSERT INTO "Comment" (id, "guideSlug", "authorId", depth, body, html, status, "helpfulCount", "publishedAt", "createdAt", "updatedAt")
     SELECT $1 || '-r' || i, $1, ($2::text[])[1 + i % array_length($2::text[], 1)], 0,
            'Comment ' || i, '<p>Comment ' || i || '</p>', 'PUBLISHED', i % 7,
            now(), timestamp '2026-10-01' + make_interval(secs => i / 2), now()
       FROM generate_series(1, $3::int) AS i`,
    [guide, authorIds, roots],
  );
  // Replies on every fourth root (and some answering the reply before them), a few held.
  await database.query(
    `INSERT INTO "Comment" (id, "guideSlug", "authorId", "parentId", "rootId", depth, body, html, status, "publishedAt", "createdAt", "updatedAt")
     SELECT $1 || '-a' || j, $1, ($2::text[])[1 + (j * 3) % array_length($2::text[], 1)],
            CASE WHEN j % 5 = 0 AND j > 1 THEN $1 || '-a' || (j - 1) ELSE $1 || '-r' || (1 + ((j - 1) * 4) % $3::int) END,
            $1 || '-r' || (1 + ((CASE WHEN j % 5 = 0 AND j > 1 THEN j - 1 ELSE j END) - 1) * 4 % $3::int),
            CASE WHEN j % 5 = 0 AND j > 1 THEN 2 ELSE 1 END,
            'Reply ' || j, '<p>Reply ' || j || '</p>',
            (CASE WHEN j % 11 = 0 THEN 'PENDING' ELSE 'PUBLISHED' END)::"CommentStatus",
            now(), timestamp '2026-10-02' + make_interval(secs => j), now()
       FROM generate_series(1, $4::int) AS j`,
    [guide, authorIds, roots, replies],
  );
  await database.query(
    `UPDATE "Comment" AS root SET "replyCount" = r.n
       FROM (SELECT "rootId", count(*)::int AS n FROM "Comment"
              WHERE "guideSlug" = $1 AND "rootId" IS NOT NULL AND status = 'PUBLISHED' GROUP BY "rootId") AS r
      WHERE root.id = r."rootId"`,
    [guide],
  );
  // The viewer has marked a few helpful, muted someone, and has a held comment of their own.
  await database.query(
    `INSERT INTO "CommentReaction" ("commentId", "userId") SELECT $1 || '-r' || i, $2 FROM generate_series(1, least(40, $3::int), 3) AS i`,
    [guide, viewer.id, roots],
  );
  await database.db.mute.create({ data: { muterId: viewer.id, mutedId: authorIds[0]! } });
  await f.comment(viewer.id, guide, { status: "PENDING", createdAt: new Date("2026-10-01T00:00:03Z") });
  return { guide, viewer: viewer.id };
}

beforeAll(async () => {
  database = await createTestDatabase();
  f = commentFixtures(database);
  counting = countingClient(database.url);
}, 120_000);

afterAll(async () => {
  await counting?.close();
  await database?.drop();
});

describe("queries per page of threads", () => {
  let small: Seeded;
  let large: Seeded;

  beforeAll(async () => {
    small = await seedThread(16, 4);
    large = await seedThread(1600, 400);
  }, 120_000);

  it("seeds what it says", async () => {
    expect(await database.db.comment.count({ where: { guideSlug: large.guide } })).toBe(2001);
    expect(await database.db.comment.count({ where: { guideSlug: small.guide } })).toBe(21);
    const { rows } = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Comment" c JOIN "Comment" p ON p.id = c."parentId" WHERE c."guideSlug" = $1 AND c."rootId" <> coalesce(p."rootId", p.id)`,
      [large.guide],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it("counts statements the same way through Prisma's events and at the driver", async () => {
    const counts = await counting.count((db) => listThreads(db, { guide: large.guide, viewerId: large.viewer }));
    expect(counts.events).toBeGreaterThan(0);
    expect(counts.events).toBe(counts.pool);
  });

  it.each(["oldest", "newest", "helpful"] as const)(
    "loads a page sorted by %s with the same few queries for 20 or 2,000 comments",
    async (sort: CommentSort) => {
      const queries = async (seeded: Seeded, viewerId: string | null) => {
        let cursor: string | null = null;
        const first = await counting.count(async (db) => {
          const page = await listThreads(db, { guide: seeded.guide, viewerId, sort });
          // The small guide's 16 threads, and the reader's own held comment for them.
          expect(page.threads).toHaveLength(seeded === small ? 16 + (viewerId ? 1 : 0) : 20);
          cursor = page.nextCursor;
        });
        if (seeded === small) return { first: first.events, second: first.events, sql: first.sql };
        const second = await counting.count(async (db) => {
          const page = await listThreads(db, { guide: seeded.guide, viewerId, sort, cursor });
          expect(page.threads).toHaveLength(20);
        });
        return { first: first.events, second: second.events, sql: first.sql };
      };
      for (const who of ["visitor", "reader"] as const) {
        const smallCount = await queries(small, who === "visitor" ? null : small.viewer);
        const largeCount = await queries(large, who === "visitor" ? null : large.viewer);
        expect({ who, large: largeCount.first, page2: largeCount.second }).toEqual({
          who,
          large: smallCount.first,
          page2: smallCount.first,
        });
        // A visitor: the count, the guide, the threads and their replies with their authors (two each).
        // A reader adds themselves, their mutes and their "helpful" marks.
        expect(largeCount.first, largeCount.sql.join("\n")).toBeLessThanOrEqual(who === "visitor" ? 6 : 9);
      }
    },
  );

  it("shows the first page with its replies, the viewer's flags and held comment", async () => {
    const page = await listThreads(counting.db, { guide: large.guide, viewerId: large.viewer });
    expect(page.total).toBe(1600 + 400 - Math.floor(400 / 11));
    expect(page.threads[0]!.comment.id).toBe(`${large.guide}-r1`);
    const all = page.threads.flatMap((t) => [t.comment, ...t.replies]);
    expect(all.some((c) => c.helpful)).toBe(true);
    expect(all.some((c) => c.muted)).toBe(true);
    expect(all.some((c) => c.own?.holdReason === null && c.state === "pending")).toBe(true);
    expect(page.threads.reduce((n, t) => n + t.replies.length, 0)).toBeGreaterThan(0);
  });
});
