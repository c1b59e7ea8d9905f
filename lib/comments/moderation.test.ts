// The moderation service against a real database: each action's transitions and
// refusals, what it tells the author, what it logs, and who may do it.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGuides } from "@/lib/content/guides";
import { seed } from "@/lib/database/seed";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import {
  addWord,
  listWords,
  moderateComment,
  moderateUser,
  moderationLog,
  moderationQueue,
  QUEUE_PAGE,
  removeWord,
  setGuideMode,
  type Moderator,
} from "./moderation";
import type { CommentAction } from "./moderation-actions";
import { postComment, reportComment } from "./service";

let database: TestDatabase;
const [guide, otherGuide] = loadGuides().map((g) => g.slug) as [string, string];

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
});
afterAll(() => database.drop());

const db = () => database.db;
let serial = 0;
/** Different words each time: the same text twice in ten minutes is refused as a repeat. */
const words = (label = "comment") => `A ${label} number ${++serial}, ${randomBytes(3).toString("hex")}.`;

async function person(role: Role = "READER", data: { name?: string; createdAt?: Date } = {}): Promise<Moderator> {
  const user = await db().user.create({
    data: {
      email: `${role.toLowerCase()}-${randomBytes(5).toString("hex")}@example.com`,
      emailVerified: new Date(),
      role,
      name: data.name ?? `${role.toLowerCase()} ${++serial}`,
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
    },
    select: { id: true, role: true },
  });
  return user;
}

/** A reader past pre-moderation: two comments of theirs were approved. */
async function trusted(): Promise<Moderator> {
  const user = await person();
  for (let i = 0; i < 2; i++) {
    await db().comment.create({
      data: {
        guideSlug: guide,
        authorId: user.id,
        body: words("earlier"),
        html: "<p>earlier</p>",
        status: "PUBLISHED",
        approvedAt: new Date(),
        publishedAt: new Date(),
      },
    });
  }
  return user;
}

const post = (author: Moderator, options: { body?: string; parentId?: string; guide?: string } = {}) =>
  postComment(db(), author, {
    guide: options.guide ?? guide,
    body: options.body ?? words(),
    parentId: options.parentId ?? null,
  }).then((r) => r.comment);

const row = (id: string) => db().comment.findUniqueOrThrow({ where: { id } });
const logRows = () => db().moderationLog.count();
const notifications = (userId: string, commentId?: string) =>
  db().notification.findMany({ where: { userId, ...(commentId ? { commentId } : {}) }, orderBy: { createdAt: "asc" } });

