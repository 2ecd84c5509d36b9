import "server-only";
import { fail, ok, type Result } from "@/domain/result";
import type { Locale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { recordAudit } from "../audit";
import { dummyHash, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { clearFailures, lockedFor, recordFailure, throttleKeys } from "./throttle";

export type SignInResult = Result<
  { token: string; expiresAt: Date; user: { id: string; locale: Locale } },
  "invalid_credentials" | "throttled"
>;

/**
 * Checks email and password. Unknown email, wrong password and disabled account all answer
 * "invalid_credentials" after the same slow hash, so nothing reveals which accounts exist.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.ip);
  const wait = await lockedFor(db, keys, now);
  if (wait > 0) return fail("throttled", { params: { minutes: Math.ceil(wait / 60_000) } });

  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !valid || user.disabled) {
    await recordFailure(db, keys, now);
    await recordAudit(db, {
      actorId: null,
      action: "auth.sign_in_failed",
      targetId: user?.id,
      detail: { email: email.slice(0, 254) },
      ip: input.ip,
    });
    return fail("invalid_credentials");
  }
  await clearFailures(db, keys[0]!);
  const session = await createSession(db, user.id, { ip: input.ip, userAgent: input.userAgent }, now);
  await recordAudit(db, { actorId: user.id, action: "auth.sign_in", ip: input.ip });
  return ok({ ...session, user: { id: user.id, locale: user.locale } });
}
