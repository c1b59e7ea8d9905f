// The inputs of every account form, shared by the forms and the server.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, newPasswordSchema } from "@/lib/auth/password";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const displayNameSchema = z
  .string({ error: "Choose a display name." })
  .trim()
  .min(2, { error: "Use at least 2 characters." })
  .max(40, { error: "Use at most 40 characters." })
  .refine((name) => !/[@<>]/.test(name), { error: "A display name can’t contain @, < or >." })
  .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), { error: "A display name can’t contain control characters." });

const currentPassword = z
  .string({ error: "Enter your password." })
  .min(1, { error: "Enter your password." })
  .max(MAX_PASSWORD_LENGTH, { error: "That password is too long." });

export const signUpSchema = z.object({ name: displayNameSchema, email: emailSchema, password: newPasswordSchema });
export const signInSchema = z.object({ email: emailSchema, password: currentPassword });
export const emailOnlySchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: z.string().min(20).max(100), password: newPasswordSchema });
export const changeNameSchema = z.object({ name: displayNameSchema });
export const changeEmailSchema = z.object({ email: emailSchema, password: currentPassword.optional() });
export const changePasswordSchema = z.object({ current: currentPassword.optional(), password: newPasswordSchema });
export const confirmPasswordSchema = z.object({ password: currentPassword });
