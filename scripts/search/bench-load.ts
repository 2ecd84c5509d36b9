// Writes the benchmark corpus straight into the tables (Prisma row by row would take longer than
// the indexing being measured). Same seed, same corpus on both engines.
import Database from "better-sqlite3";
import pg from "pg";
import { sqlitePath } from "../../src/server/env";
import { textGenerator, vocabulary, type GeneratedText } from "./corpus";

export const DAY = 86_400_000;
const BATCH = 1_000;
const EMPTY_DOC = '{"type":"doc","content":[]}';

export interface CorpusRow {
  id: string;
  status: "DRAFT" | "PUBLISHED";
  zh: GeneratedText;
  en: GeneratedText;
  /** working copy of zh when edited after publishing */
  zhWork: GeneratedText;
  publishedAt: Date | null;
}

/** Releases in batches: 12% drafts, 3% embargoed, the rest published over five years; 5% edited since. */
export function* corpus(count: number, now: number, seed = 42): Generator<CorpusRow[]> {
  const gen = textGenerator(vocabulary(), seed);
  const r = gen.random;
  for (let start = 0; start < count; start += BATCH) {
    const rows: CorpusRow[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const zh = gen.zh();
      const en = gen.en();
      const kind = r();
      const publishedAt =
        kind < 0.12 ? null : new Date(kind < 0.15 ? now + (1 + r() * 30) * DAY : now - r() * 5 * 365 * DAY);
      const edited = publishedAt !== null && r() < 0.05;
      const zhWork = edited ? { ...zh, bodyText: `${zh.bodyText}${gen.zh().summary}` } : zh;
      rows.push({
        id: `bench${String(i).padStart(7, "0")}`,
        status: publishedAt ? "PUBLISHED" : "DRAFT",
        zh,
        en,
        zhWork,
        publishedAt,
      });
    }
    yield rows;
  }
}

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const contents = (r: CorpusRow) =>
  [
    ["zh", r.zhWork],
    ["en", r.en],
  ] as const;
const live = (r: CorpusRow) =>
  [
    ["zh", r.zh],
    ["en", r.en],
  ] as const;

export function loadSqlite(url: string, count: number, now: number, progress: (n: number) => void) {
  const db = new Database(sqlitePath(url));
  db.pragma("journal_mode = WAL");
  const stamp = iso(new Date(now));
  db.prepare(
    `INSERT INTO "User" VALUES ('bench-user', 'bench@example.com', 'Bench', 'EDITOR', 'x', 'zh', 0, ?, ?)`,
  ).run(stamp, stamp);
  const release = db.prepare(
    `INSERT INTO "Release" ("id", "status", "version", "authorId", "createdAt", "updatedAt", "featured") VALUES (?, ?, 1, 'bench-user', ?, ?, 0)`,
  );
  const content = db.prepare(
    `INSERT INTO "ReleaseContent" ("id", "releaseId", "locale", "title", "summary", "body", "bodyText", "slug", "fingerprint", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`,
  );
  const publication = db.prepare(
    `INSERT INTO "Publication" ("id", "releaseId", "locale", "title", "summary", "body", "bodyText", "slug", "publishedAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let done = 0;
  for (const rows of corpus(count, now)) {
    db.transaction(() => {
      for (const r of rows) {
        const at = iso(r.publishedAt ?? new Date(now - DAY));
        release.run(r.id, r.status, at, at);
        for (const [l, t] of contents(r))
          content.run(`${r.id}${l}`, r.id, l, t.title, t.summary, EMPTY_DOC, t.bodyText, `${r.id}-${l}`, at);
        if (!r.publishedAt) continue;
        for (const [l, t] of live(r))
          publication.run(`${r.id}${l}p`, r.id, l, t.title, t.summary, EMPTY_DOC, t.bodyText, `${r.id}-${l}`, at, at);
      }
    })();
    progress((done += rows.length));
  }
  db.close();
}

export async function loadPostgres(url: string, count: number, now: number, progress: (n: number) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const stamp = new Date(now).toISOString();
  await client.query(
    `INSERT INTO "User" VALUES ('bench-user', 'bench@example.com', 'Bench', 'EDITOR', 'x', 'zh', false, $1, $1)`,
    [stamp],
  );
  let done = 0;
  for (const rows of corpus(count, now)) {
    const at = (r: CorpusRow) => (r.publishedAt ?? new Date(now - DAY)).toISOString();
    await client.query(
      `INSERT INTO "Release" ("id", "status", "version", "authorId", "createdAt", "updatedAt", "featured")
       SELECT id, status::"ReleaseStatus", 1, 'bench-user', at::timestamp, at::timestamp, false FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, status, at)`,
      [rows.map((r) => r.id), rows.map((r) => r.status), rows.map(at)],
    );
    type Row = { pk: string; rid: string; l: string; t: GeneratedText; at: string };
    const insert = (table: string, extra: string, value: string, list: Row[]) =>
      client.query(
        `INSERT INTO "${table}" ("id", "releaseId", "locale", "title", "summary", "body", "bodyText", "slug", ${extra}, "updatedAt")
         SELECT pk, rid, l::"Locale", ti, su, $8, bo, rid || '-' || l, ${value}, at::timestamp
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(pk, rid, l, ti, su, bo, at)`,
        [
          list.map((x) => x.pk),
          list.map((x) => x.rid),
          list.map((x) => x.l),
          list.map((x) => x.t.title),
          list.map((x) => x.t.summary),
          list.map((x) => x.t.bodyText),
          list.map((x) => x.at),
          EMPTY_DOC,
        ],
      );
    const work = rows.flatMap((r) => contents(r).map(([l, t]) => ({ pk: `${r.id}${l}`, rid: r.id, l, t, at: at(r) })));
    const pubs = rows
      .filter((r) => r.publishedAt)
      .flatMap((r) => live(r).map(([l, t]) => ({ pk: `${r.id}${l}p`, rid: r.id, l, t, at: at(r) })));
    await insert("ReleaseContent", `"fingerprint"`, `'bench'`, work);
    await insert("Publication", `"publishedAt"`, `at::timestamp`, pubs);
    progress((done += rows.length));
  }
  await client.end();
}
