import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentFixtures, expectAppError } from "@/lib/testing/comments";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { listNotifications } from "./notifications";
import { REPORTS_TO_HIDE, listThreads, reportComment, setHelpful } from "./service";

let database: TestDatabase;
let f: ReturnType<typeof commentFixtures>;

beforeAll(async () => {
  database = await createTestDatabase();
  f = commentFixtures(database);
});

afterAll(async () => {
  await database?.drop();
});

const row = (id: string) => database.db.comment.findUniqueOrThrow({ where: { id } });

describe("helpful", () => {
  it("counts one mark per reader, however often they press it", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const [a, b] = [await f.person(), await f.person()];
    const comment = await f.comment(author.id, guide);
    expect(await setHelpful(database.db, a, comment.id, true)).toEqual({ helpful: true, helpfulCount: 1 });
    expect(await setHelpful(database.db, a, comment.id, true)).toEqual({ helpful: true, helpfulCount: 1 });
    expect(await setHelpful(database.db, b, comment.id, true)).toEqual({ helpful: true, helpfulCount: 2 });
    expect(await setHelpful(database.db, a, comment.id, false)).toEqual({ helpful: false, helpfulCount: 1 });
    expect(await setHelpful(database.db, a, comment.id, false)).toEqual({ helpful: false, helpfulCount: 1 });
    expect((await row(comment.id)).helpfulCount).toBe(1);
    expect(await database.db.commentReaction.count({ where: { commentId: comment.id } })).toBe(1);
  });

  it("is not for one's own comment, nor for comments that are not published", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const comment = await f.comment(author.id, guide);
    await expectAppError(
      setHelpful(database.db, author, comment.id, true),
      "forbidden",
      "You can’t mark your own comment as helpful.",
    );
    const reader = await f.person();
    for (const status of ["PENDING", "HIDDEN", "DELETED"] as const) {
      const gone = await f.comment(author.id, guide, { status });
      await expectAppError(setHelpful(database.db, reader, gone.id, true), "not_found");
    }
    expect((await row(comment.id)).helpfulCount).toBe(0);
  });

  it("asks for a verified address, as reports do", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const comment = await f.comment(author.id, guide);
    const unverified = await f.person({ verified: false });
    await expectAppError(
      setHelpful(database.db, unverified, comment.id, true),
      "forbidden",
      "Please verify your email address before you mark comments as helpful.",
    );
    expect((await row(comment.id)).helpfulCount).toBe(0);
    expect(await database.db.commentReaction.count({ where: { commentId: comment.id } })).toBe(0);
  });

  it("keeps the count exact when 20 readers mark it at the same moment", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const comment = await f.comment(author.id, guide);
    const readers = await Promise.all(Array.from({ length: 20 }, () => f.person()));
    const results = await Promise.all(readers.map((r) => setHelpful(database.db, r, comment.id, true)));
    expect(results.every((r) => r.helpful)).toBe(true);
    expect((await row(comment.id)).helpfulCount).toBe(20);
    // And twice each at once, then unmarked by half of them at once.
    await Promise.all(readers.map((r) => setHelpful(database.db, r, comment.id, true)));
    await Promise.all(readers.slice(0, 10).map((r) => setHelpful(database.db, r, comment.id, false)));
    expect((await row(comment.id)).helpfulCount).toBe(10);
    expect(await database.db.commentReaction.count({ where: { commentId: comment.id } })).toBe(10);
  });
});

