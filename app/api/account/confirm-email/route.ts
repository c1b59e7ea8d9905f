import { z } from "zod";
import { confirmEmailChange } from "@/lib/accounts/service";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: z.object({ token: z.string().min(20).max(100) }),
  handler: async ({ input }) => {
    await confirmEmailChange(input.token);
    return { redirectTo: "/account?email-changed=1" };
  },
});
