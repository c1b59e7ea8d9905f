import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentFixtures, expectAppError } from "@/lib/testing/comments";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { MAX_COMMENT_CHARS } from "./limits";
import { postComment } from "./service";

let database: TestDatabase;
let f: ReturnType<typeof commentFixtures>;

beforeAll(async () => {
  database = await createTestDatabase();
  f = commentFixtures(database);
  await database.db.moderationWord.createMany({
    data: [
      { word: "grapefruit", list: "BANNED" },
      { word: "lottery", list: "SUSPECT" },
    ],
  });
});

afterAll(async () => {
  await database?.drop();
});

const post = (userId: string, input: Parameters<typeof postComment>[2]) =>
  postComment(database.db, { id: userId }, input);

describe("who may post", () => {
  it("asks for a verified email address first (403)", async () => {
    const guide = await f.guide();
    const reader = await f.person({ verified: false, trusted: true });
    const error = await expectAppError(
      post(reader.id, { guide, body: "Hello" }),
      "forbidden",
      /^Please verify your email address before you comment/,
    );
    expect(error.status).toBe(403);
    expect(await database.db.comment.count({ where: { guideSlug: guide } })).toBe(0);
  });

  it("refuses banned and suspended readers, and says until when", async () => {
    const guide = await f.guide();
    const banned = await f.person({ trusted: true, bannedAt: new Date() });
    await expectAppError(
      post(banned.id, { guide, body: "Hello" }),
      "forbidden",
      "This account can no longer post comments.",
    );
    const suspended = await f.person({ trusted: true, suspendedUntil: new Date(Date.now() + 86_400_000) });
    await expectAppError(
      post(suspended.id, { guide, body: "Hello" }),
      "forbidden",
      /^This account is suspended from commenting until .+ \(UTC\)\.$/,
    );
    // A suspension that has ended no longer applies.
    const served = await f.person({ trusted: true, suspendedUntil: new Date(Date.now() - 60_000) });
    expect((await post(served.id, { guide, body: "Back again" })).comment.state).toBe("published");
  });

  it("refuses an unknown account and an unknown guide", async () => {
    const guide = await f.guide();
    await expectAppError(post("no-such-user", { guide, body: "Hello" }), "unauthorized");
    const reader = await f.person({ trusted: true });
    await expectAppError(post(reader.id, { guide: "no-such-guide", body: "Hello" }), "not_found");
  });

  it("refuses comments on a closed guide", async () => {
    const guide = await f.guide("CLOSED");
    const reader = await f.person({ trusted: true });
    await expectAppError(
      post(reader.id, { guide, body: "Hello" }),
      "forbidden",
      "This guide is closed to new comments.",
    );
    const moderator = await f.person({ role: "MODERATOR" });
    await expectAppError(post(moderator.id, { guide, body: "Hello" }), "forbidden", /closed/);
  });
});

describe("replies", () => {
  it("refuses replies in a locked thread, at any depth", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    const root = await f.comment(null, guide, { locked: true });
    await expectAppError(
      post(reader.id, { guide, parentId: root.id, body: "Reply" }),
      "forbidden",
      "This thread is locked: it takes no more replies.",
    );
    const open = await f.comment(null, guide);
    const reply = await f.comment(null, guide, { parent: open });
    await database.db.comment.update({ where: { id: open.id }, data: { locked: true } });
    await expectAppError(post(reader.id, { guide, parentId: reply.id, body: "Deeper reply" }), "forbidden", /locked/);
  });

  it("answers 404 for a reply to a comment that is not published, or is on another guide", async () => {
    const guide = await f.guide();
    const other = await f.guide();
    const reader = await f.person({ trusted: true });
    for (const status of ["PENDING", "HIDDEN", "REJECTED", "REMOVED", "DELETED"] as const) {
      const parent = await f.comment(null, guide, { status });
      const error = await expectAppError(
        post(reader.id, { guide, parentId: parent.id, body: `Reply to ${status}` }),
        "not_found",
        "The comment you are replying to is no longer there.",
      );
      expect(error.status).toBe(404);
    }
    const elsewhere = await f.comment(null, other);
    await expectAppError(post(reader.id, { guide, parentId: elsewhere.id, body: "Wrong guide" }), "not_found");
    await expectAppError(post(reader.id, { guide, parentId: "missing", body: "Nothing" }), "not_found");
  });

  it("files a reply under its thread's root, one level deeper, and counts it on the root", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    const root = await f.comment(null, guide);
    const first = await post(reader.id, { guide, parentId: root.id, body: "First reply" });
    const second = await post(reader.id, { guide, parentId: first.comment.id, body: "Reply to the reply" });
    expect(first.comment).toMatchObject({ parentId: root.id, rootId: root.id, depth: 1 });
    expect(second.comment).toMatchObject({ parentId: first.comment.id, rootId: root.id, depth: 2 });
    expect((await database.db.comment.findUniqueOrThrow({ where: { id: root.id } })).replyCount).toBe(2);
  });
});

