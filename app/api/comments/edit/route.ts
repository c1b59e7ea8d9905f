// POST /api/comments/edit: the author changes a comment, within 15 minutes of posting.
import { after } from "next/server";
import { sendReplyMails } from "@/lib/comments/app";
import { editSchema } from "@/lib/comments/schemas";
import { editComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";
import { consume } from "@/lib/rate-limit";

export const POST = formRoute({
  schema: editSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    await consume("commentEdit", session!.user.id);
    const { comment, mail } = await editComment(db, { id: session!.user.id }, input.id, input.body);
    if (mail.length > 0) after(() => sendReplyMails(mail));
    return {
      comment,
      message:
        comment.state === "pending"
          ? "Your changes are saved. The comment is waiting for a moderator again."
          : "Your changes are saved.",
    };
  },
});
