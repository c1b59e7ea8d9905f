import { changePasswordSchema } from "@/lib/accounts/schemas";
import { changePassword } from "@/lib/accounts/service";
import { startSession } from "@/lib/accounts/session";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: changePasswordSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    const email = await changePassword(session!.user.id, input.current, input.password);
    // Other devices are signed out; this one continues with a fresh session.
    await startSession(email, input.password);
    return { message: "Your password is changed. Other devices have been signed out." };
  },
});
