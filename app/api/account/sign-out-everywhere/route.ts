import { z } from "zod";
import { signOutEverywhere } from "@/lib/accounts/service";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: z.object({}),
  access: "signed-in",
  handler: async ({ session }) => {
    await signOutEverywhere(session!.user.id);
    return { redirectTo: "/sign-in?signed-out=everywhere" };
  },
});
