import { z } from "zod";
import { MAX_REFLECTION_CHARS } from "./limits";

const slug = z.string().max(100);

export const saveSchema = z.object({
  target: z.union([
    z.object({ guide: slug, step: slug }),
    z.object({ id: z.uuid({ error: "Not a valid entry id." }) }),
  ]),
  text: z
    .string()
    .max(MAX_REFLECTION_CHARS, { error: `A reflection can be at most ${MAX_REFLECTION_CHARS} characters.` }),
  baseVersion: z.number().int().min(0),
  saveId: z.uuid({ error: "Not a valid save id." }),
});

export const restoreSchema = z.object({
  id: z.string().regex(/^[\w-]{1,100}$/, { error: "Not a valid entry id." }),
  version: z.coerce.number().int().min(1),
});
