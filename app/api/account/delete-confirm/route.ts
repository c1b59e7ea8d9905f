import { z } from "zod";
import { auth, signOut } from "@/auth";
import { confirmDeletion } from "@/lib/accounts/deletion";
import { formRoute } from "@/lib/http/route";

// No session needed: the link is opened wherever the mail is read, and holding it proves the address.
export const POST = formRoute({
  schema: z.object({ token: z.string().min(20).max(100) }),
  handler: async ({ input }) => {
    // Read before the deletion: afterwards the deleted account's session no longer resolves.
    const session = await auth();
    const erased = await confirmDeletion(input.token);
    // Only the deleted account's own session ends here, never someone else's signed in on this browser.
    if (session?.user.id === erased.id) await signOut({ redirect: false });
    return { redirectTo: "/goodbye" };
  },
});