describe("reports", () => {
  const report = (reporterId: string, commentId: string, reason: "SPAM" | "SELF_HARM" | "OTHER" = "SPAM") =>
    reportComment(database.db, { id: reporterId }, { commentId, reason, details: reason === "OTHER" ? "Rude" : null });

  it("takes one report per reader; a repeat says so and adds nothing", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const reporter = await f.person();
    const comment = await f.comment(author.id, guide);
    expect(await report(reporter.id, comment.id)).toEqual({ hidden: false, repeated: false });
    expect(await report(reporter.id, comment.id, "OTHER")).toEqual({ hidden: false, repeated: true });
    expect(await database.db.commentReport.findMany({ where: { commentId: comment.id } })).toMatchObject([
      { reporterId: reporter.id, reason: "SPAM", details: null, resolvedAt: null },
    ]);
  });

  it(`hides a comment reported by ${REPORTS_TO_HIDE} different readers, and logs it`, async () => {
    expect(REPORTS_TO_HIDE).toBe(3);
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const root = await f.comment(null, guide);
    const reply = await f.comment(author.id, guide, { parent: root, body: "Something unkind" });
    await database.db.comment.update({ where: { id: root.id }, data: { replyCount: 1 } });
    const reporters = await Promise.all(Array.from({ length: 4 }, () => f.person()));

    expect(await report(reporters[0]!.id, reply.id)).toEqual({ hidden: false, repeated: false });
    // The same reader twice is still one report.
    expect(await report(reporters[0]!.id, reply.id)).toEqual({ hidden: false, repeated: true });
    expect(await report(reporters[1]!.id, reply.id)).toEqual({ hidden: false, repeated: false });
    expect((await row(reply.id)).status).toBe("PUBLISHED");
    expect(await report(reporters[2]!.id, reply.id)).toEqual({ hidden: true, repeated: false });

    expect(await row(reply.id)).toMatchObject({ status: "HIDDEN" });
    expect((await row(root.id)).replyCount).toBe(0);
    expect(await database.db.moderationLog.findMany({ where: { commentId: reply.id } })).toMatchObject([
      {
        action: "AUTO_HIDE",
        actorId: null,
        targetUserId: author.id,
        guideSlug: guide,
        commentText: "Something unkind",
        detail: "3 open reports",
      },
    ]);
    // A fourth report on a hidden comment is taken, and hides nothing twice.
    expect(await report(reporters[3]!.id, reply.id)).toEqual({ hidden: true, repeated: false });
    expect((await row(root.id)).replyCount).toBe(0);
    expect(await database.db.moderationLog.count({ where: { commentId: reply.id } })).toBe(1);
    // Only its author still sees it, marked hidden.
    const [thread] = (await listThreads(database.db, { guide, viewerId: null })).threads;
    expect(thread!.replies).toEqual([]);
  });

  it("hides once when three readers report at the same moment", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const root = await f.comment(null, guide);
    const reply = await f.comment(author.id, guide, { parent: root });
    await database.db.comment.update({ where: { id: root.id }, data: { replyCount: 1 } });
    const reporters = await Promise.all(Array.from({ length: 3 }, () => f.person()));
    const results = await Promise.all(reporters.map((r) => report(r.id, reply.id)));
    expect(results.filter((r) => r.hidden)).toHaveLength(1);
    expect((await row(reply.id)).status).toBe("HIDDEN");
    expect((await row(root.id)).replyCount).toBe(0);
    expect(await database.db.moderationLog.count({ where: { commentId: reply.id, action: "AUTO_HIDE" } })).toBe(1);
  });

  it("points the author of a comment reported for self-harm to support, once", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const comment = await f.comment(author.id, guide, { body: "I can't see a way through this" });
    const [a, b] = [await f.person(), await f.person()];
    await report(a.id, comment.id, "SELF_HARM");
    await report(b.id, comment.id, "SELF_HARM");
    const notifications = await database.db.notification.findMany({ where: { userId: author.id } });
    expect(notifications).toMatchObject([{ kind: "SUPPORT", commentId: comment.id, readAt: null }]);
    const [shown] = await listNotifications(database.db, author.id);
    expect(shown).toMatchObject({ kind: "SUPPORT", href: "/help/support" });
    expect(shown!.text).toMatch(/worried about you/);
    // Nobody else hears about it, and the reporters stay unnamed.
    expect(await database.db.notification.count({ where: { userId: { in: [a.id, b.id] } } })).toBe(0);
    expect(shown!.text).not.toContain(a.name!);
  });

  it("is not for one's own comment, and asks for a verified address", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const comment = await f.comment(author.id, guide);
    await expectAppError(report(author.id, comment.id), "forbidden", /can’t report your own comment/);
    const unverified = await f.person({ verified: false });
    await expectAppError(
      report(unverified.id, comment.id),
      "forbidden",
      "Please verify your email address before you report comments.",
    );
    expect(await database.db.commentReport.count({ where: { commentId: comment.id } })).toBe(0);
  });

  it("answers 404 for comments that are not there to report", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const reporter = await f.person();
    for (const status of ["PENDING", "REJECTED", "REMOVED", "DELETED"] as const) {
      const comment = await f.comment(author.id, guide, { status });
      await expectAppError(report(reporter.id, comment.id), "not_found", "That comment is no longer there.");
    }
    await expectAppError(report(reporter.id, "missing"), "not_found");
  });
});
