import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentFixtures, expectAppError } from "@/lib/testing/comments";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { deleteComment, editComment, listThreads, postComment } from "./service";

let database: TestDatabase;
let f: ReturnType<typeof commentFixtures>;

beforeAll(async () => {
  database = await createTestDatabase();
  f = commentFixtures(database);
  await database.db.moderationWord.create({ data: { word: "grapefruit", list: "BANNED" } });
});

afterAll(async () => {
  await database?.drop();
});

const edit = (userId: string, id: string, body: string) => editComment(database.db, { id: userId }, id, body);
const row = (id: string) => database.db.comment.findUniqueOrThrow({ where: { id } });
const replyCount = async (id: string) => (await row(id)).replyCount;

describe("editComment", () => {
  it("lets only the author edit", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const other = await f.person({ trusted: true });
    const { comment } = await postComment(database.db, author, { guide, body: "Mine" });
    await expectAppError(edit(other.id, comment.id, "Not yours"), "not_found", /not yours to edit/);
    const moderator = await f.person({ role: "MODERATOR" });
    await expectAppError(edit(moderator.id, comment.id, "Not theirs either"), "not_found");
    await expectAppError(edit(author.id, "missing", "Nothing there"), "not_found");
    expect((await row(comment.id)).body).toBe("Mine");
  });

  it("keeps the old text as a revision and marks the comment edited", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const { comment } = await postComment(database.db, author, { guide, body: "First **try**" });
    const edited = await edit(author.id, comment.id, "Second *try*");
    expect(edited.comment.state).toBe("published");
    expect(edited.comment.editedAt).not.toBeNull();
    expect(edited.comment.own?.body).toBe("Second *try*");
    expect(edited.comment.html).toContain("<em>try</em>");
    await edit(author.id, comment.id, "Third try");
    const stored = await database.db.comment.findUniqueOrThrow({
      where: { id: comment.id },
      include: { revisions: { orderBy: { createdAt: "asc" } } },
    });
    expect(stored.body).toBe("Third try");
    expect(stored.editedAt).toBeInstanceOf(Date);
    expect(stored.revisions.map((r) => r.body)).toEqual(["First **try**", "Second *try*"]);
    // The same text again changes nothing.
    await edit(author.id, comment.id, "Third try");
    expect(await database.db.commentRevision.count({ where: { commentId: comment.id } })).toBe(2);
  });

  it("allows edits for 15 minutes only", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const { comment } = await postComment(database.db, author, { guide, body: "Quick thought" });
    await f.age(comment.id, 14);
    await edit(author.id, comment.id, "Quick thought, fixed");
    await f.age(comment.id, 2);
    await expectAppError(
      edit(author.id, comment.id, "Too late"),
      "forbidden",
      "Comments can be edited for 15 minutes after posting; that time has passed.",
    );
    expect((await row(comment.id)).body).toBe("Quick thought, fixed");
  });

  it("refuses an edit with a banned word, and an empty or overlong one, keeping the text", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const { comment } = await postComment(database.db, author, { guide, body: "Fine words" });
    await expectAppError(edit(author.id, comment.id, "Grapefruit!"), "invalid_input", /“grapefruit”/);
    await expectAppError(edit(author.id, comment.id, "  "), "invalid_input", "Please write something first.");
    await expectAppError(edit(author.id, comment.id, "x".repeat(5001)), "invalid_input", /at most 5,000/);
    expect(await row(comment.id)).toMatchObject({ body: "Fine words", status: "PUBLISHED", editedAt: null });
  });

  it("puts a published comment that gains a phone number back in the queue", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const { comment } = await postComment(database.db, author, { guide, body: "Call anytime" });
    const edited = await edit(author.id, comment.id, "Call anytime: +44 20 7946 0958");
    expect(edited.comment.state).toBe("pending");
    expect(edited.comment.own?.holdReason).toBe("contains a phone number");
    expect(await row(comment.id)).toMatchObject({ status: "PENDING", holdReason: "contains a phone number" });
  });

  it("takes a reply that goes back to the queue out of its root's count", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const root = await f.comment(null, guide);
    const { comment } = await postComment(database.db, author, { guide, parentId: root.id, body: "A reply" });
    expect(await replyCount(root.id)).toBe(1);
    await edit(author.id, comment.id, "A reply, call +44 20 7946 0958");
    expect(await replyCount(root.id)).toBe(0);
    // Another held edit does not count it out twice.
    await edit(author.id, comment.id, "A reply, call +44 20 7946 0959");
    expect(await replyCount(root.id)).toBe(0);
  });

  it("keeps other people's replies in place while an edited comment waits in the queue", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const replier = await f.person({ trusted: true });
    const { comment: root } = await postComment(database.db, author, { guide, body: "How do I start over?" });
    const { comment: reply } = await postComment(database.db, replier, { guide, parentId: root.id, body: "Slowly" });
    const { comment: answer } = await postComment(database.db, author, { guide, parentId: reply.id, body: "Thanks" });
    const { comment: deeper } = await postComment(database.db, replier, {
      guide,
      parentId: answer.id,
      body: "Any time",
    });
    await edit(author.id, root.id, "How do I start over? Text me on +44 20 7946 0958");
    await edit(author.id, answer.id, "Thanks, or call +44 20 7946 0958");

    for (const viewerId of [null, replier.id]) {
      const [thread] = (await listThreads(database.db, { guide, viewerId })).threads;
      expect(thread?.comment).toMatchObject({ id: root.id, placeholder: true, html: null, author: null });
      expect(thread!.comment.own).toBeUndefined();
      expect(thread!.replies.map((r) => [r.id, r.placeholder])).toEqual([
        [reply.id, false],
        [answer.id, true],
        [deeper.id, false],
      ]);
    }
    // Its author sees their own words, waiting.
    const [own] = (await listThreads(database.db, { guide, viewerId: author.id })).threads;
    expect(own!.comment).toMatchObject({ state: "pending", placeholder: false });
    expect(own!.replies.map((r) => [r.id, r.state])).toEqual([
      [reply.id, "published"],
      [answer.id, "pending"],
      [deeper.id, "published"],
    ]);
  });

  it("publishes a held comment whose new text passes, and counts and announces it then", async () => {
    const guide = await f.guide();
    const parentAuthor = await f.person({ trusted: true });
    const author = await f.person({ trusted: true });
    const root = await f.comment(parentAuthor.id, guide);
    const held = await postComment(database.db, author, {
      guide,
      parentId: root.id,
      body: "Write to me at me@example.com",
    });
    expect(held.comment.state).toBe("pending");
    expect(await replyCount(root.id)).toBe(0);
    expect(await database.db.notification.count({ where: { userId: parentAuthor.id } })).toBe(0);

    const edited = await edit(author.id, held.comment.id, "Thinking of you.");
    expect(edited.comment.state).toBe("published");
    expect(edited.comment.own?.holdReason).toBeNull();
    expect(await row(held.comment.id)).toMatchObject({ status: "PUBLISHED", holdReason: null });
    expect((await row(held.comment.id)).publishedAt).toBeInstanceOf(Date);
    expect(await replyCount(root.id)).toBe(1);
    expect(await database.db.notification.count({ where: { userId: parentAuthor.id, kind: "REPLY" } })).toBe(1);
  });

  it("counts a reply again when an edit publishes it once more, without a second notification", async () => {
    const guide = await f.guide();
    const parentAuthor = await f.person({ trusted: true });
    const author = await f.person({ trusted: true });
    const root = await f.comment(parentAuthor.id, guide);
    const { comment } = await postComment(database.db, author, { guide, parentId: root.id, body: "Hang in there" });
    expect(await database.db.notification.count({ where: { userId: parentAuthor.id } })).toBe(1);
    await edit(author.id, comment.id, "Hang in there, call +44 20 7946 0958");
    expect(await replyCount(root.id)).toBe(0);
    const again = await edit(author.id, comment.id, "Hang in there, really");
    expect(again.comment.state).toBe("published");
    expect(again.mail).toEqual([]);
    expect(await replyCount(root.id)).toBe(1);
    expect(await database.db.notification.count({ where: { userId: parentAuthor.id } })).toBe(1);
  });

  it("keeps a new account's held comment held when edited", async () => {
    const guide = await f.guide();
    const newcomer = await f.person();
    const held = await postComment(database.db, newcomer, { guide, body: "Hello, https://example.com" });
    const edited = await edit(newcomer.id, held.comment.id, "Hello");
    expect(edited.comment.state).toBe("pending");
    expect(edited.comment.own?.holdReason).toBe("new account");
  });

  it("does not edit a comment that a moderator took down or that was deleted", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    for (const status of ["HIDDEN", "REJECTED", "REMOVED", "DELETED"] as const) {
      const comment = await f.comment(author.id, guide, { status });
      await expectAppError(
        edit(author.id, comment.id, "Changed"),
        "forbidden",
        "This comment can no longer be edited.",
      );
    }
  });
});

