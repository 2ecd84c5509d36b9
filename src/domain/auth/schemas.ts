// Auth and user forms, shared by server actions and client forms. Messages are i18n keys. Every text
// is made well-formed first (src/domain/text.ts).
import { z } from "zod";
import { textSchema } from "@/domain/text";
import { ROLES } from "./permissions";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const emailSchema = textSchema().trim().toLowerCase().max(254, "email_invalid").pipe(z.email("email_invalid"));
export const newPasswordSchema = textSchema()
  .min(PASSWORD_MIN, "password_too_short")
  .max(PASSWORD_MAX, "password_too_long");

export const signInSchema = z.object({
  email: textSchema().trim().min(1, "email_required").max(254, "email_invalid"),
  password: textSchema().min(1, "password_required").max(PASSWORD_MAX, "password_too_long"),
});

export const roleSchema = z.enum(ROLES, { message: "role_invalid" });
export const uiLocaleSchema = z.enum(["zh", "en"], { message: "locale_invalid" });

export const createUserSchema = z.object({
  email: emailSchema,
  displayName: textSchema().trim().min(1, "name_required").max(100, "name_too_long"),
  role: roleSchema,
  password: newPasswordSchema,
});

export const changePasswordSchema = z
  .object({
    currentPassword: textSchema().min(1, "password_required").max(PASSWORD_MAX, "password_too_long"),
    newPassword: newPasswordSchema,
    confirmPassword: textSchema(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "password_mismatch", path: ["confirmPassword"] });
