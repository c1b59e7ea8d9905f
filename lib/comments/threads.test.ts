import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentFixtures, expectAppError } from "@/lib/testing/comments";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { encodeCursor, listThreads, setHelpful, setMuted } from "./service";
import { THREADS_PER_PAGE, type CommentPage, type CommentSort } from "./types";

let database: TestDatabase;
let f: ReturnType<typeof commentFixtures>;

beforeAll(async () => {
  database = await createTestDatabase();
  f = commentFixtures(database);
});

afterAll(async () => {
  await database?.drop();
});

const list = (guide: string, viewerId: string | null, options: { sort?: CommentSort; cursor?: string | null } = {}) =>
  listThreads(database.db, { guide, viewerId, ...options });

/** Every page of a guide's threads, following nextCursor to the end. */
async function walk(guide: string, viewerId: string | null, sort: CommentSort): Promise<CommentPage[]> {
  const pages: CommentPage[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(guide, viewerId, { sort, cursor });
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 50) throw new Error("the cursor never ends");
  } while (cursor);
  return pages;
}

describe("keyset paging", () => {
  let guide: string;
  let roots: { id: string; createdAt: Date; helpfulCount: number }[];

  beforeAll(async () => {
    guide = await f.guide();
    const author = await f.person({ trusted: true });
    const base = Date.parse("2026-10-01T08:00:00.000Z");
    // 65 top-level comments; three at a time share the same instant, and
    // helpful counts repeat, so that only the id breaks many ties.
    const rows = Array.from({ length: 65 }, (_, i) => ({
      guideSlug: guide,
      authorId: author.id,
      body: `Comment ${i}`,
      html: `<p>Comment ${i}</p>`,
      status: "PUBLISHED" as const,
      helpfulCount: i % 4,
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
    }));
    roots = await database.db.comment.createManyAndReturn({
      data: rows,
      select: { id: true, createdAt: true, helpfulCount: true },
    });
    // Neither of these is shown to anyone but their authors: they must not disturb the pages.
    const other = await f.person();
    await f.comment(other.id, guide, { status: "PENDING", createdAt: new Date(base + 5000) });
    await f.comment(other.id, guide, { status: "DELETED", createdAt: new Date(base + 7000) });
    // A reply is not a top-level comment, whatever its date.
    await f.comment(other.id, guide, { parent: { id: roots[0]!.id, rootId: null, depth: 0 } });
  });

  const byOldest = (a: (typeof roots)[number], b: (typeof roots)[number]) =>
    a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const expected: Record<CommentSort, () => string[]> = {
    oldest: () => [...roots].sort(byOldest).map((r) => r.id),
    newest: () => [...roots].sort((a, b) => byOldest(b, a)).map((r) => r.id),
    helpful: () => [...roots].sort((a, b) => b.helpfulCount - a.helpfulCount || byOldest(b, a)).map((r) => r.id),
  };

  it.each(["oldest", "newest", "helpful"] as const)(
    "walks every comment exactly once, in order, sorted by %s",
    async (sort) => {
      for (const viewer of [null, (await f.person()).id]) {
        const pages = await walk(guide, viewer, sort);
        expect(pages.map((p) => p.threads.length)).toEqual([
          THREADS_PER_PAGE,
          THREADS_PER_PAGE,
          THREADS_PER_PAGE,
          65 - 3 * THREADS_PER_PAGE,
        ]);
        const ids = pages.flatMap((p) => p.threads.map((t) => t.comment.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(expected[sort]());
        expect(pages.at(-1)!.nextCursor).toBeNull();
        expect(pages.every((p) => p.total === 66)).toBe(true);
      }
    },
  );

  it("pages with a smaller limit too", async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listThreads(database.db, { guide, viewerId: null, sort: "helpful", cursor, limit: 7 });
      ids.push(...page.threads.map((t) => t.comment.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(expected.helpful());
  });

  it("answers a bad cursor with a 400 AppError", async () => {
    const bad = [
      "not a cursor",
      Buffer.from("{not json").toString("base64url"),
      Buffer.from("null").toString("base64url"),
      encodeCursor({ c: "yesterday", i: "x" }),
      encodeCursor({ c: new Date().toISOString(), i: "x".repeat(41) }),
    ];
    for (const cursor of bad) {
      const error = await expectAppError(list(guide, null, { cursor }), "bad_request", /page link is not valid/);
      expect(error.status).toBe(400);
    }
    // A cursor of another sort: "helpful" needs the count it stopped at.
    const oldest = (await list(guide, null, { sort: "oldest" })).nextCursor!;
    await expectAppError(list(guide, null, { sort: "helpful", cursor: oldest }), "bad_request");
    await expectAppError(
      list(guide, null, { sort: "helpful", cursor: encodeCursor({ c: new Date().toISOString(), i: "x", h: -1 }) }),
      "bad_request",
    );
  });

  it("answers 404 for a guide that does not exist", async () => {
    await expectAppError(list("no-such-guide", null), "not_found");
  });
});

describe("what each viewer sees", () => {
  it("shows held and refused comments to their author only, with why", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const other = await f.person({ trusted: true });
    const published = await f.comment(author.id, guide);
    const pending = await f.comment(author.id, guide, { status: "PENDING" });
    await database.db.comment.update({ where: { id: pending.id }, data: { holdReason: "contains a link" } });
    const rejected = await f.comment(author.id, guide, { status: "REJECTED" });
    await database.db.comment.update({ where: { id: rejected.id }, data: { moderationReason: "Off topic" } });
    const root = await f.comment(other.id, guide);
    const pendingReply = await f.comment(author.id, guide, { status: "PENDING", parent: root });

    const own = await list(guide, author.id);
    expect(own.threads.map((t) => [t.comment.id, t.comment.state])).toEqual([
      [published.id, "published"],
      [pending.id, "pending"],
      [rejected.id, "rejected"],
      [root.id, "published"],
    ]);
    const [, ownPending, ownRejected, ownRoot] = own.threads;
    expect(ownPending!.comment).toMatchObject({ placeholder: false, own: { holdReason: "contains a link" } });
    expect(ownRejected!.comment).toMatchObject({ placeholder: false, own: { moderationReason: "Off topic" } });
    expect(ownRoot!.replies.map((r) => [r.id, r.state])).toEqual([[pendingReply.id, "pending"]]);
    expect(own.total).toBe(2);

    for (const viewer of [null, other.id]) {
      const page = await list(guide, viewer);
      expect(page.threads.map((t) => t.comment.id)).toEqual([published.id, root.id]);
      expect(page.threads[1]!.replies).toEqual([]);
      expect(page.threads.every((t) => t.comment.own === undefined || t.comment.author?.id === viewer)).toBe(true);
    }
  });

  it("shows a gone comment as a placeholder only while it has visible replies", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const replier = await f.person({ trusted: true });
    for (const status of ["DELETED", "HIDDEN", "REMOVED"] as const) {
      const root = await f.comment(author.id, guide, { status, body: `Gone (${status})` });
      await f.comment(replier.id, guide, { parent: root, body: `Reply under ${status}` });
      await database.db.comment.update({ where: { id: root.id }, data: { replyCount: 1 } });
    }
    // Gone, with only a held reply: nothing to show.
    const lonely = await f.comment(author.id, guide, { status: "DELETED" });
    await f.comment(replier.id, guide, { parent: lonely, status: "PENDING" });

    const page = await list(guide, null);
    expect(page.threads.map((t) => [t.comment.state, t.comment.placeholder, t.comment.html, t.comment.author])).toEqual(
      [
        ["deleted", true, null, null],
        ["hidden", true, null, null],
        ["removed", true, null, null],
      ],
    );
    expect(page.threads.map((t) => t.replies.map((r) => r.html))).toEqual([
      ["<p>Reply under DELETED</p>"],
      ["<p>Reply under HIDDEN</p>"],
      ["<p>Reply under REMOVED</p>"],
    ]);
    // A held reply does not bring a gone comment back, not even for the reply's author.
    const replierPage = await list(guide, replier.id);
    expect(replierPage.threads.map((t) => t.comment.id)).not.toContain(lonely.id);
    // The author of a hidden comment still sees their words, and that it is hidden.
    const authorPage = await list(guide, author.id);
    expect(authorPage.threads[1]!.comment).toMatchObject({ state: "hidden", placeholder: false });
    expect(authorPage.threads[1]!.comment.own?.body).toBe("Gone (HIDDEN)");
    expect(authorPage.threads[0]!.comment).toMatchObject({ state: "deleted", placeholder: true });
  });

  it("marks the comments of people the viewer muted, and the ones they found helpful", async () => {
    const guide = await f.guide();
    const viewer = await f.person({ trusted: true });
    const loud = await f.person({ trusted: true });
    const kind = await f.person({ trusted: true });
    const loudRoot = await f.comment(loud.id, guide);
    const kindRoot = await f.comment(kind.id, guide);
    const kindReply = await f.comment(kind.id, guide, { parent: loudRoot });
    await setMuted(database.db, viewer, loud.id, true);
    await setHelpful(database.db, viewer, kindRoot.id, true);
    await setHelpful(database.db, viewer, kindReply.id, true);

    const page = await list(guide, viewer.id);
    const flags = (id: string) => {
      const all = page.threads.flatMap((t) => [t.comment, ...t.replies]);
      const found = all.find((c) => c.id === id)!;
      return { muted: found.muted, helpful: found.helpful, helpfulCount: found.helpfulCount };
    };
    expect(flags(loudRoot.id)).toEqual({ muted: true, helpful: false, helpfulCount: 0 });
    expect(flags(kindRoot.id)).toEqual({ muted: false, helpful: true, helpfulCount: 1 });
    expect(flags(kindReply.id)).toEqual({ muted: false, helpful: true, helpfulCount: 1 });

    for (const other of [null, kind.id]) {
      const theirs = await list(guide, other);
      const all = theirs.threads.flatMap((t) => [t.comment, ...t.replies]);
      expect(all.some((c) => c.muted || c.helpful)).toBe(false);
    }
  });

  it("tells the viewer whether they may comment here, and why not", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    expect((await list(guide, reader.id)).viewer).toEqual({ id: reader.id, canComment: true, reason: null });
    expect((await list(guide, null)).viewer).toBeNull();
    const unverified = await f.person({ verified: false });
    expect((await list(guide, unverified.id)).viewer).toMatchObject({
      canComment: false,
      reason: expect.stringMatching(/^Please verify your email address/),
    });
    const closed = await f.guide("CLOSED");
    expect((await list(closed, reader.id)).viewer).toMatchObject({
      canComment: false,
      reason: "This guide is closed to new comments.",
    });
    expect((await list(closed, reader.id)).guide).toEqual({ slug: closed, mode: "CLOSED" });
  });
});
