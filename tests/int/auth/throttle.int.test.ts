import { beforeEach, describe, expect, test, vi } from "vitest";
import { THROTTLE_POLICIES } from "../../../src/domain/auth/throttle-policy";
import { hashPassword } from "../../../src/server/auth/password";
import { signIn } from "../../../src/server/auth/sign-in";
import { UNKNOWN_PER_HOUR, auditFailedSignIn } from "../../../src/server/auth/sign-in-audit";
import { changeOwnPassword } from "../../../src/server/auth/users";
import { listAuditEvents } from "../../../src/server/releases/admin-queries";
import { resetDb, testDb } from "../../support/db";

// Progressive delays against the real database (SQLite here, PostgreSQL in `npm run test:pg`), with
// real parallel calls: the check and the count are one statement, so no burst gets more password
// checks than the policy allows, and a stranger failing on purpose cannot keep the owner out.

// Dozens of real scrypt checks per test, in parallel, on a shared machine.
vi.setConfig({ testTimeout: 90_000 });
const db = testDb();
const PASSWORD = "correct horse battery";
const { account, client, user: userPolicy } = THROTTLE_POLICIES;
const t0 = new Date("2026-03-01T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
let hash: string;
let edId: string;

beforeEach(async () => {
  await resetDb();
  hash ??= await hashPassword(PASSWORD);
  edId = (await db.user.create({ data: { email: "ed@x.test", displayName: "E", role: "EDITOR", passwordHash: hash } }))
    .id;
  await db.user.create({ data: { email: "tr@x.test", displayName: "T", role: "TRANSLATOR", passwordHash: hash } });
});

const attempt = (email: string, password: string, now: Date, ip: string | null = "10.0.0.1", device?: string) =>
  signIn(db, { email, password, ip, userAgent: "vitest", device }, now);
const codes = (results: { ok: boolean; code?: string }[]) =>
  results
    .map((r) => (r.ok ? "ok" : r.code!))
    .reduce<Record<string, number>>((n, c) => ({ ...n, [c]: (n[c] ?? 0) + 1 }), {});
const failedAudits = (targetId: string | null) =>
  db.auditEvent.count({ where: { action: "auth.sign_in_failed", targetId } });

describe("sign-in", () => {
  test("after the free failures each next attempt waits longer, up to the cap; the password is not even checked", async () => {
    let now = 0;
    for (let i = 0; i < account.free; i++)
      expect(await attempt("ed@x.test", "wrong", at(now))).toMatchObject({ code: "invalid_credentials" });
    // 30 s, then 60 s, 120 s …: the right password is refused (not checked) until each delay has passed.
    for (const wait of [30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]) {
      expect(await attempt("ed@x.test", PASSWORD, at(now + wait - 1_000))).toMatchObject({ code: "throttled" });
      now += wait;
      expect(await attempt("ed@x.test", "wrong", at(now))).toMatchObject({ code: "invalid_credentials" });
    }
    expect(await failedAudits(edId)).toBe(account.free + 7);
    expect(await attempt("ed@x.test", PASSWORD, at(now + 899_000))).toMatchObject({
      code: "throttled",
      params: { minutes: 1 },
    });
    expect((await attempt("ed@x.test", PASSWORD, at(now + 900_000))).ok).toBe(true);
    // A success starts the account over.
    expect(await attempt("ed@x.test", "wrong", at(now + 900_001))).toMatchObject({ code: "invalid_credentials" });
  });

  test("parallel attempts get at most the allowed number of password checks", async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, () => attempt("ed@x.test", "wrong", t0)));
    expect(codes(burst)).toEqual({ invalid_credentials: account.free, throttled: 20 - account.free });
    expect(await failedAudits(edId)).toBe(account.free);
    // The right password, in parallel too, is not checked while the delay runs.
    const late = await Promise.all(Array.from({ length: 5 }, () => attempt("ed@x.test", PASSWORD, at(1_000))));
    expect(codes(late)).toEqual({ throttled: 5 });
    expect(await db.session.count()).toBe(0);
  });

  test("unknown accounts are throttled the same way and answer the same", async () => {
    const burst = await Promise.all(Array.from({ length: 8 }, () => attempt("ghost@x.test", "wrong", t0, "10.0.0.2")));
    const known = await Promise.all(Array.from({ length: 8 }, () => attempt("ed@x.test", "wrong", t0, "10.0.0.3")));
    expect(codes(burst)).toEqual(codes(known));
  });

  test("per client across accounts, known and unknown; other clients are not affected", async () => {
    const burst = await Promise.all(
      Array.from({ length: client.free + 10 }, (_, i) => attempt(`ghost${i}@x.test`, "wrong", t0, "10.9.9.9")),
    );
    expect(codes(burst)).toEqual({ invalid_credentials: client.free, throttled: 10 });
    expect(await attempt("ed@x.test", PASSWORD, at(1_000), "10.9.9.9")).toMatchObject({ code: "throttled" });
    expect((await attempt("ed@x.test", PASSWORD, at(1_000), "10.1.1.1")).ok).toBe(true);
    // One IPv6 subscriber cannot escape by changing addresses inside its /64.
    const v6 = await Promise.all(
      Array.from({ length: client.free + 1 }, (_, i) =>
        attempt(`v6-${i}@x.test`, "wrong", t0, `2001:db8:1:2::${i + 1}`),
      ),
    );
    expect(codes(v6)).toEqual({ invalid_credentials: client.free, throttled: 1 });
  });

  test("a stranger failing on purpose cannot keep the owner out: the owner's browser has its own counter", async () => {
    const owner = await attempt("ed@x.test", PASSWORD, t0, "10.0.0.5");
    if (!owner.ok) throw new Error(owner.code);
    const device = owner.value.device;
    // Hours of failures from many addresses, each as soon as it is allowed: the account stays delayed …
    let now = 1_000;
    for (let i = 0; i < 12; i++, now += 900_000) await attempt("ed@x.test", "wrong", at(now), `198.51.100.${i}`);
    expect(await attempt("ed@x.test", PASSWORD, at(now - 890_000), "10.0.0.6")).toMatchObject({ code: "throttled" });
    // … but the owner's browser signs in at any moment, and its cookie is worth nothing for another account.
    expect((await attempt("ed@x.test", PASSWORD, at(now - 890_000), "10.0.0.5", device)).ok).toBe(true);
    expect(
      await attempt(
        "ed@x.test",
        PASSWORD,
        at(now - 880_000),
        "10.0.0.5",
        device.replace(/.$/, (c) => (c === "x" ? "y" : "x")),
      ),
    ).toMatchObject({
      code: "throttled",
    });
    // The owner's own typos are throttled on the browser's key like any other.
    const typos = await Promise.all(
      Array.from({ length: 8 }, () => attempt("ed@x.test", "typo", at(now), "10.0.0.5", device)),
    );
    expect(codes(typos)).toEqual({ invalid_credentials: 5, throttled: 3 });
  });
});

