import { z } from "zod";
import { requestDeletionLink } from "@/lib/accounts/deletion";
import { formRoute } from "@/lib/http/route";
import { DELETE_ACCOUNT_LINK_MINUTES } from "@/lib/mail/templates";

export const POST = formRoute({
  schema: z.object({}),
  access: "signed-in",
  handler: async ({ session, ip }) => {
    const email = await requestDeletionLink(session!.user.id, ip);
    return {
      message: `We sent a link to ${email}. Open it within ${DELETE_ACCOUNT_LINK_MINUTES} minutes to delete your account; until then, nothing changes.`,
    };
  },
});
