import "server-only";
import { fail, ok, type Result } from "@/domain/result";
import type { ContentLocale as Locale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { recordAudit } from "../audit";
import { newDeviceCookie, trustedDevice } from "./device";
import { dummyHash, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { auditFailedSignIn } from "./sign-in-audit";
import { recordSuccess, reserveAttempt, signInKeys, waitMinutes } from "./throttle";

export type SignInResult = Result<
  { token: string; expiresAt: Date; device: string; user: { id: string; locale: Locale } },
  "invalid_credentials" | "throttled"
>;

export interface SignInInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** the browser's device cookie, if any (./device.ts) */
  device?: string;
}

/**
 * Checks email and password. Unknown email, wrong password and disabled account all answer
 * "invalid_credentials" after the same slow hash, so nothing reveals which accounts exist. The
 * attempt is counted before the check (./throttle.ts): past the allowed failures it is not checked
 * at all and the answer is "throttled", for known and unknown accounts alike.
 */
export async function signIn(db: Db, input: SignInInput, now = new Date()): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const device = await trustedDevice(db, input.device, email);
  const keys = await signInKeys(db, { email, device, ip: input.ip });
  const reserved = await reserveAttempt(db, keys, now);
  if (!reserved.ok) return fail("throttled", { params: { minutes: waitMinutes(reserved.waitMs) } });

  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !valid || user.disabled) {
    const streak = reserved.failures.get(keys[0]!) ?? 1;
    await auditFailedSignIn(db, { email, userId: user?.id ?? null, ip: input.ip, streak }, now);
    return fail("invalid_credentials");
  }
  await recordSuccess(db, keys);
  const session = await createSession(db, user.id, { ip: input.ip, userAgent: input.userAgent }, now);
  await recordAudit(db, { actorId: user.id, action: "auth.sign_in", ip: input.ip });
  return ok({
    ...session,
    device: device ? input.device! : await newDeviceCookie(db, email),
    user: { id: user.id, locale: user.locale },
  });
}
