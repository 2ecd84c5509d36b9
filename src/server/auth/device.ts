import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { keyedHash } from "./secrets";

// "Device cookies" (OWASP, Slow Down Online Guessing Attacks with Device Cookies): a browser that
// signed in to an account gets a cookie naming a random device id, bound to that account by an HMAC.
// Its attempts on that account are throttled on their own key, so someone failing on purpose from
// elsewhere (which delays the account for every unknown browser) cannot keep the owner out.

export const DEVICE_COOKIE = "newsroom_device";
export const DEVICE_MAX_AGE_S = 365 * 24 * 3600;
const ID = /^[A-Za-z0-9_-]{22}$/;

const macOf = async (db: Db, email: string, id: string) =>
  (await keyedHash(db, "device", `${email}\n${id}`)).slice(0, 32);

/** The device id of `cookie` when it was issued to a browser that signed in to `email`; else null. */
export async function trustedDevice(db: Db, cookie: string | undefined, email: string): Promise<string | null> {
  if (!cookie || cookie.length > 100) return null;
  const [id, mac, ...rest] = cookie.split(".");
  if (!id || !mac || rest.length || !ID.test(id)) return null;
  const expected = Buffer.from(await macOf(db, email, id));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** A new device cookie for a browser that just signed in to `email`. */
export async function newDeviceCookie(db: Db, email: string): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  return `${id}.${await macOf(db, email, id)}`;
}