describe("failed sign-ins in the audit log", () => {
  test("never store what was typed; unknown accounts once per streak", async () => {
    const typedPassword = "Summer2026!secret";
    await attempt(typedPassword, "x", t0);
    await attempt("someone@agency.example", "x", t0);
    for (let i = 1; i < 4; i++) await attempt("someone@agency.example", "x", at(i));
    await attempt("ed@x.test", "hunter2-wrong", t0);
    const events = await db.auditEvent.findMany({
      where: { action: "auth.sign_in_failed" },
      orderBy: { createdAt: "asc" },
    });
    const stored = JSON.stringify(events);
    for (const secret of [typedPassword, "someone@", "hunter2", "ed@x.test"]) expect(stored).not.toContain(secret);
    // Three of them share one time (t0): compared as a set, not in an order PostgreSQL may vary.
    const recorded = events.map((e) => JSON.stringify([e.targetId, JSON.parse(e.detail!)])).sort();
    const expected = [
      [null, { account: "unknown", typed: null }],
      [null, { account: "unknown", typed: "s…@agency.example" }],
      [edId, { account: "known" }],
    ];
    expect(recorded).toEqual(expected.map((e) => JSON.stringify(e)).sort());
    const keys = (await db.authThrottle.findMany()).map((k) => k.key).join(" ");
    expect(keys).not.toMatch(/someone|agency|Summer|10\.0\.0\.1/);
    expect(keys).toMatch(/^((account|client):[\w-]{32} ?)+$/);
  });
});

describe("the audit log stays bounded and private", () => {
  test("attempts on accounts that do not exist are recorded at most UNKNOWN_PER_HOUR times an hour", async () => {
    for (let i = 0; i < UNKNOWN_PER_HOUR + 20; i++) {
      await auditFailedSignIn(db, { email: `spray${i}@x.test`, userId: null, ip: "10.0.0.1", streak: 1 }, at(i));
    }
    expect(await failedAudits(null)).toBe(UNKNOWN_PER_HOUR);
    // An hour later, recording resumes.
    await auditFailedSignIn(db, { email: "later@x.test", userId: null, ip: null, streak: 1 }, at(3_600_000 + 1_000));
    expect(await failedAudits(null)).toBe(UNKNOWN_PER_HOUR + 1);
  });

  test("failed sign-ins and password checks are listed for administrators only", async () => {
    await attempt("ed@x.test", "wrong", t0);
    await changeOwnPassword(
      db,
      { id: edId, role: "EDITOR", sessionId: "s" },
      { currentPassword: "x", newPassword: "y".repeat(12) },
    );
    const actions = async (securityEvents: boolean) =>
      (await listAuditEvents(db, 1, undefined, { securityEvents })).events.map((e) => e.action).sort();
    expect(await actions(false)).toEqual([]);
    expect(await actions(true)).toEqual(["auth.sign_in_failed", "user.password_change_failed"]);
    const failed = (await listAuditEvents(db, 1, undefined, { securityEvents: true })).events.find(
      (e) => e.action === "auth.sign_in_failed",
    );
    expect(failed?.targetEmail).toBe("ed@x.test");
  });
});

describe("changing one's own password", () => {
  const actor = () => ({ id: edId, role: "EDITOR" as const, sessionId: "s" });
  const change = (current: string, now: Date) =>
    changeOwnPassword(
      db,
      actor(),
      { currentPassword: current, newPassword: "a brand new password" },
      { ip: "10.0.0.1" },
      now,
    );

  test("is throttled per user, in parallel too, and every try is audited", async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => change("wrong", t0)));
    expect(codes(burst)).toEqual({ wrong_password: userPolicy.free, throttled: 12 - userPolicy.free });
    expect(await change(PASSWORD, at(1_000))).toMatchObject({ code: "throttled" });
    expect(await db.auditEvent.count({ where: { action: "user.password_change_failed", targetId: edId } })).toBe(
      userPolicy.free,
    );
    expect(await change(PASSWORD, at(userPolicy.baseMs))).toEqual({ ok: true, value: null });
    expect(await db.auditEvent.count({ where: { action: "user.password_changed", targetId: edId } })).toBe(1);
  });
});
