// POST /api/account/notify-replies: turns reply emails on or off.
import { z } from "zod";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: z.object({
    notify: z
      .union([z.boolean(), z.enum(["true", "false", "on", "off"])])
      .transform((v) => v === true || v === "true" || v === "on"),
  }),
  access: "signed-in",
  handler: async ({ input, session }) => {
    await db.user.update({ where: { id: session!.user.id }, data: { notifyRepliesByEmail: input.notify } });
    return {
      notify: input.notify,
      message: input.notify ? "We will email you when someone replies to you." : "No more emails about replies.",
    };
  },
});
