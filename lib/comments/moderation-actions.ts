// The names of moderators' actions, shared by forms and the server. Client-safe.

export const COMMENT_ACTIONS = [
  "approve",
  "reject",
  "remove",
  "restore",
  "dismiss",
  "feature",
  "unfeature",
  "lock",
  "unlock",
] as const;
export type CommentAction = (typeof COMMENT_ACTIONS)[number];

/** Actions that tell the author why, and so need a reason. */
export const NEEDS_REASON: readonly CommentAction[] = ["reject", "remove"];

export const USER_ACTIONS = ["premoderate", "trust", "suspend", "ban", "reinstate"] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

export const QUEUE_TABS = ["pending", "reported", "recent"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
