import { z } from "zod";
import { signInSchema } from "@/lib/accounts/schemas";
import { startSession } from "@/lib/accounts/session";
import { formRoute, safeRedirect } from "@/lib/http/route";
import { consume, reset } from "@/lib/rate-limit";

export const POST = formRoute({
  schema: signInSchema.extend({ callbackUrl: z.string().max(500).optional() }),
  handler: async ({ input, ip }) => {
    await consume("signInIp", ip);
    await consume("signInAccount", input.email);
    await startSession(input.email, input.password);
    await reset("signInAccount", input.email);
    return { redirectTo: safeRedirect(input.callbackUrl, "/account") };
  },
});
