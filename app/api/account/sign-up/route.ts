import { signUpSchema } from "@/lib/accounts/schemas";
import { signUp } from "@/lib/accounts/service";
import { startSession } from "@/lib/accounts/session";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: signUpSchema,
  handler: async ({ input, ip }) => {
    await signUp(input, ip);
    await startSession(input.email, input.password);
    return { redirectTo: "/account?welcome=1" };
  },
});
