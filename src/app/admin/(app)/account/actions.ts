"use server";
import { revalidatePath } from "next/cache";
import { changePasswordSchema, uiLocaleSchema } from "@/domain/auth/schemas";
import { fieldErrorsOf, formString, type FormState } from "@/components/admin/form-state";
import { getCurrentUser, setUiLocaleCookie } from "@/server/auth/current";
import { changeOwnPassword, setOwnLocale } from "@/server/auth/users";
import { db } from "@/server/db";

async function actor() {
  const user = await getCurrentUser();
  return user ? { id: user.id, role: user.role, sessionId: user.sessionId } : null;
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formString(formData, "currentPassword"),
    newPassword: formString(formData, "newPassword"),
    confirmPassword: formString(formData, "confirmPassword"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await changeOwnPassword(db(), await actor(), parsed.data);
  return result.ok ? { ok: true, message: "account.passwordChanged" } : { error: result.code };
}

export async function setLanguageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = uiLocaleSchema.safeParse(formString(formData, "locale"));
  if (!locale.success) return { fieldErrors: { locale: "locale_invalid" } };
  const result = await setOwnLocale(db(), await actor(), locale.data);
  if (!result.ok) return { error: result.code };
  await setUiLocaleCookie(locale.data);
  revalidatePath("/admin", "layout");
  return { ok: true, message: "account.languageSaved" };
}