describe("deleteComment", () => {
  it("lets only the author delete", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const other = await f.person({ trusted: true });
    const comment = await f.comment(author.id, guide);
    await expectAppError(
      deleteComment(database.db, other, comment.id),
      "not_found",
      "That comment is not yours to delete, or is gone.",
    );
    await expectAppError(deleteComment(database.db, other, "missing"), "not_found");
    expect((await row(comment.id)).status).toBe("PUBLISHED");
  });

  it("removes the text and its revisions, and keeps the thread readable under a placeholder", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const replier = await f.person({ trusted: true });
    const { comment } = await postComment(database.db, author, { guide, body: "Something I regret writing" });
    await edit(author.id, comment.id, "Something I regret writing, edited");
    const reply = await postComment(database.db, replier, { guide, parentId: comment.id, body: "A kind answer" });
    expect(await database.db.commentRevision.count({ where: { commentId: comment.id } })).toBe(1);

    await deleteComment(database.db, author, comment.id);
    expect(await row(comment.id)).toMatchObject({ status: "DELETED", body: "", html: "", replyCount: 1 });
    expect(await database.db.commentRevision.count({ where: { commentId: comment.id } })).toBe(0);

    for (const viewerId of [null, author.id, replier.id]) {
      const page = await listThreads(database.db, { guide, viewerId });
      expect(page.threads).toHaveLength(1);
      const [thread] = page.threads;
      expect(thread!.comment).toMatchObject({
        id: comment.id,
        placeholder: true,
        state: "deleted",
        html: null,
        author: null,
        editedAt: null,
      });
      expect(thread!.comment.own).toBeUndefined();
      expect(thread!.replies.map((r) => [r.id, r.html])).toEqual([[reply.comment.id, "<p>A kind answer</p>"]]);
    }
    // Deleting again is no error and changes nothing.
    await deleteComment(database.db, author, comment.id);
    expect(await replyCount(comment.id)).toBe(1);
  });

  it("drops a deleted comment without replies from the thread list", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const { comment } = await postComment(database.db, author, { guide, body: "Never mind" });
    await deleteComment(database.db, author, comment.id);
    expect((await listThreads(database.db, { guide, viewerId: author.id })).threads).toEqual([]);
    expect((await listThreads(database.db, { guide, viewerId: null })).threads).toEqual([]);
  });

  it("keeps the root's reply count right when replies are deleted", async () => {
    const guide = await f.guide();
    const author = await f.person({ trusted: true });
    const root = await f.comment(null, guide);
    const published = await postComment(database.db, author, { guide, parentId: root.id, body: "Reply one" });
    const deeper = await postComment(database.db, author, { guide, parentId: published.comment.id, body: "Reply two" });
    const held = await postComment(database.db, author, { guide, parentId: root.id, body: "Call +44 20 7946 0958" });
    expect(held.comment.state).toBe("pending");
    expect(await replyCount(root.id)).toBe(2);
    await deleteComment(database.db, author, held.comment.id);
    expect(await replyCount(root.id)).toBe(2);
    await deleteComment(database.db, author, published.comment.id);
    expect(await replyCount(root.id)).toBe(1);
    // The deeper reply still shows, under a placeholder for the one it answered.
    const [thread] = (await listThreads(database.db, { guide, viewerId: null })).threads;
    expect(thread!.replies.map((r) => [r.id, r.placeholder])).toEqual([
      [published.comment.id, true],
      [deeper.comment.id, false],
    ]);
    await deleteComment(database.db, author, deeper.comment.id);
    expect(await replyCount(root.id)).toBe(0);
    const [after] = (await listThreads(database.db, { guide, viewerId: null })).threads;
    expect(after!.replies).toEqual([]);
  });
});