describe("what a comment may say", () => {
  it("takes up to 5,000 characters and refuses more (422) with both numbers", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    expect(MAX_COMMENT_CHARS).toBe(5000);
    const longest = await post(reader.id, { guide, body: "a".repeat(5000) });
    expect(longest.comment.state).toBe("published");
    const error = await expectAppError(
      post(reader.id, { guide, body: "b".repeat(5001) }),
      "invalid_input",
      "A comment can be at most 5,000 characters; this one has 5,001.",
    );
    expect(error.status).toBe(422);
    expect(error.options.fields).toEqual({ body: error.message });
  });

  it("refuses an empty or blank comment (422)", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    for (const body of ["", "   ", "\n\t\n"]) {
      const error = await expectAppError(
        post(reader.id, { guide, body }),
        "invalid_input",
        "Please write something first.",
      );
      expect(error.status).toBe(422);
      expect(error.options.fields).toEqual({ body: "Please write something first." });
    }
  });

  it("refuses a banned word (422), naming it, and stores nothing", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    const error = await expectAppError(
      post(reader.id, { guide, body: "I had GRAPEFRUIT for breakfast" }),
      "invalid_input",
      /“grapefruit”/,
    );
    expect(error.options.fields?.body).toBe(error.message);
    expect(await database.db.comment.count({ where: { guideSlug: guide } })).toBe(0);
  });

  it("holds a suspect word for a moderator, saying which", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    const result = await post(reader.id, { guide, body: "I won the Lottery once" });
    expect(result.comment.state).toBe("pending");
    expect(result.comment.own?.holdReason).toBe("suspect words: lottery");
    const row = await database.db.comment.findUniqueOrThrow({ where: { id: result.comment.id } });
    expect(row).toMatchObject({ status: "PENDING", holdReason: "suspect words: lottery", publishedAt: null });
  });

  it.each([
    ["a link", "Read https://example.com/help first", "contains a link"],
    ["an email address", "Write to me at someone@example.com", "contains an email address"],
    ["a phone number", "Call me on +44 20 7946 0958", "contains a phone number"],
  ])("holds %s with the reason", async (_, body, reason) => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    const result = await post(reader.id, { guide, body });
    expect(result.comment.state).toBe("pending");
    expect(result.comment.own?.holdReason).toBe(reason);
  });
});

