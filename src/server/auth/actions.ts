"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changePasswordSchema, signInSchema, uiLocaleSchema } from "@/domain/auth/schemas";
import { fieldErrorsOf, formStateOf, formString, formValues, type FormState } from "@/domain/form";
import { isContentLocale } from "@/i18n/settings";
import { recordAudit } from "../audit";
import { db } from "../db";
import { clientIp } from "../request-info";
import {
  clearSessionCookie,
  deviceCookie,
  getActor,
  sessionToken,
  setDeviceCookie,
  setSessionCookie,
  setUiLocaleCookie,
  userAgent,
} from "./current";
import { revokeSession } from "./sessions";
import { signIn } from "./sign-in";
import { changeOwnPassword, setOwnLocale } from "./users";

// Sign-in, sign-out and one's own account. Each: who are you → validate → the service decides → result.

/** Only same-site admin paths are followed after sign-in (no open redirect). */
function safeNext(value: string): string {
  return /^\/admin(\/[A-Za-z0-9\-_/]*)?$/.test(value) && !value.startsWith("/admin/login") ? value : "/admin";
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password"]);
  const parsed = signInSchema.safeParse({
    email: formString(formData, "email"),
    password: formString(formData, "password"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await signIn(db(), {
    ...parsed.data,
    ip: await clientIp(),
    userAgent: await userAgent(),
    device: await deviceCookie(),
  });
  if (!result.ok) return formStateOf(result, "", values);
  await setSessionCookie(result.value.token);
  await setDeviceCookie(result.value.device);
  await setUiLocaleCookie(result.value.user.locale);
  redirect(safeNext(formString(formData, "next")));
}

/** The language of the sign-in page, before anyone is signed in. */
export async function chooseLoginLanguageAction(formData: FormData): Promise<void> {
  const locale = formString(formData, "locale");
  if (isContentLocale(locale)) await setUiLocaleCookie(locale);
  redirect("/admin/login");
}

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  await revokeSession(db(), await sessionToken());
  await clearSessionCookie();
  if (actor) await recordAudit(db(), { actorId: actor.id, action: "auth.sign_out", ip: await clientIp() });
  redirect("/admin/login");
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formString(formData, "currentPassword"),
    newPassword: formString(formData, "newPassword"),
    confirmPassword: formString(formData, "confirmPassword"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await changeOwnPassword(db(), await getActor(), parsed.data, { ip: await clientIp() });
  return formStateOf(result, "account.passwordChanged");
}

export async function setLanguageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = uiLocaleSchema.safeParse(formString(formData, "locale"));
  if (!locale.success) return { fieldErrors: { locale: "locale_invalid" } };
  const result = await setOwnLocale(db(), await getActor(), locale.data);
  if (!result.ok) return formStateOf(result, "");
  await setUiLocaleCookie(locale.data);
  revalidatePath("/admin", "layout");
  return { ok: true, message: "account.languageSaved" };
}
