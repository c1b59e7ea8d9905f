// What the comment and moderation forms accept.
import { z } from "zod";
import { MAX_COMMENT_CHARS } from "./limits";
import { COMMENT_ACTIONS, USER_ACTIONS } from "./moderation-actions";
import { COMMENT_SORTS, REPORT_REASONS } from "./types";

export const idSchema = z.string().regex(/^[\w-]{1,64}$/, { error: "That is not a valid id." });
const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, { error: "That is not a valid guide." });
const optionalText = (max: number, what: string) =>
  z
    .string()
    .max(max, { error: `${what} can be at most ${max} characters.` })
    .optional()
    .nullable();

const body = z
  .string({ error: "Please write something first." })
  .max(MAX_COMMENT_CHARS, { error: `A comment can be at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters.` })
  .refine((text) => text.trim().length > 0, { error: "Please write something first." });

export const postSchema = z.object({
  guide: slug,
  parentId: idSchema
    .optional()
    .nullable()
    .or(z.literal("").transform(() => null)),
  body,
  postKey: z.uuid({ error: "Not a valid post id." }).optional().nullable(),
});

export const editSchema = z.object({ id: idSchema, body });
export const idOnlySchema = z.object({ id: idSchema });

const flag = z
  .union([z.boolean(), z.enum(["true", "false", "on", "off"])])
  .transform((v) => v === true || v === "true" || v === "on");

export const helpfulSchema = z.object({ id: idSchema, helpful: flag });
export const muteSchema = z.object({ userId: idSchema, muted: flag });

export const reportSchema = z
  .object({
    id: idSchema,
    reason: z.enum(Object.keys(REPORT_REASONS) as [keyof typeof REPORT_REASONS], { error: "Choose a reason." }),
    details: optionalText(1000, "Details"),
  })
  .refine((r) => r.reason !== "OTHER" || !!r.details?.trim(), {
    error: "Please say what is wrong.",
    path: ["details"],
  });

export const listQuerySchema = z.object({
  sort: z.enum(COMMENT_SORTS, { error: "Sort by oldest, newest or helpful." }).default("oldest"),
  cursor: z.string().max(400).optional().nullable(),
});

export const moderateCommentSchema = z.object({
  id: idSchema,
  action: z.enum(COMMENT_ACTIONS, { error: "Choose an action." }),
  reason: optionalText(500, "A reason"),
  note: optionalText(1000, "A note"),
});

export const moderateUserSchema = z.object({
  userId: idSchema,
  action: z.enum(USER_ACTIONS, { error: "Choose an action." }),
  until: z
    .string()
    .max(40)
    .optional()
    .nullable()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: "That is not a date." });
        return z.NEVER;
      }
      return date;
    }),
  reason: optionalText(500, "A reason"),
  note: optionalText(1000, "A note"),
});

export const guideModeSchema = z.object({
  slug,
  mode: z.enum(["OPEN", "PREMODERATED", "CLOSED"], { error: "Choose open, pre-moderated or closed." }),
  note: optionalText(1000, "A note"),
});

export const wordSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("add"),
    word: z.string().min(1, { error: "Type a word or phrase." }).max(100, { error: "At most 100 characters." }),
    list: z.enum(["BANNED", "SUSPECT"], { error: "Choose banned or suspect." }),
  }),
  z.object({ action: z.literal("remove"), id: idSchema }),
]);