/** Runs an action that must write exactly one log row, and returns that row. */
async function loggedOnce<T>(action: () => Promise<T>) {
  const before = await logRows();
  await action();
  expect(await logRows()).toBe(before + 1);
  return db().moderationLog.findFirstOrThrow({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Runs an action that must be refused with `code`, writing nothing to the log. */
async function refused(action: () => Promise<unknown>, code: string, message?: RegExp) {
  const before = await logRows();
  const error = await action().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code });
  if (message) expect((error as Error).message).toMatch(message);
  expect(await logRows()).toBe(before);
  return error as Error & { status: number; options: { fields?: Record<string, string> } };
}

const act = (actor: Moderator, commentId: string, action: CommentAction, reason?: string | null, note?: string) =>
  moderateComment(db(), actor, { commentId, action, reason, note });

let moderator: Moderator;
let admin: Moderator;
beforeAll(async () => {
  moderator = await person("MODERATOR");
  admin = await person("ADMIN");
});

describe("approving and rejecting held comments", () => {
  it("a new reader's comment is held; approval publishes it, tells the author, and logs the text once", async () => {
    const author = await person();
    const body = words("first");
    const comment = await post(author, { body });
    expect(comment.state).toBe("pending");
    expect((await row(comment.id)).holdReason).toBe("new account");

    const entry = await loggedOnce(() => act(moderator, comment.id, "approve", null, "Looks kind."));
    expect(entry).toMatchObject({
      action: "APPROVE",
      actorId: moderator.id,
      commentId: comment.id,
      targetUserId: author.id,
      guideSlug: guide,
      note: "Looks kind.",
      commentText: body,
    });
    const after = await row(comment.id);
    expect(after.status).toBe("PUBLISHED");
    expect(after.approvedAt).not.toBeNull();
    expect(after.publishedAt).not.toBeNull();
    expect((await notifications(author.id, comment.id)).map((n) => n.kind)).toEqual(["APPROVED"]);

    // Approved already: a second approval (another moderator, a stale page) is refused.
    const again = await refused(() => act(moderator, comment.id, "approve"), "conflict", /published/);
    expect(again.status).toBe(409);
  });

  it("rejecting needs a reason, which the author is shown; only a held comment can be rejected", async () => {
    const author = await person();
    const comment = await post(author);
    const missing = await refused(() => act(moderator, comment.id, "reject", "  "), "invalid_input");
    expect(missing.options.fields?.reason).toMatch(/author will see it/);
    expect((await row(comment.id)).status).toBe("PENDING");

    const entry = await loggedOnce(() => act(moderator, comment.id, "reject", "Please leave out the names."));
    expect(entry).toMatchObject({ action: "REJECT", reason: "Please leave out the names." });
    expect(await row(comment.id)).toMatchObject({
      status: "REJECTED",
      moderationReason: "Please leave out the names.",
    });
    expect((await notifications(author.id, comment.id)).map((n) => n.kind)).toEqual(["REJECTED"]);

    await refused(() => act(moderator, comment.id, "reject", "again"), "conflict");
    await refused(() => act(moderator, comment.id, "approve"), "conflict");
    await refused(() => act(moderator, comment.id, "remove", "why"), "conflict");

    // A rejection can be undone.
    await loggedOnce(() => act(moderator, comment.id, "restore"));
    expect(await row(comment.id)).toMatchObject({ status: "PUBLISHED", moderationReason: null });
    await refused(() => act(moderator, comment.id, "restore"), "conflict");
  });

  it("two approvals make a reader trusted: their next comment is published at once", async () => {
    const author = await person();
    for (let i = 0; i < 2; i++) {
      const held = await post(author);
      expect(held.state).toBe("pending");
      await act(moderator, held.id, "approve");
    }
    expect((await post(author)).state).toBe("published");
  });

  it("restoring or dismissing does not count towards trust: only a first approval does", async () => {
    const author = await person();
    const first = await post(author);
    await act(moderator, first.id, "reject", "Not this one.");
    await act(moderator, first.id, "restore");
    expect((await row(first.id)).approvedAt).toBeNull();
    expect((await post(author)).state).toBe("pending");
  });
});

describe("replies and their thread's count", () => {
  it("approving a held reply counts it in its thread and tells the person it answers", async () => {
    const top = await post(moderator);
    expect(top.state).toBe("published");
    const replier = await person();
    const reply = await post(replier, { parentId: top.id });
    expect(reply.state).toBe("pending");
    expect((await row(top.id)).replyCount).toBe(0);
    expect(await notifications(moderator.id, reply.id)).toEqual([]);

    await act(admin, reply.id, "approve");
    expect((await row(top.id)).replyCount).toBe(1);
    expect((await notifications(moderator.id, reply.id)).map((n) => n.kind)).toEqual(["REPLY"]);
    expect((await notifications(replier.id, reply.id)).map((n) => n.kind)).toEqual(["APPROVED"]);
  });

  it("removing a reply needs a reason, takes it off the count and tells its author; restoring puts it back", async () => {
    const top = await post(moderator);
    const replier = await trusted();
    const reply = await post(replier, { parentId: top.id });
    expect(reply.state).toBe("published");
    expect((await row(top.id)).replyCount).toBe(1);

    const missing = await refused(() => act(moderator, reply.id, "remove"), "invalid_input");
    expect(missing.status).toBe(422);
    const entry = await loggedOnce(() => act(moderator, reply.id, "remove", "This names someone.", "names a person"));
    expect(entry).toMatchObject({ action: "REMOVE", reason: "This names someone.", note: "names a person" });
    expect(await row(reply.id)).toMatchObject({ status: "REMOVED", moderationReason: "This names someone." });
    expect((await row(top.id)).replyCount).toBe(0);
    expect((await notifications(replier.id, reply.id)).map((n) => n.kind)).toEqual(["REMOVED"]);
    await refused(() => act(moderator, reply.id, "remove", "again"), "conflict");

    await loggedOnce(() => act(moderator, reply.id, "restore"));
    expect((await row(top.id)).replyCount).toBe(1);
  });
});

describe("featuring and locking", () => {
  it("features only published comments; removal unfeatures", async () => {
    const held = await post(await person());
    await refused(() => act(moderator, held.id, "feature"), "conflict");

    const comment = await post(await trusted());
    const entry = await loggedOnce(() => act(moderator, comment.id, "feature"));
    expect(entry.action).toBe("FEATURE");
    expect((await row(comment.id)).featured).toBe(true);
    await loggedOnce(() => act(moderator, comment.id, "unfeature"));
    expect((await row(comment.id)).featured).toBe(false);
    await act(moderator, comment.id, "feature");
    await act(moderator, comment.id, "remove", "Off topic here.");
    expect((await row(comment.id)).featured).toBe(false);
  });

  it("locks whole threads only; a locked thread takes no replies until unlocked", async () => {
    const top = await post(moderator);
    const reply = await post(moderator, { parentId: top.id });
    const notTop = await refused(() => act(moderator, reply.id, "lock"), "bad_request", /whole thread/);
    expect(notTop.status).toBe(400);

    expect((await loggedOnce(() => act(moderator, top.id, "lock"))).action).toBe("LOCK");
    const replier = await trusted();
    const locked = await post(replier, { parentId: reply.id }).catch((e: unknown) => e);
    expect(locked).toMatchObject({ code: "forbidden", message: expect.stringMatching(/locked/) });

    await loggedOnce(() => act(moderator, top.id, "unlock"));
    expect((await post(replier, { parentId: reply.id })).state).toBe("published");
  });

  it("refuses an unknown comment with 404", async () => {
    const missing = await refused(() => act(moderator, "no-such-comment", "approve"), "not_found");
    expect(missing.status).toBe(404);
  });
});

describe("reports", () => {
  it("reports from three readers hide a comment (logged as automatic); dismissing shows it again", async () => {
    const top = await post(moderator);
    const author = await trusted();
    const reply = await post(author, { parentId: top.id });
    expect((await row(top.id)).replyCount).toBe(1);
    for (const reason of ["SPAM", "HARASSMENT"] as const) {
      await reportComment(db(), await person(), { commentId: reply.id, reason });
    }
    expect((await row(reply.id)).status).toBe("PUBLISHED");
    const hide = await loggedOnce(() =>
      reportComment(db(), { id: moderator.id }, { commentId: reply.id, reason: "OTHER", details: "unkind" }),
    );
    expect(hide).toMatchObject({ action: "AUTO_HIDE", actorId: null, commentId: reply.id });
    expect((await row(reply.id)).status).toBe("HIDDEN");
    expect((await row(top.id)).replyCount).toBe(0);

    const entry = await loggedOnce(() => act(moderator, reply.id, "dismiss", null, "Disagreement, not abuse."));
    expect(entry.action).toBe("DISMISS_REPORTS");
    expect((await row(reply.id)).status).toBe("PUBLISHED");
    expect((await row(top.id)).replyCount).toBe(1);
    expect(await db().commentReport.count({ where: { commentId: reply.id, resolvedAt: null } })).toBe(0);
    // Dismissing does not notify the author of anything: they were never told it was hidden.
    expect(await notifications(author.id, reply.id)).toEqual([]);
    // Nor is the person it answers told of the same reply twice.
    expect((await notifications(moderator.id, reply.id)).map((n) => n.kind)).toEqual(["REPLY"]);

    const held = await post(await person());
    await refused(() => act(moderator, held.id, "dismiss"), "conflict");
  });

  it("removing a reported comment resolves its reports", async () => {
    const comment = await post(await trusted());
    await reportComment(db(), await person(), { commentId: comment.id, reason: "SPAM" });
    await act(moderator, comment.id, "remove", "Advertising.");
    expect(await db().commentReport.count({ where: { commentId: comment.id, resolvedAt: null } })).toBe(0);
  });
});

describe("sanctions", () => {
  it("a moderator acts on readers, never on a moderator, an admin or themselves", async () => {
    const other = await person("MODERATOR");
    for (const target of [other, admin, moderator]) {
      const error = await refused(
        () => moderateUser(db(), moderator, { userId: target.id, action: "premoderate" }),
        "forbidden",
      );
      expect(error.status).toBe(403);
    }
    const reader = await person();
    const entry = await loggedOnce(() =>
      moderateUser(db(), moderator, {
        userId: reader.id,
        action: "premoderate",
        reason: "Several held links",
        note: "watch",
      }),
    );
    expect(entry).toMatchObject({
      action: "PREMODERATE_USER",
      actorId: moderator.id,
      targetUserId: reader.id,
      commentId: null,
      reason: "Several held links",
      note: "watch",
    });
  });

  it("an admin may act on a moderator; nobody on an admin, an admin not on themselves", async () => {
    const other = await person("MODERATOR");
    await loggedOnce(() => moderateUser(db(), admin, { userId: other.id, action: "premoderate" }));
    expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).premoderated).toBe(true);
    const otherAdmin = await person("ADMIN");
    await refused(() => moderateUser(db(), admin, { userId: otherAdmin.id, action: "ban" }), "forbidden");
    await refused(() => moderateUser(db(), admin, { userId: admin.id, action: "ban" }), "forbidden");
    await refused(() => moderateUser(db(), admin, { userId: "no-such-person", action: "ban" }), "not_found");
  });

  it("pre-moderation holds even a trusted reader's comments, until they are trusted again", async () => {
    const reader = await trusted();
    expect((await post(reader)).state).toBe("published");
    await moderateUser(db(), moderator, { userId: reader.id, action: "premoderate" });
    const held = await post(reader);
    expect(held.state).toBe("pending");
    expect((await row(held.id)).holdReason).toMatch(/a moderator checks this account’s comments first/);
    await loggedOnce(() => moderateUser(db(), moderator, { userId: reader.id, action: "trust" }));
    expect((await post(reader)).state).toBe("published");
  });

  it("a suspension needs a future date; a suspended reader is refused with the date", async () => {
    const reader = await trusted();
    await refused(() => moderateUser(db(), moderator, { userId: reader.id, action: "suspend" }), "invalid_input");
    await refused(
      () => moderateUser(db(), moderator, { userId: reader.id, action: "suspend", until: new Date(Date.now() - 1000) }),
      "invalid_input",
    );
    const until = new Date("2099-03-04T00:00:00Z");
    const entry = await loggedOnce(() =>
      moderateUser(db(), moderator, { userId: reader.id, action: "suspend", until, reason: "Cooling off" }),
    );
    expect(entry).toMatchObject({ action: "SUSPEND_USER", detail: `until ${until.toISOString()}` });
    const error = await post(reader).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "forbidden", status: 403 });
    expect((error as Error).message).toBe(
      "This account is suspended from commenting until 4 March 2099 at 00:00 (UTC).",
    );

    await loggedOnce(() => moderateUser(db(), moderator, { userId: reader.id, action: "reinstate" }));
    expect((await post(reader)).state).toBe("published");
  });

  it("a banned reader is refused until reinstated", async () => {
    const reader = await trusted();
    expect((await loggedOnce(() => moderateUser(db(), moderator, { userId: reader.id, action: "ban" }))).action).toBe(
      "BAN_USER",
    );
    const error = await post(reader).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "forbidden",
      status: 403,
      message: "This account can no longer post comments.",
    });
    await moderateUser(db(), moderator, { userId: reader.id, action: "reinstate" });
    expect((await post(reader)).state).toBe("published");
  });
});

