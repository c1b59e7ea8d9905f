import { emailOnlySchema } from "@/lib/accounts/schemas";
import { requestPasswordReset } from "@/lib/accounts/service";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: emailOnlySchema,
  handler: async ({ input, ip }) => {
    await requestPasswordReset(input.email, ip);
    return {
      message: `If an account uses ${input.email}, a link to choose a new password is on its way. It works once, for 30 minutes.`,
    };
  },
});