describe("holds by standing", () => {
  it("holds a new account until two of its comments were approved, then publishes at once", async () => {
    const guide = await f.guide();
    const reader = await f.person();
    const first = await post(reader.id, { guide, body: "My first comment here" });
    const second = await post(reader.id, { guide, body: "And a second one" });
    for (const held of [first, second]) {
      expect(held.comment.state).toBe("pending");
      expect(held.comment.own?.holdReason).toBe("new account");
    }
    await database.db.comment.update({ where: { id: first.comment.id }, data: { approvedAt: new Date() } });
    expect((await post(reader.id, { guide, body: "Still new" })).comment.state).toBe("pending");
    await database.db.comment.update({ where: { id: second.comment.id }, data: { approvedAt: new Date() } });
    const third = await post(reader.id, { guide, body: "Now trusted" });
    expect(third.comment.state).toBe("published");
    expect(third.comment.own?.holdReason).toBeNull();
  });

  it("does not hold staff, even new accounts with a link", async () => {
    const guide = await f.guide();
    for (const role of ["MODERATOR", "ADMIN"] as const) {
      const staff = await f.person({ role });
      const result = await post(staff.id, { guide, body: `From the ${role}: https://example.com/help` });
      expect(result.comment.state).toBe("published");
    }
  });

  it("holds every reader's comment on a pre-moderated guide, but not staff's", async () => {
    const guide = await f.guide("PREMODERATED");
    const reader = await f.person({ trusted: true });
    const held = await post(reader.id, { guide, body: "Hello" });
    expect(held.comment.state).toBe("pending");
    expect(held.comment.own?.holdReason).toBe("every comment on this guide is checked first");
    const moderator = await f.person({ role: "MODERATOR" });
    expect((await post(moderator.id, { guide, body: "Hello from us" })).comment.state).toBe("published");
  });

  it("holds everything from a reader a moderator put on pre-moderation", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true, premoderated: true });
    const held = await post(reader.id, { guide, body: "Hello" });
    expect(held.comment.state).toBe("pending");
    expect(held.comment.own?.holdReason).toBe("a moderator checks this account’s comments first");
  });
});

describe("the same comment twice", () => {
  it("refuses the same text within 10 minutes (409), and allows it after", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    const first = await post(reader.id, { guide, body: "It gets easier." });
    const error = await expectAppError(
      post(reader.id, { guide, body: "  it gets   EASIER. " }),
      "conflict",
      /You posted this same comment a few minutes ago/,
    );
    expect(error.status).toBe(409);
    // On another guide too: it is the same person saying the same thing.
    await expectAppError(post(reader.id, { guide: await f.guide(), body: "It gets easier." }), "conflict");
    await f.age(first.comment.id, 11);
    const again = await post(reader.id, { guide, body: "It gets easier." });
    expect(again.comment.id).not.toBe(first.comment.id);
    expect(again.repeated).toBe(false);
  });

  it("does not count a comment its author deleted", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    const first = await post(reader.id, { guide, body: "Posted in the wrong place" });
    await database.db.comment.update({ where: { id: first.comment.id }, data: { status: "DELETED", body: "" } });
    expect((await post(reader.id, { guide, body: "Posted in the wrong place" })).comment.state).toBe("published");
  });

  it("stores a post sent twice with the same postKey once, and answers the repeat with it", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    const postKey = randomUUID();
    const first = await post(reader.id, { guide, body: "Sent twice", postKey });
    const second = await post(reader.id, { guide, body: "Sent twice", postKey });
    expect(first.repeated).toBe(false);
    expect(second.repeated).toBe(true);
    expect(second.comment.id).toBe(first.comment.id);
    expect(second.mail).toEqual([]);
    expect(await database.db.comment.count({ where: { guideSlug: guide } })).toBe(1);
    // The key is the author's own: someone else's post with the same key is theirs.
    const other = await f.person({ trusted: true });
    const theirs = await post(other.id, { guide, body: "Sent twice", postKey });
    expect(theirs.repeated).toBe(false);
    expect(await database.db.comment.count({ where: { guideSlug: guide } })).toBe(2);
  });

  it("stores two concurrent sends with the same postKey once, and answers both with it", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true });
    // Several rounds, so that the second send lands in each window of the first.
    for (let round = 0; round < 8; round++) {
      const postKey = randomUUID();
      const body = `At the same moment, round ${round}`;
      const results = await Promise.all([
        post(reader.id, { guide, body, postKey }),
        post(reader.id, { guide, body, postKey }),
      ]);
      expect(new Set(results.map((r) => r.comment.id)).size).toBe(1);
      expect(results.map((r) => r.repeated).sort()).toEqual([false, true]);
      expect(await database.db.comment.count({ where: { authorId: reader.id, postKey } })).toBe(1);
    }
  });
});

