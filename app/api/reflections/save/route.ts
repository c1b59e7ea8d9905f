// POST /api/reflections/save: one autosave of one reflection (JSON).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formRoute } from "@/lib/http/route";
import { envKeyring } from "@/lib/reflections/crypto";
import { saveSchema } from "@/lib/reflections/schemas";
import { saveReflection } from "@/lib/reflections/service";

export const POST = formRoute({
  schema: saveSchema,
  access: "signed-in",
  maxBytes: 256 * 1024,
  handler: async ({ input, session }) => {
    const result = await saveReflection(db, envKeyring(), session!.user.id, input);
    if (result.status === "conflict") {
      throw new AppError("conflict", "This entry was changed in another tab or on another device.", {
        details: { id: result.id, version: result.version, text: result.text, savedAt: result.savedAt },
      });
    }
    return { id: result.id, version: result.version, savedAt: result.savedAt };
  },
});
