// What happens to comments when their author deletes the account, and that the
// data export holds them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseAccount } from "@/lib/accounts/deletion";
import { buildExport } from "@/lib/accounts/export";
import { commentFixtures } from "@/lib/testing/comments";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { editComment, listThreads, postComment, reportComment, setHelpful, setMuted } from "./service";

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

describe("eraseAccount and comments", () => {
  it("anonymises the author's comments and keeps other people's replies readable", async () => {
    const guide = await f.guide();
    const leaving = await f.person({ trusted: true, name: "Leaving Heron 8" });
    const staying = await f.person({ trusted: true });
    const root = await postComment(database.db, leaving, { guide, body: "My story, in my words" });
    await editComment(database.db, leaving, root.comment.id, "My story, in my own words");
    const answer = await postComment(database.db, staying, { guide, parentId: root.comment.id, body: "Thank you" });
    const otherRoot = await f.comment(staying.id, guide);
    const leavingReply = await postComment(database.db, leaving, {
      guide,
      parentId: otherRoot.id,
      body: "A reply that goes too",
    });
    expect((await row(otherRoot.id)).replyCount).toBe(1);

    expect(await eraseAccount(database.db, leaving.id)).toMatchObject({ id: leaving.id });

    for (const id of [root.comment.id, leavingReply.comment.id]) {
      expect(await row(id)).toMatchObject({ status: "DELETED", body: "", html: "", authorId: null, postKey: null });
    }
    expect(await database.db.commentRevision.count({ where: { commentId: root.comment.id } })).toBe(0);
    expect((await row(otherRoot.id)).replyCount).toBe(0);
    expect((await row(root.comment.id)).replyCount).toBe(1);

    const page = await listThreads(database.db, { guide, viewerId: staying.id });
    const [first, second] = page.threads;
    expect(first!.comment).toMatchObject({ id: root.comment.id, placeholder: true, author: null, html: null });
    expect(first!.replies.map((r) => [r.id, r.html, r.author?.id])).toEqual([
      [answer.comment.id, "<p>Thank you</p>", staying.id],
    ]);
    expect(second!.comment.id).toBe(otherRoot.id);
    expect(second!.replies).toEqual([]);
    // Nothing of their text or name is left in the comment tables.
    const { rows } = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Comment" c WHERE strpos(c::text, 'own words') > 0 OR strpos(c::text, 'goes too') > 0`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it("takes back the 'helpful' marks the deleted account gave", async () => {
    const guide = await f.guide();
    const leaving = await f.person({ trusted: true });
    const others = await Promise.all([f.person(), f.person()]);
    const marked = await f.comment(others[0].id, guide);
    const alsoMarked = await f.comment(others[1].id, guide);
    await setHelpful(database.db, leaving, marked.id, true);
    await setHelpful(database.db, others[1], marked.id, true);
    await setHelpful(database.db, leaving, alsoMarked.id, true);
    expect((await row(marked.id)).helpfulCount).toBe(2);

    await eraseAccount(database.db, leaving.id);
    expect((await row(marked.id)).helpfulCount).toBe(1);
    expect((await row(alsoMarked.id)).helpfulCount).toBe(0);
    expect(await database.db.commentReaction.count({ where: { userId: leaving.id } })).toBe(0);
  });

  it("leaves the other readers' mutes, reports and notifications of it consistent", async () => {
    const guide = await f.guide();
    const leaving = await f.person({ trusted: true });
    const other = await f.person({ trusted: true });
    const theirs = await f.comment(other.id, guide);
    await setMuted(database.db, leaving, other.id, true);
    await setMuted(database.db, other, leaving.id, true);
    await reportComment(database.db, leaving, { commentId: theirs.id, reason: "SPAM" });
    await eraseAccount(database.db, leaving.id);
    expect(await database.db.mute.count({ where: { OR: [{ muterId: leaving.id }, { mutedId: leaving.id }] } })).toBe(0);
    expect(await database.db.commentReport.count({ where: { reporterId: leaving.id } })).toBe(0);
    expect(await database.db.notification.count({ where: { userId: leaving.id } })).toBe(0);
  });
});

describe("the data export", () => {
  it("holds the reader's comments with their status, earlier versions and settings", async () => {
    const guide = await f.guide();
    const reader = await f.person({ trusted: true, notifyRepliesByEmail: true });
    const other = await f.person({ trusted: true });
    const first = await postComment(database.db, reader, { guide, body: "First words" });
    await editComment(database.db, reader, first.comment.id, "Better words");
    const held = await postComment(database.db, reader, { guide, body: "Held: https://example.com" });
    const deleted = await postComment(database.db, reader, { guide, body: "Gone again" });
    await database.db.comment.update({ where: { id: deleted.comment.id }, data: { status: "DELETED", body: "" } });
    const rejected = await f.comment(reader.id, guide, { status: "REJECTED", body: "Not kind enough" });
    await database.db.comment.update({ where: { id: rejected.id }, data: { moderationReason: "Please be kind" } });
    const theirs = await f.comment(other.id, guide, { body: "Someone else's" });
    await setMuted(database.db, reader, other.id, true);
    await reportComment(database.db, reader, { commentId: theirs.id, reason: "SPAM" });

    const exported = await buildExport(database.db, reader.id);
    const comments = exported.comments as {
      written: { id: string; status: string; text: string; earlierVersions: { text: string }[] }[];
      emailMeAboutReplies: boolean;
      peopleYouMuted: number;
      reportsYouMade: number;
    };
    const written = comments.written.filter((c) => !c.text.startsWith("Approved earlier"));
    expect(written.map((c) => [c.id, c.status, c.text])).toEqual([
      [first.comment.id, "published", "Better words"],
      [held.comment.id, "pending", "Held: https://example.com"],
      [rejected.id, "rejected", "Not kind enough"],
    ]);
    expect(written[0]!.earlierVersions.map((v) => v.text)).toEqual(["First words"]);
    expect(written[2]).toMatchObject({ moderatorsReason: "Please be kind", inReplyTo: null });
    expect(comments).toMatchObject({ emailMeAboutReplies: true, peopleYouMuted: 1, reportsYouMade: 1 });
    expect(JSON.stringify(exported)).not.toContain("Someone else's");
  });
});