describe("the moment a post is counted", () => {
  it("runs beforeStore only for a post about to be stored, saying whether its author is trusted", async () => {
    const guide = await f.guide();
    const fresh = await f.person();
    const trusted = await f.person({ trusted: true });
    const calls: { trusted: boolean }[] = [];
    const counting = { beforeStore: async (author: { trusted: boolean }) => void calls.push(author) };
    const postKey = randomUUID();

    await postComment(database.db, { id: fresh.id }, { guide, body: "Held, but stored", postKey }, counting);
    await postComment(database.db, { id: trusted.id }, { guide, body: "Published at once" }, counting);
    expect(calls).toEqual([{ trusted: false }, { trusted: true }]);

    // Refused for what it says, or a repeat found by its postKey: nothing is counted.
    await expectAppError(
      postComment(database.db, { id: trusted.id }, { guide, body: "grapefruit" }, counting),
      "invalid_input",
      /grapefruit/,
    );
    await postComment(database.db, { id: fresh.id }, { guide, body: "Held, but stored", postKey }, counting);
    expect(calls).toHaveLength(2);
  });

  it("stores nothing when beforeStore refuses", async () => {
    const guide = await f.guide();
    const trusted = await f.person({ trusted: true });
    const limited = {
      beforeStore: async () => {
        throw new AppError("rate_limited", "Too fast.");
      },
    };
    await expectAppError(
      postComment(database.db, { id: trusted.id }, { guide, body: "Not this time" }, limited),
      "rate_limited",
      /Too fast/,
    );
    expect(await database.db.comment.count({ where: { guideSlug: guide } })).toBe(0);
  });
});

describe("reply notifications", () => {
  it("tells the parent's author about a reply, and emails them only when they asked and are verified", async () => {
    const guide = await f.guide();
    const replier = await f.person({ trusted: true, name: "Kind Otter 3" });
    const quiet = await f.person({ trusted: true });
    const wantsMail = await f.person({ trusted: true, notifyRepliesByEmail: true });
    const unverified = await f.person({ trusted: true, notifyRepliesByEmail: true });

    const quietRoot = await f.comment(quiet.id, guide);
    const quietReply = await post(replier.id, { guide, parentId: quietRoot.id, body: "You are not alone." });
    expect(quietReply.mail).toEqual([]);
    expect(await database.db.notification.findMany({ where: { userId: quiet.id } })).toMatchObject([
      { kind: "REPLY", commentId: quietReply.comment.id, readAt: null },
    ]);

    const mailRoot = await f.comment(wantsMail.id, guide);
    const mailed = await post(replier.id, { guide, parentId: mailRoot.id, body: "Same here, it got better." });
    expect(mailed.mail).toHaveLength(1);
    expect(mailed.mail[0]!.to).toBe(wantsMail.email);
    expect(mailed.mail[0]!.text).toContain(`/guides/${guide}#comment-${mailed.comment.id}`);

    // Asked for email, but the address was never confirmed (e.g. changed since): the bell only.
    await database.db.user.update({ where: { id: unverified.id }, data: { emailVerified: null } });
    const unverifiedRoot = await f.comment(unverified.id, guide);
    const notMailed = await post(replier.id, { guide, parentId: unverifiedRoot.id, body: "Thinking of you." });
    expect(notMailed.mail).toEqual([]);
    expect(await database.db.notification.count({ where: { userId: unverified.id, kind: "REPLY" } })).toBe(1);
  });

  it("does not notify someone replying to themselves, or someone who muted the replier", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true, notifyRepliesByEmail: true });
    const muted = await f.person({ trusted: true });
    const root = await f.comment(author.id, guide);
    const own = await post(author.id, { guide, parentId: root.id, body: "An update on my own comment" });
    expect(own.mail).toEqual([]);
    await database.db.mute.create({ data: { muterId: author.id, mutedId: muted.id } });
    const unwanted = await post(muted.id, { guide, parentId: root.id, body: "A reply they will not hear about" });
    expect(unwanted.comment.state).toBe("published");
    expect(unwanted.mail).toEqual([]);
    expect(await database.db.notification.count({ where: { userId: author.id } })).toBe(0);
  });

  it("does not notify about a held reply until it is published", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const newcomer = await f.person();
    const root = await f.comment(author.id, guide);
    const held = await post(newcomer.id, { guide, parentId: root.id, body: "My first reply" });
    expect(held.comment.state).toBe("pending");
    expect(await database.db.notification.count({ where: { userId: author.id } })).toBe(0);
    expect((await database.db.comment.findUniqueOrThrow({ where: { id: root.id } })).replyCount).toBe(0);
  });
});
