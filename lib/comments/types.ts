// What the comment API sends to the browser. Client-safe: no server imports.

export const COMMENT_SORTS = ["oldest", "newest", "helpful"] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

/** Top-level comments per page. */
export const THREADS_PER_PAGE = 20;
/** How long after posting an author may still edit. */
export const EDIT_WINDOW_MINUTES = 15;
/** Visual nesting stops here; deeper replies say whom they answer. */
export const MAX_INDENT = 3;

export type CommentState = "published" | "pending" | "hidden" | "rejected" | "removed" | "deleted";

export interface CommentAuthor {
  id: string;
  name: string;
}

export interface CommentView {
  id: string;
  parentId: string | null;
  rootId: string | null;
  depth: number;
  /** Null when the author's account was deleted, and on placeholders. */
  author: CommentAuthor | null;
  /** Safe HTML, rendered when the comment was saved; null on placeholders. */
  html: string | null;
  state: CommentState;
  /** Shown in place of a comment that is gone but still has replies. */
  placeholder: boolean;
  featured: boolean;
  locked: boolean;
  helpfulCount: number;
  createdAt: string;
  editedAt: string | null;
  /** Only for the viewer's own comments. */
  own?: {
    body: string;
    /** Until when it may be edited, while it may. */
    editableUntil: string | null;
    holdReason: string | null;
    moderationReason: string | null;
  };
  /** The viewer marked it helpful. */
  helpful: boolean;
  /** The viewer muted its author. */
  muted: boolean;
}

export interface ThreadView {
  comment: CommentView;
  replies: CommentView[];
  /** Published replies in the thread. */
  replyCount: number;
}

export interface CommentViewer {
  id: string;
  /** Whether the viewer may post here, and if not, why not (in words). */
  canComment: boolean;
  reason: string | null;
}

export interface CommentPage {
  guide: { slug: string; mode: "OPEN" | "PREMODERATED" | "CLOSED" };
  /** Published comments under the guide. */
  total: number;
  threads: ThreadView[];
  nextCursor: string | null;
  viewer: CommentViewer | null;
}

export const REPORT_REASONS = {
  SPAM: "Spam or advertising",
  HARASSMENT: "Harassment or hate",
  PERSONAL_INFO: "Personal information about someone",
  SELF_HARM: "Someone may be in crisis or at risk of self-harm",
  OTHER: "Something else",
} as const;
export type ReportReasonKey = keyof typeof REPORT_REASONS;
