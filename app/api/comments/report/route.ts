// POST /api/comments/report: a verified reader reports a comment to the moderators.
import { reportSchema } from "@/lib/comments/schemas";
import { reportComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";
import { consume } from "@/lib/rate-limit";

export const POST = formRoute({
  schema: reportSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    await consume("report", session!.user.id);
    const result = await reportComment(
      db,
      { id: session!.user.id },
      { commentId: input.id, reason: input.reason, details: input.details },
    );
    return {
      ...result,
      message: result.repeated
        ? "You have already reported this comment. A moderator will look at it."
        : "Thank you. A moderator will look at this comment.",
    };
  },
});
