import { spawnSync } from "node:child_process";
import { beforeEach, expect, test } from "vitest";
import { verifyPassword } from "../../../src/server/auth/password";
import { resetDb, testDb } from "../../support/db";

// `npm run user:create` against the test database (SQLite, or PostgreSQL under TEST_DATABASE_URL).
const run = (args: string[], stdin: string) =>
  spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/user-create.ts", ...args], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env },
    timeout: 60_000,
  });

beforeEach(() => resetDb());

test("creates an admin from --password-stdin, once", async () => {
  const args = ["--email", "Chief@Agency.gov", "--name", "Chief", "--role", "admin", "--password-stdin"];
  const first = run(args, "a long enough password\n");
  expect(first.stderr).toBe("");
  expect(first.status).toBe(0);
  const user = await testDb().user.findUniqueOrThrow({ where: { email: "chief@agency.gov" } });
  expect(user.role).toBe("ADMIN");
  expect(await verifyPassword("a long enough password", user.passwordHash)).toBe(true);
  expect(await testDb().auditEvent.count({ where: { action: "user.created", targetId: user.id } })).toBe(1);

  const again = run(args, "a long enough password\n");
  expect(again.status).toBe(1);
  expect(again.stderr).toContain("already exists");
});

test("refuses bad input with a clear message and creates nothing", async () => {
  const result = run(["--email", "nope", "--name", "X", "--role", "wizard", "--password-stdin"], "short");
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("--email: Enter a valid email address.");
  expect(result.stderr).toContain("--role: Choose a valid role.");
  expect(result.stderr).toContain("--password: The password must be at least 10 characters.");
  expect(await testDb().user.count()).toBe(0);
});

test("prints usage without the required flags", () => {
  const result = run([], "");
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("usage: npm run user:create");
});
