"use server";
import { redirect } from "next/navigation";
import { signInSchema } from "@/domain/auth/schemas";
import { fieldErrorsOf, formString, formValues, type FormState } from "@/components/admin/form-state";
import { isLocale } from "@/i18n/settings";
import { setSessionCookie, setUiLocaleCookie, userAgent } from "@/server/auth/current";
import { clientIp } from "@/server/request-info";
import { signIn } from "@/server/auth/sign-in";
import { db } from "@/server/db";

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
  const result = await signIn(db(), { ...parsed.data, ip: await clientIp(), userAgent: await userAgent() });
  if (!result.ok) {
    return result.code === "throttled"
      ? { error: "throttled", errorParams: { minutes: result.retryAfterMinutes }, values }
      : { error: "invalid_credentials", values };
  }
  await setSessionCookie(result.token);
  await setUiLocaleCookie(result.user.locale);
  redirect(safeNext(formString(formData, "next")));
}

/** The language of the sign-in page, before anyone is signed in. */
export async function chooseLoginLanguageAction(formData: FormData): Promise<void> {
  const locale = formString(formData, "locale");
  if (isLocale(locale)) await setUiLocaleCookie(locale);
  redirect("/admin/login");
}
