// POST /api/progress/step: one step marked done or undone, or reached while reading.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formRoute } from "@/lib/http/route";
import { stepChangeSchema } from "@/lib/progress/schemas";
import { recordStep } from "@/lib/progress/server";

export const POST = formRoute({
  schema: stepChangeSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    const progress = await recordStep(db, session!.user.id, input);
    if (!progress) throw new AppError("not_found", "There is no such step in that guide.");
    return { progress };
  },
});
