// POST /api/admin/words: admins add a word to the banned or suspect list, or remove one.
import { addWord, removeWord } from "@/lib/comments/moderation";
import { wordSchema } from "@/lib/comments/schemas";
import { db } from "@/lib/db";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: wordSchema,
  access: "ADMIN",
  handler: async ({ input, session }) => {
    if (input.action === "add") {
      await addWord(db, session!.user, input.word, input.list);
      return { message: `“${input.word.trim()}” is on the ${input.list === "BANNED" ? "banned" : "suspect"} list.` };
    }
    await removeWord(db, session!.user, input.id);
    return { message: "Removed from the list." };
  },
});
