// Words for the moderation pages: ages, standings, log actions, guide modes.
import type { CommentMode, ModerationAction } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/components/journey/format";

export { formatDateTime, plural } from "@/components/journey/format";

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "today", "yesterday", "3 days ago", "2 months ago", "1 year ago". */
export function ageInWords(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
  if (days < 1) return "today";
  if (days < 60) return relative.format(-days, "day");
  if (days < 730) return relative.format(-Math.floor(days / 30), "month");
  return relative.format(-Math.floor(days / 365), "year");
}

/** The first words of a comment, for context. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export const ROLE_NAMES = { READER: "Reader", MODERATOR: "Moderator", ADMIN: "Admin" } as const;

export const STATUS_NAMES: Record<string, string> = {
  PENDING: "Waiting for a moderator",
  PUBLISHED: "Published",
  HIDDEN: "Hidden after reports",
  REJECTED: "Rejected",
  REMOVED: "Removed",
  DELETED: "Deleted by its author",
};

/** How a person stands: what limits their commenting right now, in words. */
export function standingInWords(
  author: { premoderated: boolean; suspendedUntil: string | null; banned: boolean },
  now: Date,
): string {
  const parts: string[] = [];
  if (author.banned) parts.push("banned");
  if (author.suspendedUntil && new Date(author.suspendedUntil) > now)
    parts.push(`suspended until ${formatDateTime(author.suspendedUntil)}`);
  if (author.premoderated) parts.push("pre-moderated");
  return parts.length ? parts.join("; ") : "in good standing";
}

export const ACTION_NAMES: Record<ModerationAction, string> = {
  APPROVE: "Approved a comment",
  REJECT: "Rejected a comment",
  REMOVE: "Removed a comment",
  RESTORE: "Restored a comment",
  FEATURE: "Featured a comment",
  UNFEATURE: "Stopped featuring a comment",
  LOCK: "Locked a thread",
  UNLOCK: "Unlocked a thread",
  DISMISS_REPORTS: "Dismissed the reports on a comment",
  AUTO_HIDE: "Hid a comment after reports",
  PREMODERATE_USER: "Put an account on pre-moderation",
  TRUST_USER: "Took an account off pre-moderation",
  SUSPEND_USER: "Suspended an account from commenting",
  BAN_USER: "Banned an account from commenting",
  REINSTATE_USER: "Reinstated an account",
  ADD_WORD: "Added a word to a list",
  REMOVE_WORD: "Removed a word from a list",
  SET_GUIDE_MODE: "Changed a guide’s comments",
};

export const MODE_NAMES: Record<CommentMode, string> = {
  OPEN: "Open",
  PREMODERATED: "Pre-moderate every comment",
  CLOSED: "Closed",
};

const LIST_NAMES: Record<string, string> = { BANNED: "banned list", SUSPECT: "suspect list" };

/** The log's detail column, in words. */
export function detailInWords(action: ModerationAction, detail: string | null): string | null {
  if (!detail) return null;
  if (action === "SET_GUIDE_MODE" && detail in MODE_NAMES) return `Now: ${MODE_NAMES[detail as CommentMode]}`;
  if (action === "SUSPEND_USER") {
    const until = detail.replace(/^until /, "");
    return Number.isNaN(Date.parse(until)) ? detail : `Until ${formatDateTime(until)}`;
  }
  if (action === "ADD_WORD" || action === "REMOVE_WORD") {
    const match = /^(BANNED|SUSPECT): (.*)$/s.exec(detail);
    if (match) return `“${match[2]}”, ${action === "ADD_WORD" ? "to the" : "from the"} ${LIST_NAMES[match[1]!]}`;
  }
  return detail;
}
