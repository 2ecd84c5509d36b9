import { spawnSync } from "node:child_process";
import { beforeEach, expect, test } from "vitest";
import { hashPassword, verifyPassword } from "../../../src/server/auth/password";
import { createSession, findSessionUser } from "../../../src/server/auth/sessions";
import { resetDb, testDb } from "../../support/db";

// `npm run user:password` against the test database (SQLite, or PostgreSQL under TEST_DATABASE_URL):
// how an operator sets a demo or forgotten password without a session.
const db = testDb();
const run = (args: string[], stdin = "") =>
  spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/user-password.ts", ...args], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env },
    timeout: 60_000,
  });

beforeEach(async () => {
  await resetDb();
  await db.user.create({
    data: {
      email: "chief@agency.gov",
      displayName: "C",
      role: "ADMIN",
      passwordHash: await hashPassword("old password!"),
    },
  });
});

test("sets a password from stdin, ends the sessions, audits a reset by the system", { timeout: 90_000 }, async () => {
  const user = await db.user.findUniqueOrThrow({ where: { email: "chief@agency.gov" } });
  const session = await createSession(db, user.id);
  const result = run(["--email", "Chief@Agency.gov", "--password-stdin"], "a brand new password\n");
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("Password set for chief@agency.gov");
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(await verifyPassword("a brand new password", after.passwordHash)).toBe(true);
  expect(await findSessionUser(db, session.token)).toBeNull();
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password_reset", targetId: user.id } });
  expect(audit.actorId).toBeNull();
});

test("generates and prints one with --generate", { timeout: 90_000 }, async () => {
  const result = run(["--email", "chief@agency.gov", "--generate"]);
  expect(result.status).toBe(0);
  const password = /New password for chief@agency\.gov: (\S+)/.exec(result.stdout)?.[1];
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  const after = await db.user.findUniqueOrThrow({ where: { email: "chief@agency.gov" } });
  expect(await verifyPassword(password!, after.passwordHash)).toBe(true);
});

test(
  "refuses an unknown account, a short password and missing flags, changing nothing",
  { timeout: 90_000 },
  async () => {
    const before = (await db.user.findUniqueOrThrow({ where: { email: "chief@agency.gov" } })).passwordHash;
    const unknown = run(["--email", "nobody@agency.gov", "--password-stdin"], "a brand new password");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe("There is no account with nobody@agency.gov.");
    const short = run(["--email", "chief@agency.gov", "--password-stdin"], "short");
    expect(short.status).toBe(1);
    expect(short.stderr.trim()).toBe("--password: The password must be at least 10 characters.");
    const usage = run([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage: npm run user:password");
    expect((await db.user.findUniqueOrThrow({ where: { email: "chief@agency.gov" } })).passwordHash).toBe(before);
  },
);
