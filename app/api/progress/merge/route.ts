// POST /api/progress/merge: adds what this browser held before signing in to the account.
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";
import { mergeSchema } from "@/lib/progress/schemas";
import { mergeProgress } from "@/lib/progress/server";

export const POST = formRoute({
  schema: mergeSchema,
  access: "signed-in",
  handler: async ({ input, session }) => ({ progress: await mergeProgress(db, session!.user.id, input.progress) }),
});
