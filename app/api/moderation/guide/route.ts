// POST /api/moderation/guide: open a guide's comments, pre-moderate them all, or close them.
import { setGuideMode } from "@/lib/comments/moderation";
import { guideModeSchema } from "@/lib/comments/schemas";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";

const DONE = {
  OPEN: "Comments are open.",
  PREMODERATED: "Every new comment on this guide now waits for a moderator.",
  CLOSED: "This guide is closed to new comments.",
} as const;

export const POST = formRoute({
  schema: guideModeSchema,
  access: "MODERATOR",
  handler: async ({ input, session }) => {
    await setGuideMode(db, session!.user, input.slug, input.mode, input.note);
    return { message: DONE[input.mode] };
  },
});
