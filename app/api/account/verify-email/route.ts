import { z } from "zod";
import { confirmEmail } from "@/lib/accounts/service";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: z.object({ token: z.string().min(20).max(100) }),
  handler: async ({ input }) => {
    await confirmEmail(input.token);
    return { redirectTo: "/account?verified=1" };
  },
});
