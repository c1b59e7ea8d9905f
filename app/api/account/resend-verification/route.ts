import { z } from "zod";
import { resendVerification } from "@/lib/accounts/service";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: z.object({}),
  access: "signed-in",
  handler: async ({ session, ip }) => {
    await resendVerification(session!.user.id, ip);
    return { message: "We sent a new confirmation link. It works for 24 hours." };
  },
});
