// POST /api/reflections/restore: make an earlier version of an entry current again (a form, so it works without JavaScript).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formRoute } from "@/lib/http/route";
import { envKeyring } from "@/lib/reflections/crypto";
import { restoreSchema } from "@/lib/reflections/schemas";
import { restoreVersion } from "@/lib/reflections/service";

export const POST = formRoute({
  schema: restoreSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    const result = await restoreVersion(db, envKeyring(), session!.user.id, input.id, input.version);
    if (result.status === "conflict") {
      throw new AppError("conflict", "This entry was saved again while you were restoring. Look again, then choose.");
    }
    const notice = result.unchanged ? `unchanged=${input.version}` : `restored=${input.version}&as=${result.version}`;
    return { redirectTo: `/journey/entries/${encodeURIComponent(input.id)}?${notice}`, version: result.version };
  },
});
