// POST /api/moderation/comment: approve, reject, remove, restore, dismiss reports,
// feature or lock. Moderators and admins only; every action is logged.
import { after } from "next/server";
import { sendReplyMails } from "@/lib/comments/app";
import { moderateComment } from "@/lib/comments/moderation";
import { moderateCommentSchema } from "@/lib/comments/schemas";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";

const DONE = {
  approve: "Approved.",
  reject: "Rejected; the author sees your reason.",
  remove: "Removed; the author sees your reason.",
  restore: "Restored.",
  dismiss: "Reports dismissed; the comment stays up.",
  feature: "Featured.",
  unfeature: "No longer featured.",
  lock: "Thread locked.",
  unlock: "Thread unlocked.",
} as const;

export const POST = formRoute({
  schema: moderateCommentSchema,
  access: "MODERATOR",
  handler: async ({ input, session }) => {
    const { mail } = await moderateComment(db, session!.user, {
      commentId: input.id,
      action: input.action,
      reason: input.reason,
      note: input.note,
    });
    if (mail.length > 0) after(() => sendReplyMails(mail));
    return { message: DONE[input.action] };
  },
});
