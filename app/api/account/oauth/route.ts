// "Continue with Google" (or another configured provider): starts the provider's sign-in
// and sends the browser there. A form route like the others, rather than a server action,
// so the site has no endpoint that takes React's action encoding.
import { z } from "zod";
import { oauthProviders, signIn } from "@/auth";
import { AppError } from "@/lib/errors";
import { formRoute, safeRedirect } from "@/lib/http/route";

export const POST = formRoute({
  schema: z.object({
    provider: z.string({ error: "Choose a way to sign in." }).max(40, { error: "Choose a way to sign in." }),
    callbackUrl: z.string().max(500).optional(),
  }),
  handler: async ({ input }) => {
    if (!oauthProviders().some((p) => p.id === input.provider)) {
      throw new AppError("not_found", "That way of signing in is not available here.");
    }
    const url: unknown = await signIn(input.provider, {
      redirect: false,
      redirectTo: safeRedirect(input.callbackUrl, "/account"),
    });
    if (typeof url !== "string") throw new Error(`signIn(${input.provider}) gave no address to go to`);
    return { redirectTo: url };
  },
});
