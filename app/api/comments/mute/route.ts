// POST /api/comments/mute: collapses (or shows again) another reader's comments, for the muter only.
import { muteSchema } from "@/lib/comments/schemas";
import { setMuted } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";
import { consume } from "@/lib/rate-limit";

export const POST = formRoute({
  schema: muteSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    await consume("mute", session!.user.id);
    await setMuted(db, { id: session!.user.id }, input.userId, input.muted);
    return {
      muted: input.muted,
      message: input.muted
        ? "Muted. Their comments are collapsed for you; they are not told."
        : "Unmuted. You will see their comments again.",
    };
  },
});
