import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/domain/auth/actor";
import { cookieSecure } from "@/domain/auth/cookie-policy";
import { can, type Permission } from "@/domain/auth/permissions";
import { isContentLocale, type ContentLocale } from "@/i18n/settings";
import { db } from "../db";
import { env } from "../env";
import { requestIsHttps } from "../request-info";
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S } from "./device";
import { ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE, findSessionUser, type SessionUser } from "./sessions";

// The data-access layer's view of "who is asking". Every admin page, server action and route
// handler calls one of these; proxy.ts is never the only check.

export const UI_LOCALE_COOKIE = "newsroom_ui_locale";

/** The signed-in user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return findSessionUser(db(), token);
});

/** Who is acting in this request (server actions and route handlers), or null when signed out. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const user = await getCurrentUser();
  return user ? { id: user.id, role: user.role, sessionId: user.sessionId } : null;
});

/** For pages: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/admin/login");
  return user;
}

/** For pages: the user holding `permission`; others get a 404 (the page's existence is not revealed). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) notFound();
  return user;
}

/** Secure cookies whenever the site is reached over HTTPS (src/domain/auth/cookie-policy.ts). */
export async function secureCookies(): Promise<boolean> {
  const { NODE_ENV, SITE_URL } = env();
  return cookieSecure({ nodeEnv: NODE_ENV, siteUrl: SITE_URL, requestHttps: await requestIsHttps() });
}

export async function setSessionCookie(token: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await secureCookies(),
    path: "/",
    maxAge: Math.floor(ABSOLUTE_TIMEOUT_MS / 1000),
  });
}

/** The device cookie (./device.ts): only sign-in reads it, so it is scoped to the admin paths. */
export async function deviceCookie(): Promise<string | undefined> {
  return (await cookies()).get(DEVICE_COOKIE)?.value;
}

export async function setDeviceCookie(value: string): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: await secureCookies(),
    path: "/admin",
    maxAge: DEVICE_MAX_AGE_S,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete({ name: SESSION_COOKIE, path: "/" });
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/**
 * The admin UI language: the user's preference, else the ui-locale cookie, else Chinese. The back
 * office works in the languages content is written in (the Traditional edition is public only).
 */
export async function uiLocale(): Promise<ContentLocale> {
  const user = await getCurrentUser();
  if (user) return user.locale;
  const cookie = (await cookies()).get(UI_LOCALE_COOKIE)?.value;
  return isContentLocale(cookie) ? cookie : "zh";
}

export async function setUiLocaleCookie(locale: ContentLocale): Promise<void> {
  (await cookies()).set(UI_LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: "lax",
    secure: await secureCookies(),
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}
