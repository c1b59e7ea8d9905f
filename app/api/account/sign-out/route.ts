import { z } from "zod";
import { signOut } from "@/auth";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: z.object({}),
  handler: async () => {
    await signOut({ redirect: false });
    // A full page load follows, so every island forgets the session.
    return { redirectTo: "/" };
  },
});
