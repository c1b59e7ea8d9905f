// Mend's comment policy: post-moderation by default, with automatic holds.
// Pure functions, so every rule is tested without a database.
//   - Banned words refuse a comment with a message; suspect words hold it.
//   - Links, email addresses and phone numbers hold it, so nobody is exposed.
//   - New accounts are held until two of their comments have been approved;
//     so is anyone a moderator put on pre-moderation, and every comment on a
//     guide set to pre-moderate.
import { findPersonalDetails } from "./detect";

/** Comments of an account that a moderator must approve before it is trusted. */
export const APPROVALS_TO_TRUST = 2;
/** The same text from the same person within this window is refused. */
export const DUPLICATE_WINDOW_MINUTES = 10;

export interface WordEntry {
  word: string;
  list: "BANNED" | "SUSPECT";
}

/** Lower case, compatibility forms folded (ｆｕｌｌ-width, ligatures), accents kept. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The words of `words` that `text` contains as whole words (or whole phrases). */
export function matchWords(text: string, words: WordEntry[]): { banned: string[]; suspect: string[] } {
  const haystack = normaliseText(text);
  const banned: string[] = [];
  const suspect: string[] = [];
  for (const entry of words) {
    const needle = normaliseText(entry.word);
    if (!needle) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(needle).replace(/ /g, "\\s+")}(?![\\p{L}\\p{N}])`,
      "u",
    );
    if (pattern.test(haystack)) (entry.list === "BANNED" ? banned : suspect).push(entry.word);
  }
  return { banned, suspect };
}

export interface Standing {
  role: "READER" | "MODERATOR" | "ADMIN";
  /** Comments of theirs a moderator approved. */
  approvedCount: number;
  premoderated: boolean;
}

export type Verdict =
  | { outcome: "refuse"; message: string; field: "body" }
  | { outcome: "hold"; reasons: string[] }
  | { outcome: "publish" };

/** What happens to `text` from someone with `standing` on a guide in `mode`. */
export function judge(
  text: string,
  context: { standing: Standing; guideMode: "OPEN" | "PREMODERATED" | "CLOSED"; words: WordEntry[] },
): Verdict {
  const { banned, suspect } = matchWords(text, context.words);
  if (banned.length > 0) {
    const list = banned.map((w) => `“${w}”`).join(", ");
    return {
      outcome: "refuse",
      field: "body",
      message: `Your comment uses ${banned.length === 1 ? "a word" : "words"} that this site doesn’t allow (${list}). Please reword it and post again.`,
    };
  }
  const staff = context.standing.role !== "READER";
  const reasons: string[] = [];
  if (!staff) {
    if (context.guideMode === "PREMODERATED") reasons.push("every comment on this guide is checked first");
    if (context.standing.premoderated) reasons.push("a moderator checks this account’s comments first");
    else if (context.standing.approvedCount < APPROVALS_TO_TRUST) reasons.push("new account");
    const details = findPersonalDetails(text);
    if (details.links.length > 0) reasons.push("contains a link");
    if (details.emails.length > 0) reasons.push("contains an email address");
    if (details.phones.length > 0) reasons.push("contains a phone number");
    if (suspect.length > 0) reasons.push(`suspect words: ${suspect.join(", ")}`);
  }
  return reasons.length > 0 ? { outcome: "hold", reasons } : { outcome: "publish" };
}

/** Why someone may not comment at all right now, or null when they may. */
export function standingProblem(
  user: { emailVerified: Date | null; bannedAt: Date | null; suspendedUntil: Date | null },
  now = new Date(),
): string | null {
  if (user.bannedAt) return "This account can no longer post comments.";
  if (user.suspendedUntil && user.suspendedUntil > now) {
    const until = user.suspendedUntil.toLocaleString("en-GB", {
      dateStyle: "long",
      timeStyle: "short",
      timeZone: "UTC",
    });
    return `This account is suspended from commenting until ${until} (UTC).`;
  }
  if (!user.emailVerified)
    return "Please verify your email address before you comment: the link is in the mail we sent.";
  return null;
}
