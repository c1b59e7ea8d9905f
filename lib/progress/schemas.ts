import { z } from "zod";

const id = z.string().max(100);

export const progressMapSchema = z
  .record(id, z.object({ done: z.array(id).max(50), furthest: id.optional() }).loose())
  .refine((map) => Object.keys(map).length <= 100, { error: "Too many guides." });

export const mergeSchema = z.object({ progress: progressMapSchema });

export const stepChangeSchema = z
  .object({ guide: id, step: id, done: z.boolean().optional(), reached: z.boolean().optional() })
  .refine((c) => c.done !== undefined || c.reached === true, { error: "Say whether the step is done or reached." });
