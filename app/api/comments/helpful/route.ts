// POST /api/comments/helpful: marks or unmarks a comment as helpful (one per reader).
import { helpfulSchema } from "@/lib/comments/schemas";
import { setHelpful } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";
import { consume } from "@/lib/rate-limit";

export const POST = formRoute({
  schema: helpfulSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    await consume("reaction", session!.user.id);
    const result = await setHelpful(db, { id: session!.user.id }, input.id, input.helpful);
    return { ...result, message: result.helpful ? "Marked as helpful." : "No longer marked as helpful." };
  },
});
