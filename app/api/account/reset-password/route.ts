import { resetPasswordSchema } from "@/lib/accounts/schemas";
import { resetPassword } from "@/lib/accounts/service";
import { startSession } from "@/lib/accounts/session";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: resetPasswordSchema,
  handler: async ({ input }) => {
    const email = await resetPassword(input.token, input.password);
    // Every other session ended with the reset; this device starts a new one.
    await startSession(email, input.password);
    return { redirectTo: "/account?reset=1" };
  },
});
