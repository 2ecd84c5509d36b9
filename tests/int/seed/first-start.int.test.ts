import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, expect, test } from "vitest";
import { verifyPassword } from "../../../src/server/auth/password";
import { createDb } from "../../../src/server/db/client";

// What `npm start` does to a new embedded database (scripts/prepare-db.ts): the demo accounts get a
// password generated for that database, printed once; never the old public one, never empty.

const file = `/tmp/newsroom-first-start-${process.pid}.db`;
const clean = () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true }));
afterAll(clean);

function prepare(extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${file}`, ...extra };
  if (!("DEMO_PASSWORD" in extra)) delete env.DEMO_PASSWORD;
  const run = spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/prepare-db.ts"], {
    encoding: "utf8",
    env,
    timeout: 90_000,
  });
  expect(run.stderr, run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
}

test("without DEMO_PASSWORD: a generated password, printed once, that signs in", { timeout: 180_000 }, async () => {
  clean();
  const first = prepare();
  const password = /generated for this database and shown only now: (\S+)/.exec(first)?.[1];
  expect(password, first).toBeTruthy();
  expect(password).not.toBe("newsroom-demo");
  expect(password!.length).toBeGreaterThanOrEqual(16);
  expect(first).toContain("npm run user:password -- --email admin@example.com");

  const db = createDb(`file:${file}`);
  try {
    const users = await db.user.findMany();
    expect(users).toHaveLength(3);
    for (const u of users) {
      expect(await verifyPassword(password!, u.passwordHash)).toBe(true);
      expect(await verifyPassword("newsroom-demo", u.passwordHash)).toBe(false);
      expect(await verifyPassword("", u.passwordHash)).toBe(false);
    }
  } finally {
    await db.$disconnect();
  }
  const second = prepare();
  expect(second).not.toContain(password);
  expect(second).not.toMatch(/password/i);

  // Another new database gets another password.
  clean();
  const other = /shown only now: (\S+)/.exec(prepare())?.[1];
  expect(other).toBeTruthy();
  expect(other).not.toBe(password);
});

test("with DEMO_PASSWORD: that password, never printed", { timeout: 120_000 }, async () => {
  clean();
  const out = prepare({ DEMO_PASSWORD: "an explicit demo password" });
  expect(out).toContain("Their password is $DEMO_PASSWORD.");
  expect(out).not.toContain("an explicit demo password");
  const db = createDb(`file:${file}`);
  try {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    expect(await verifyPassword("an explicit demo password", admin.passwordHash)).toBe(true);
  } finally {
    await db.$disconnect();
  }
});

test(
  "an archive loaded without the app: the index and the memory are built, with a progress bar each",
  { timeout: 180_000 },
  async () => {
    clean();
    prepare({ DEMO_PASSWORD: "an explicit demo password" });
    const db = createDb(`file:${file}`);
    try {
      await db.$executeRawUnsafe(`DELETE FROM "SearchDocument"`);
      await db.tmUnit.deleteMany();
    } finally {
      await db.$disconnect();
    }
    const run = spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/prepare-db.ts"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${file}`, DEMO_PASSWORD: "an explicit demo password" },
      timeout: 90_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Built the search index.");
    expect(run.stdout).toContain("Built the translation memory.");
    // Not a terminal: a line per tenth, the last one at 100%.
    expect(run.stderr).toMatch(/^Building the search index .* 100% (\d+)\/\1 /m);
    expect(run.stderr).toMatch(/^Translation memory: published releases .* 100% (\d+)\/\1 /m);

    const again = spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/prepare-db.ts"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${file}`, DEMO_PASSWORD: "an explicit demo password" },
      timeout: 90_000,
    });
    expect(again.stderr).toBe(""); // nothing to build: no bar
  },
);
