import { describe, expect, it } from "vitest";
import type { CommentView, ThreadView } from "@/lib/comments/types";
import { ownStatusText, placeholderText, relativeTime, threadTree, timeLeft, type ThreadItem } from "./comment-parts";

let clock = Date.parse("2026-11-21T12:00:00Z");

function view(id: string, parent: CommentView | null, name: string, extra: Partial<CommentView> = {}): CommentView {
  clock += 60_000;
  return {
    id,
    parentId: parent?.id ?? null,
    rootId: parent ? (parent.rootId ?? parent.id) : null,
    depth: parent ? parent.depth + 1 : 0,
    author: { id: `u-${name}`, name },
    html: `<p>${id}</p>`,
    state: "published",
    placeholder: false,
    featured: false,
    locked: false,
    helpfulCount: 0,
    createdAt: new Date(clock).toISOString(),
    editedAt: null,
    helpful: false,
    muted: false,
    ...extra,
  };
}

/** The tree as nested ids, with "→name" where a reply says whom it answers. */
function shape(item: ThreadItem): unknown {
  const label = item.replyingTo ? `${item.comment.id}→${item.replyingTo}` : item.comment.id;
  return item.children.length ? [label, item.children.map(shape)] : label;
}

describe("threadTree", () => {
  it("nests replies three levels deep, then lists deeper ones beside the third level, saying whom they answer", () => {
    const root = view("root", null, "Ana");
    const d1 = view("d1", root, "Ben");
    const d2 = view("d2", d1, "Ana");
    const d3 = view("d3", d2, "Ben");
    const d4 = view("d4", d3, "Cat");
    const d5 = view("d5", d4, "Ben");
    const d3b = view("d3b", d2, "Cat");
    const d1b = view("d1b", root, "Dan");
    const thread: ThreadView = { comment: root, replies: [d1, d2, d3, d4, d5, d3b, d1b], replyCount: 7 };
    expect(shape(threadTree(thread))).toEqual(["root", [["d1", [["d2", ["d3", "d4→Ben", "d5→Cat", "d3b"]]]], "d1b"]]);
  });

  it("names a gone comment without its author, and puts replies whose parent is missing under the top", () => {
    const root = view("root", null, "Ana");
    const d1 = view("d1", root, "Ben");
    const d2 = view("d2", d1, "Ana");
    const gone = view("gone", d2, "Ben", { placeholder: true, author: null, html: null, state: "deleted" });
    const d4 = view("d4", gone, "Cat");
    const orphan = { ...view("orphan", d2, "Eve"), parentId: "not-loaded" };
    const item = threadTree({ comment: root, replies: [d1, d2, gone, d4, orphan], replyCount: 3 });
    expect(shape(item)).toEqual(["root", [["d1", [["d2", ["gone", "d4→an earlier comment"]]]], "orphan"]]);
  });
});

describe("texts", () => {
  it("says how long ago, in words", () => {
    const now = Date.parse("2026-11-21T12:00:00Z");
    expect(relativeTime("2026-11-21T11:59:30Z", now)).toBe("just now");
    expect(relativeTime("2026-11-21T11:55:00Z", now)).toBe("5 minutes ago");
    expect(relativeTime("2026-11-21T09:00:00Z", now)).toBe("3 hours ago");
    expect(relativeTime("2026-11-20T12:00:00Z", now)).toBe("yesterday");
    expect(relativeTime("2026-10-01T12:00:00Z", now)).toBe("last month");
  });

  it("counts the edit window up, never below a minute", () => {
    const now = Date.parse("2026-11-21T12:00:00Z");
    expect(timeLeft("2026-11-21T12:15:00Z", now)).toBe("15 minutes left");
    expect(timeLeft("2026-11-21T12:00:20Z", now)).toBe("1 minute left");
  });

  it("tells the author where their comment stands, and others only that it is gone", () => {
    const own = { body: "x", editableUntil: null, holdReason: "new account", moderationReason: null };
    const pending = view("p", null, "Ana", { state: "pending", own });
    expect(ownStatusText(pending)).toBe("Waiting for a moderator — only you can see this (reason: new account).");
    const rejected = view("r", null, "Ana", {
      state: "rejected",
      own: { ...own, moderationReason: "Names a person." },
    });
    expect(ownStatusText(rejected)).toBe(
      "Not published — only you can see this. A moderator’s reason: Names a person.",
    );
    expect(ownStatusText(view("ok", null, "Ana", { own }))).toBeNull();
    expect(placeholderText(view("d", null, "Ana", { state: "deleted", placeholder: true }))).toBe(
      "This comment was deleted.",
    );
    expect(placeholderText(view("h", null, "Ana", { state: "hidden", placeholder: true }))).toBe(
      "Hidden while moderators review it.",
    );
    expect(placeholderText(view("x", null, "Ana", { state: "removed", placeholder: true }))).toBe(
      "This comment was removed.",
    );
  });
});
