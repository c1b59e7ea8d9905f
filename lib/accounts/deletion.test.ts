import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseAccount } from "@/lib/accounts/deletion";
import { TOKEN_LIFETIME_MINUTES } from "@/lib/accounts/tokens";
import { seed } from "@/lib/database/seed";
import { DELETE_ACCOUNT_LINK_MINUTES } from "@/lib/mail/templates";
import { storedLimitKeys } from "@/lib/rate-limit";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";

let database: TestDatabase;
let serial = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
});

afterAll(async () => {
  await database?.drop();
});

/** A reader with something in every table that can hold their data. */
async function reader(label: string) {
  const n = ++serial;
  const email = `${label}-${n}@example.com`;
  const name = `Gentle ${label} ${n}`;
  const user = await database.db.user.create({
    data: {
      email,
      name,
      emailVerified: new Date(),
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
      accounts: {
        create: { type: "oauth", provider: "github", providerAccountId: `gh-${n}`, access_token: `token-${n}` },
      },
      tokens: {
        create: {
          purpose: "VERIFY_EMAIL",
          tokenHash: `hash-${label}-${n}`,
          email,
          expiresAt: new Date(Date.now() + 60_000),
        },
      },
      progress: {
        create: { guideSlug: "should-you-try-again", doneSteps: ["a", "b"], furthestStep: "b" },
      },
    },
  });
  await database.db.verificationToken.create({
    data: { identifier: email, token: `link-${label}-${n}`, expires: new Date(Date.now() + 60_000) },
  });
  await database.db.rateLimit.createMany({
    data: [
      { key: `signInAccount:${email}`, points: 2 },
      { key: `emailAccount:${email}`, points: 1 },
      { key: `deleteAccount:${user.id}`, points: 1 },
    ],
  });
  return { id: user.id, email, name };
}

/** The tables with a row whose text holds `needle`, whatever its column: every table, present and future. */
async function tablesHolding(needle: string): Promise<string[]> {
  const { rows: tables } = await database.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${name}" t WHERE strpos(lower(t::text), lower($1)) > 0`,
      [needle],
    );
    if (rows[0]!.n > 0) found.push(name);
  }
  return found;
}

