import { changeEmailSchema } from "@/lib/accounts/schemas";
import { requestEmailChange } from "@/lib/accounts/service";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: changeEmailSchema,
  access: "signed-in",
  handler: async ({ input, session, ip }) => {
    await requestEmailChange(session!.user.id, input.email, input.password, ip);
    return {
      message: `We sent a link to ${input.email}. Your address changes when you open it; until then, the old one stays.`,
    };
  },
});
