// POST /api/comments: a new comment or reply. Sent twice with the same postKey, stored once.
import { after } from "next/server";
import { consumeCommentLimits, sendReplyMails } from "@/lib/comments/app";
import { postSchema } from "@/lib/comments/schemas";
import { postComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: postSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    const actor = { id: session!.user.id };
    const result = await postComment(db, actor, input, {
      beforeStore: (author) => consumeCommentLimits(actor.id, author),
    });
    if (result.mail.length > 0) after(() => sendReplyMails(result.mail));
    const held = result.comment.state === "pending";
    return {
      comment: result.comment,
      repeated: result.repeated,
      message: held
        ? "Thank you. Your comment is waiting for a moderator and will appear once approved; until then only you can see it."
        : "Your comment is posted.",
    };
  },
});
