// Auth and user forms, shared by server actions and client forms. Messages are i18n keys.
import { z } from "zod";
import { ROLES } from "./permissions";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const emailSchema = z.string().trim().toLowerCase().max(254, "email_invalid").pipe(z.email("email_invalid"));
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, "password_too_short")
  .max(PASSWORD_MAX, "password_too_long");

export const signInSchema = z.object({
  email: z.string().trim().min(1, "email_required").max(254, "email_invalid"),
  password: z.string().min(1, "password_required").max(PASSWORD_MAX, "password_too_long"),
});

export const roleSchema = z.enum(ROLES, { message: "role_invalid" });
export const uiLocaleSchema = z.enum(["zh", "en"], { message: "locale_invalid" });

export const createUserSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1, "name_required").max(100, "name_too_long"),
  role: roleSchema,
  password: newPasswordSchema,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "password_required").max(PASSWORD_MAX, "password_too_long"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "password_mismatch", path: ["confirmPassword"] });
