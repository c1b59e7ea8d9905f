// POST /api/moderation/user: pre-moderate, trust, suspend, ban or reinstate a person.
import { moderateUser } from "@/lib/comments/moderation";
import { moderateUserSchema } from "@/lib/comments/schemas";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";

const DONE = {
  premoderate: "Their comments now wait for a moderator.",
  trust: "Their comments are no longer pre-moderated.",
  suspend: "Suspended from commenting.",
  ban: "Banned from commenting.",
  reinstate: "They can comment again.",
} as const;

export const POST = formRoute({
  schema: moderateUserSchema,
  access: "MODERATOR",
  handler: async ({ input, session }) => {
    await moderateUser(db, session!.user, input);
    return { message: DONE[input.action] };
  },
});
