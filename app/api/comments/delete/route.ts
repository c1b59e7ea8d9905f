// POST /api/comments/delete: the author deletes a comment; replies stay in place.
import { idOnlySchema } from "@/lib/comments/schemas";
import { deleteComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: idOnlySchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    await deleteComment(db, { id: session!.user.id }, input.id);
    return { message: "Your comment is deleted." };
  },
});
