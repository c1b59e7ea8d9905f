import { changeNameSchema } from "@/lib/accounts/schemas";
import { changeName } from "@/lib/accounts/service";
import { formRoute } from "@/lib/http/route";

export const POST = formRoute({
  schema: changeNameSchema,
  access: "signed-in",
  handler: async ({ input, session }) => {
    await changeName(session!.user.id, input.name);
    return { message: "Your display name is saved." };
  },
});
