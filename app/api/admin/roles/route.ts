import { z } from "zod";
import { emailSchema } from "@/lib/accounts/schemas";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";
import { changeModerator } from "@/lib/roles/service";

export const POST = formRoute({
  schema: z.object({ email: emailSchema, action: z.enum(["grant", "revoke"], { error: "Choose grant or revoke." }) }),
  access: "ADMIN",
  handler: async ({ input, session }) => {
    const name = await changeModerator(db, session!.user.id, input.email, input.action === "grant");
    return {
      message: input.action === "grant" ? `${name} is now a moderator.` : `${name} is no longer a moderator.`,
    };
  },
});
