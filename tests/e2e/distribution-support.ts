import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";

// Distribution fixtures for end-to-end tests, written straight into the e2e server's database (no
// test-only endpoint exists): a private early-access link to the seeded embargoed release.

const dbFile = `/tmp/newsroom-e2e-${process.env.E2E_PORT ?? 3100}.db`;
export const EMBARGOED_SLUG = "ip5-heads-meeting";

/** A valid /{locale}/embargoed/{token} token for the seeded embargoed release (a new grant each call). */
export function embargoToken(email = `fixture-${randomBytes(4).toString("hex")}@example.com`): string {
  const token = randomBytes(32).toString("base64url");
  const db = new Database(dbFile, { fileMustExist: true, timeout: 5_000 });
  try {
    const release = db
      .prepare(`SELECT "releaseId", "updatedAt" FROM "Publication" WHERE "slug" = ? AND "locale" = 'zh'`)
      .get(EMBARGOED_SLUG) as { releaseId: string; updatedAt: string };
    db.prepare(
      `INSERT INTO "EmbargoGrant" ("id", "releaseId", "email", "name", "language", "tokenHash", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      randomBytes(12).toString("hex"),
      release.releaseId,
      email,
      "Fixture",
      "both",
      createHash("sha256").update(token).digest("hex"),
      release.updatedAt,
    );
  } finally {
    db.close();
  }
  return token;
}