describe("eraseAccount", () => {
  it("erases the account and leaves no trace of its email, name or id in any table", async () => {
    const ada = await reader("ada");
    const other = await reader("other");
    // Another account once asked to move to Ada's address; the pending link names it.
    await database.db.accountToken.create({
      data: {
        userId: other.id,
        purpose: "CHANGE_EMAIL",
        tokenHash: "pending-change-to-ada",
        email: ada.email,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    // A counter for an address that merely ends like Ada's is someone else's.
    await database.db.rateLimit.create({ data: { key: `signInAccount:x${ada.email}`, points: 1 } });
    expect((await tablesHolding(ada.email)).sort()).toEqual(["AccountToken", "RateLimit", "User", "VerificationToken"]);
    // Ada wrote a comment a moderator acted on, and, as a moderator, acted on someone else's.
    const comment = await database.db.comment.create({
      data: {
        guideSlug: (await database.db.guide.findFirstOrThrow()).slug,
        authorId: ada.id,
        body: "hers",
        html: "<p>hers</p>",
        status: "PUBLISHED",
      },
    });
    await database.db.moderationLog.create({
      data: {
        action: "REMOVE",
        actorId: other.id,
        targetUserId: ada.id,
        commentId: comment.id,
        commentText: "hers",
        reason: "r",
      },
    });
    await database.db.moderationLog.create({ data: { action: "BAN_USER", actorId: ada.id, targetUserId: other.id } });

    expect(await eraseAccount(database.db, ada.id)).toEqual({ id: ada.id, email: ada.email, name: ada.name });

    expect(await tablesHolding(ada.name)).toEqual([]);
    expect(await tablesHolding(ada.id)).toEqual([]);
    // The log still says what was done, without saying to or by whom.
    expect(
      await database.db.moderationLog.findMany({
        orderBy: { createdAt: "asc" },
        select: { action: true, actorId: true, targetUserId: true },
      }),
    ).toEqual([
      { action: "REMOVE", actorId: other.id, targetUserId: null },
      { action: "BAN_USER", actorId: null, targetUserId: other.id },
    ]);
    // Only the look-alike counter, which is not Ada's, still holds her address inside a longer one.
    expect(await tablesHolding(ada.email)).toEqual(["RateLimit"]);
    expect(
      await database.db.rateLimit.findMany({ select: { key: true }, where: { key: { contains: ada.email } } }),
    ).toEqual([{ key: `signInAccount:x${ada.email}` }]);

    // The other reader keeps everything of their own.
    const kept = await database.db.user.findUnique({
      where: { id: other.id },
      select: { email: true, accounts: true, progress: true, tokens: { select: { purpose: true } } },
    });
    expect(kept).toMatchObject({ email: other.email });
    expect(kept!.accounts).toHaveLength(1);
    expect(kept!.progress).toHaveLength(1);
    expect(kept!.tokens).toEqual([{ purpose: "VERIFY_EMAIL" }]);
    expect(await tablesHolding(other.email)).toEqual(
      expect.arrayContaining(["User", "AccountToken", "VerificationToken", "RateLimit"]),
    );
    // Guides are the site's, not the reader's.
    expect(await database.db.guide.count()).toBeGreaterThan(0);
  });

  it("given an address, erases only while the account still uses it", async () => {
    const moved = await reader("moved");
    expect(await eraseAccount(database.db, moved.id, { email: "old-address@example.com" })).toBeNull();
    expect(await database.db.user.count({ where: { id: moved.id } })).toBe(1);
    expect(await eraseAccount(database.db, moved.id, { email: moved.email })).toMatchObject({ id: moved.id });
    expect(await database.db.user.count({ where: { id: moved.id } })).toBe(0);
  });

  it("erases once when asked twice at the same moment, and finds nothing the second time", async () => {
    const twice = await reader("twice");
    const results = await Promise.all([eraseAccount(database.db, twice.id), eraseAccount(database.db, twice.id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await eraseAccount(database.db, twice.id)).toBeNull();
  });
});

describe("what deletion relies on", () => {
  it("may blank the moderation log's ids and change nothing else in it", async () => {
    const { rows } = await database.query<{ id: string }>(
      `INSERT INTO "ModerationLog" (id, action, "actorId", "targetUserId", reason) VALUES ('log-1', 'BAN_USER', 'a', 'b', 'why') RETURNING id`,
    );
    const refused = [
      `UPDATE "ModerationLog" SET reason = 'rewritten' WHERE id = $1`,
      `UPDATE "ModerationLog" SET "targetUserId" = 'someone-else' WHERE id = $1`,
      `UPDATE "ModerationLog" SET "actorId" = NULL, note = 'sneaked in' WHERE id = $1`,
      `DELETE FROM "ModerationLog" WHERE id = $1`,
    ];
    for (const sql of refused) await expect(database.query(sql, [rows[0]!.id])).rejects.toThrow(/append-only/);
    await database.query(`UPDATE "ModerationLog" SET "actorId" = NULL, "targetUserId" = NULL WHERE id = $1`, [
      rows[0]!.id,
    ]);
    const { rows: after } = await database.query(
      `SELECT "actorId", "targetUserId", reason FROM "ModerationLog" WHERE id = 'log-1'`,
    );
    expect(after).toEqual([{ actorId: null, targetUserId: null, reason: "why" }]);
  });

  it("names the rate-limit rows the way rate-limiter-flexible writes them", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      const limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "RateLimit",
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: "emailAccount",
        points: 3,
        duration: 60,
      });
      await limiter.consume("grace@example.com");
      const { rows } = await database.query<{ key: string }>(`SELECT key FROM "RateLimit" WHERE key LIKE '%grace%'`);
      expect(rows).toEqual([{ key: "emailAccount:grace@example.com" }]);
      expect(storedLimitKeys(["Grace@Example.com"])).toContain("emailAccount:grace@example.com");
    } finally {
      await pool.end();
    }
  });

  it("lets a link to delete an account live as long as its mail says", () => {
    expect(TOKEN_LIFETIME_MINUTES.DELETE_ACCOUNT).toBe(DELETE_ACCOUNT_LINK_MINUTES);
  });
});
