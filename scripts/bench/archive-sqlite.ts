// Writes a generated archive into SQLite with prepared statements, one transaction per batch.
import Database from "better-sqlite3";
import { sqlitePath } from "../../src/server/env";
import type { ArchiveBatch } from "./archive-rows";
import { ARCHIVE_CATEGORIES, ARCHIVE_USERS } from "./archive-shape";

/** How Prisma's SQLite adapter stores a DateTime (read back by the app as the same instant). */
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const isoOrNull = (d: Date | null) => (d ? iso(d) : null);

const insert = (table: string, columns: string[]) =>
  `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;

const TEXT = ["title", "summary", "body", "bodyText", "slug"];

export function openArchiveSqlite(url: string, passwordHash: string, now: Date) {
  const db = new Database(sqlitePath(url));
  db.pragma("journal_mode = WAL");
  // A benchmark archive in a fresh file: no fsync while loading (the app's own connections keep theirs).
  db.pragma("synchronous = OFF");
  const stamp = iso(now);
  const user = db.prepare(
    insert("User", [
      "id",
      "email",
      "displayName",
      "role",
      "passwordHash",
      "locale",
      "disabled",
      "createdAt",
      "updatedAt",
    ]),
  );
  const category = db.prepare(insert("Category", ["id", "slug", "nameZh", "nameEn", "position"]));
  db.transaction(() => {
    for (const u of ARCHIVE_USERS)
      user.run(u.id, u.email, u.displayName, u.role, passwordHash, u.locale, 0, stamp, stamp);
    for (const c of ARCHIVE_CATEGORIES) category.run(c.id, c.slug, c.nameZh, c.nameEn, c.position);
  })();
  const release = db.prepare(
    insert("Release", [
      "id",
      "status",
      "categoryId",
      "releaseDate",
      "featured",
      "version",
      "authorId",
      "createdAt",
      "updatedAt",
    ]),
  );
  const content = db.prepare(
    insert("ReleaseContent", [
      "id",
      "releaseId",
      "locale",
      ...TEXT,
      "fingerprint",
      "sourceFingerprint",
      "sourceRevisionId",
      "updatedAt",
    ]),
  );
  const publication = db.prepare(
    insert("Publication", ["id", "releaseId", "locale", ...TEXT, "categoryId", "publishedAt", "updatedAt"]),
  );
  const revision = db.prepare(
    insert("Revision", ["id", "releaseId", "locale", "number", ...TEXT, "fingerprint", "authorId", "createdAt"]),
  );
  const write = db.transaction((b: ArchiveBatch) => {
    for (const r of b.releases)
      release.run(
        r.id,
        r.status,
        r.categoryId,
        isoOrNull(r.releaseDate),
        r.featured ? 1 : 0,
        r.version,
        r.authorId,
        iso(r.createdAt),
        iso(r.updatedAt),
      );
    for (const c of b.contents)
      content.run(
        c.id,
        c.releaseId,
        c.locale,
        c.title,
        c.summary,
        c.body,
        c.bodyText,
        c.slug,
        c.fingerprint,
        c.sourceFingerprint,
        c.sourceRevisionId,
        iso(c.updatedAt),
      );
    for (const p of b.publications)
      publication.run(
        p.id,
        p.releaseId,
        p.locale,
        p.title,
        p.summary,
        p.body,
        p.bodyText,
        p.slug,
        p.categoryId,
        iso(p.publishedAt),
        iso(p.updatedAt),
      );
    for (const v of b.revisions)
      revision.run(
        v.id,
        v.releaseId,
        v.locale,
        v.number,
        v.title,
        v.summary,
        v.body,
        v.bodyText,
        v.slug,
        v.fingerprint,
        v.authorId,
        iso(v.createdAt),
      );
  });
  return {
    write: (batch: ArchiveBatch) => {
      write(batch);
    },
    close: () => {
      db.close();
    },
  };
}
