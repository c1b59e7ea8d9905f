import { z } from "zod";
import { signIn } from "@/auth";
import { emailOnlySchema } from "@/lib/accounts/schemas";
import { formRoute, safeRedirect } from "@/lib/http/route";
import { consume } from "@/lib/rate-limit";

export const POST = formRoute({
  schema: emailOnlySchema.extend({ callbackUrl: z.string().max(500).optional() }),
  handler: async ({ input, ip }) => {
    await consume("emailIp", ip);
    await consume("emailAccount", input.email);
    await signIn("nodemailer", {
      email: input.email,
      redirect: false,
      redirectTo: safeRedirect(input.callbackUrl, "/account"),
    });
    return { redirectTo: "/sign-in/check-email" };
  },
});