describe("guides and word lists", () => {
  it("a guide can be pre-moderated or closed, and opened again", async () => {
    const reader = await trusted();
    const entry = await loggedOnce(() => setGuideMode(db(), moderator, otherGuide, "PREMODERATED", "A hard week"));
    expect(entry).toMatchObject({
      action: "SET_GUIDE_MODE",
      guideSlug: otherGuide,
      detail: "PREMODERATED",
      note: "A hard week",
    });
    const held = await post(reader, { guide: otherGuide });
    expect(held.state).toBe("pending");
    expect((await row(held.id)).holdReason).toMatch(/every comment on this guide is checked first/);
    // Staff are never held.
    expect((await post(moderator, { guide: otherGuide })).state).toBe("published");

    await setGuideMode(db(), moderator, otherGuide, "CLOSED");
    await expect(post(reader, { guide: otherGuide })).rejects.toMatchObject({ code: "forbidden", status: 403 });
    await setGuideMode(db(), moderator, otherGuide, "OPEN");
    expect((await post(reader, { guide: otherGuide })).state).toBe("published");
    await refused(() => setGuideMode(db(), moderator, "no-such-guide", "OPEN"), "not_found");
  });

  it("admins keep the word lists: banned words are refused, suspect words held", async () => {
    const reader = await trusted();
    await loggedOnce(() => addWord(db(), admin, "  Grimbleflax ", "BANNED"));
    await loggedOnce(() => addWord(db(), admin, "wobbleplink", "SUSPECT"));
    const listed = await listWords(db(), admin);
    expect(listed.map((w) => [w.word, w.list])).toEqual(
      expect.arrayContaining([
        ["grimbleflax", "BANNED"],
        ["wobbleplink", "SUSPECT"],
      ]),
    );
    const refusedPost = await post(reader, { body: "You are a GRIMBLEFLAX." }).catch((e: unknown) => e);
    expect(refusedPost).toMatchObject({ code: "invalid_input", message: expect.stringContaining("“grimbleflax”") });
    const held = await post(reader, { body: "Such wobbleplink talk." });
    expect((await row(held.id)).holdReason).toBe("suspect words: wobbleplink");

    const banned = listed.find((w) => w.word === "grimbleflax")!;
    const entry = await loggedOnce(() => removeWord(db(), admin, banned.id));
    expect(entry).toMatchObject({ action: "REMOVE_WORD", detail: "BANNED: grimbleflax" });
    expect((await post(reader, { body: "Grimbleflax is fine now." })).state).toBe("published");
    await refused(() => removeWord(db(), admin, banned.id), "not_found");
    await refused(() => addWord(db(), admin, "   ", "BANNED"), "invalid_input");
  });

  it("moderators cannot change the word lists", async () => {
    await refused(() => addWord(db(), moderator, "anything", "BANNED"), "forbidden");
    await refused(() => listWords(db(), moderator), "forbidden");
  });
});

