// Writes a generated archive into PostgreSQL: one multi-row INSERT … SELECT FROM unnest(…) per
// table and batch (a handful of round trips per 500 releases), one transaction per batch.
import pg from "pg";
import type { ArchiveBatch } from "./archive-rows";
import { ARCHIVE_CATEGORIES, ARCHIVE_USERS } from "./archive-shape";

type Column = [name: string, type: string];
const TEXT: Column[] = ["title", "summary", "body", "bodyText", "slug"].map((c) => [c, "text"]);
const RELEASE: Column[] = [
  ["id", "text"],
  ["status", '"ReleaseStatus"'],
  ["categoryId", "text"],
  ["releaseDate", "timestamp(3)"],
  ["featured", "boolean"],
  ["version", "integer"],
  ["authorId", "text"],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];
const CONTENT: Column[] = [
  ["id", "text"],
  ["releaseId", "text"],
  ["locale", '"Locale"'],
  ...TEXT,
  ["fingerprint", "text"],
  ["sourceFingerprint", "text"],
  ["sourceRevisionId", "text"],
  ["updatedAt", "timestamp(3)"],
];
const PUBLICATION: Column[] = [
  ["id", "text"],
  ["releaseId", "text"],
  ["locale", '"Locale"'],
  ...TEXT,
  ["categoryId", "text"],
  ["publishedAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];
const REVISION: Column[] = [
  ["id", "text"],
  ["releaseId", "text"],
  ["locale", '"Locale"'],
  ["number", "integer"],
  ...TEXT,
  ["fingerprint", "text"],
  ["authorId", "text"],
  ["createdAt", "timestamp(3)"],
];

/** A column value as text for the unnest arrays; Prisma stores DateTime as timestamp(3) in UTC. */
function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().replace("Z", "");
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new Error(`unexpected column value: ${typeof v}`);
}

function insertMany(client: pg.Client, table: string, columns: Column[], rows: object[]) {
  if (rows.length === 0) return Promise.resolve();
  const names = columns.map(([c]) => `"${c}"`).join(", ");
  const arrays = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const casts = columns.map(([c, type]) => `"${c}"::${type}`).join(", ");
  const values = columns.map(([c]) => rows.map((r) => asText((r as Record<string, unknown>)[c])));
  return client.query(
    `INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${arrays}) AS t(${names})`,
    values,
  );
}

export async function openArchivePostgres(url: string, passwordHash: string, now: Date) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const users = ARCHIVE_USERS.map((u) => ({ ...u, passwordHash, disabled: false, createdAt: now, updatedAt: now }));
  await insertMany(
    client,
    "User",
    [
      ["id", "text"],
      ["email", "text"],
      ["displayName", "text"],
      ["role", '"Role"'],
      ["passwordHash", "text"],
      ["locale", '"Locale"'],
      ["disabled", "boolean"],
      ["createdAt", "timestamp(3)"],
      ["updatedAt", "timestamp(3)"],
    ],
    users,
  );
  await insertMany(
    client,
    "Category",
    [
      ["id", "text"],
      ["slug", "text"],
      ["nameZh", "text"],
      ["nameEn", "text"],
      ["position", "integer"],
    ],
    [...ARCHIVE_CATEGORIES],
  );
  return {
    write: async (b: ArchiveBatch) => {
      await client.query("BEGIN");
      try {
        await insertMany(client, "Release", RELEASE, b.releases);
        await insertMany(client, "ReleaseContent", CONTENT, b.contents);
        await insertMany(client, "Publication", PUBLICATION, b.publications);
        await insertMany(client, "Revision", REVISION, b.revisions);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: () => client.end(),
  };
}
