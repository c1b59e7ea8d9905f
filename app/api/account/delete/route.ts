import { signOut } from "@/auth";
import { deleteWithPassword } from "@/lib/accounts/deletion";
import { confirmPasswordSchema } from "@/lib/accounts/schemas";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: confirmPasswordSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    await deleteWithPassword(session!.user.id, input.password);
    // The session would fail its next check anyway (the account is gone); this drops the cookie now.
    await signOut({ redirect: false });
    return { redirectTo: "/goodbye" };
  },
});