describe("who may call the moderation service", () => {
  it("a reader gets 403 from every function, and nothing changes", async () => {
    const reader = await person();
    const comment = await post(await trusted());
    const calls: (() => Promise<unknown>)[] = [
      () => act(reader, comment.id, "remove", "mine now"),
      () => act(reader, comment.id, "feature"),
      () => moderateUser(db(), reader, { userId: moderator.id, action: "ban" }),
      () => setGuideMode(db(), reader, guide, "CLOSED"),
      () => addWord(db(), reader, "anything", "BANNED"),
      () => removeWord(db(), reader, "some-id"),
      () => listWords(db(), reader),
      () => moderationQueue(db(), reader, { tab: "pending" }),
      () => moderationLog(db(), reader),
    ];
    for (const call of calls) {
      const error = await refused(call, "forbidden");
      expect(error.status).toBe(403);
    }
    expect(await row(comment.id)).toMatchObject({ status: "PUBLISHED", featured: false });
  });
});

describe("the moderation log", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    expect(await logRows()).toBeGreaterThan(0);
    const before = await logRows();
    await expect(database.query(`UPDATE "ModerationLog" SET reason = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(database.query(`DELETE FROM "ModerationLog"`)).rejects.toThrow(/append-only/);
    await expect(database.query(`TRUNCATE "ModerationLog"`)).rejects.toThrow(/append-only/);
    expect(await logRows()).toBe(before);
  });

  it("keeps the text a comment had when it was acted on, whatever happens to it later", async () => {
    const author = await person();
    const body = words("original");
    const comment = await post(author, { body });
    await act(moderator, comment.id, "reject", "Not here.");
    await db().comment.update({ where: { id: comment.id }, data: { body: "", html: "", status: "DELETED" } });
    const { entries } = await moderationLog(db(), moderator, { commentId: comment.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "REJECT", commentText: body, reason: "Not here." });
  });

  it("lists newest first, names the actor (or Automatic), filters by comment and by person, and pages", async () => {
    const author = await person("READER", { name: "Quiet Fern" });
    const first = await post(author);
    await act(moderator, first.id, "approve");
    const second = await post(author);
    await act(admin, second.id, "approve");
    await moderateUser(db(), moderator, { userId: author.id, action: "premoderate" });

    const byPerson = await moderationLog(db(), moderator, { userId: author.id });
    expect(byPerson.entries.map((e) => e.action)).toEqual(["PREMODERATE_USER", "APPROVE", "APPROVE"]);
    expect(byPerson.entries.every((e) => e.target?.name === "Quiet Fern")).toBe(true);
    const byComment = await moderationLog(db(), moderator, { commentId: second.id });
    expect(byComment.entries.map((e) => e.commentId)).toEqual([second.id]);
    const adminName = (await db().user.findUniqueOrThrow({ where: { id: admin.id } })).name;
    expect(byComment.entries[0]!.actor).toBe(adminName);

    const auto = await moderationLog(db(), moderator);
    expect(auto.entries.some((e) => e.action === "AUTO_HIDE" && e.actor === "Automatic")).toBe(true);

    // Paging: every entry once, newest first, however many pages.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof moderationLog>> = await moderationLog(db(), moderator, { cursor });
      seen.push(...page.entries.map((e) => e.createdAt + e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(await logRows());
    expect([...seen].sort().reverse()).toEqual(seen);
    await expect(moderationLog(db(), moderator, { cursor: "nonsense" })).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("the queue", () => {
  // A database of its own, so the counts are this test's alone.
  let queueDb: TestDatabase;
  beforeAll(async () => {
    queueDb = await createTestDatabase();
    await seed(queueDb.db);
  });
  afterAll(() => queueDb.drop());

  it("has pending, reported and recent tabs with counts, pages by cursor, and the author's record", async () => {
    const q = () => queueDb.db;
    const mod = await q().user.create({
      data: { email: "m@example.com", role: "MODERATOR", emailVerified: new Date() },
    });
    const joined = new Date(Date.now() - 3 * 86_400_000);
    const author = await q().user.create({
      data: { email: "a@example.com", name: "Steady Cedar", emailVerified: new Date(), createdAt: joined },
    });
    const count = QUEUE_PAGE + 3;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { comment } = await postComment(q(), author, { guide, body: `Held number ${i}.` });
      ids.push(comment.id);
    }
    const first = await moderationQueue(q(), mod, { tab: "pending" });
    expect(first.counts).toEqual({ pending: count, reported: 0, recent: 0 });
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, QUEUE_PAGE));
    expect(first.nextCursor).not.toBeNull();
    const second = await moderationQueue(q(), mod, { tab: "pending", cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(QUEUE_PAGE));
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({
      status: "PENDING",
      body: "Held number 0.",
      holdReason: "new account",
      guide: { slug: guide },
      parent: null,
      reports: [],
      revisions: [],
      author: {
        id: author.id,
        name: "Steady Cedar",
        role: "READER",
        joinedAt: joined.toISOString(),
        approved: 0,
        rejected: 0,
        premoderated: false,
        suspendedUntil: null,
        banned: false,
      },
    });
    expect(first.items[0]!.html).toContain("Held number 0.");

    // Two approved, one rejected: the record says so, and the counts move.
    await moderateComment(q(), mod, { commentId: ids[0]!, action: "approve" });
    await moderateComment(q(), mod, { commentId: ids[1]!, action: "approve" });
    await moderateComment(q(), mod, { commentId: ids[2]!, action: "reject", reason: "No." });
    const after = await moderationQueue(q(), mod, { tab: "pending" });
    expect(after.counts).toEqual({ pending: count - 3, reported: 0, recent: 2 });
    expect(after.items[0]!.author).toMatchObject({ approved: 2, rejected: 1 });

    // Recent: newest first.
    const recent = await moderationQueue(q(), mod, { tab: "recent" });
    expect(recent.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);

    // A reply with context, reported, and edited before: all of it in the item.
    const top = await postComment(q(), mod, { guide, body: "The first word." });
    const reply = await postComment(q(), author, { guide, body: "A trusted reply.", parentId: top.comment.id });
    await q().commentRevision.create({ data: { commentId: reply.comment.id, body: "An earlier draft." } });
    const reporter = await q().user.create({ data: { email: "r@example.com", emailVerified: new Date() } });
    await reportComment(q(), reporter, { commentId: reply.comment.id, reason: "SELF_HARM", details: "worried" });
    const reported = await moderationQueue(q(), mod, { tab: "reported" });
    expect(reported.counts.reported).toBe(1);
    expect(reported.items).toHaveLength(1);
    expect(reported.items[0]).toMatchObject({
      id: reply.comment.id,
      depth: 1,
      parent: { id: top.comment.id, body: "The first word.", status: "PUBLISHED" },
      reports: [{ reason: "SELF_HARM", details: "worried" }],
      revisions: [{ body: "An earlier draft." }],
    });
    await moderateComment(q(), mod, { commentId: reply.comment.id, action: "dismiss" });
    expect((await moderationQueue(q(), mod, { tab: "reported" })).items).toEqual([]);

    await expect(moderationQueue(q(), mod, { tab: "pending", cursor: "bad" })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
