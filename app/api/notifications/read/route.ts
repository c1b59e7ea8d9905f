// POST /api/notifications/read: marks notifications read (some, or all).
import { z } from "zod";
import { markRead } from "@/lib/comments/notifications";
import { idSchema } from "@/lib/comments/schemas";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: z.object({
    ids: z.union([z.literal("all"), z.array(idSchema).max(200)]).default("all"),
  }),
  access: "signed-in",
  handler: async ({ input, session }) => {
    const count = await markRead(db, session!.user.id, input.ids);
    return { count, message: "Marked as read." };
  },
});
