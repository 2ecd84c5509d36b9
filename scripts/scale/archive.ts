// The database of `npm run bench:scale`: migrated, filled with a generated archive, the public
// counts built (what `npm start` would do for a database filled outside the app), an editor
// account and one translated release the editor publishes and withdraws during the run.
import pg from "pg";
import { textToDoc } from "../../src/domain/release/content";
import { insertUser } from "../../src/server/auth/users";
import { createDb, type Db } from "../../src/server/db/client";
import { migrate } from "../../src/server/db/migrate";
import { isPostgresUrl } from "../../src/server/env";
import { createRelease, runWorkflow, saveContent } from "../../src/server/releases/lifecycle";
import { ensurePublicCounts } from "../../src/server/releases/public-counts";
import { reindexSearch } from "../../src/server/search";
import { loadArchive } from "../bench/archive";
import { progressBar } from "../search/progress";

export const EDITOR = { email: "scale-editor@example.com", password: "scale-bench-password" };
export const PROBE_SLUG = "scale-probe-release";

async function wipePostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
}

/** The release the editor publishes and withdraws: translated, ready to publish. */
async function probeRelease(db: Db, actorId: string) {
  const actor = { id: actorId, role: "EDITOR" as const };
  const body = (t: string) => JSON.stringify(textToDoc(t));
  const zh = { title: "规模测试发布稿", summary: "用于测量发布到可见的时间。", slug: PROBE_SLUG, body: body("正文。") };
  const en = {
    title: "Scale probe release",
    summary: "Measures publish to visible.",
    slug: PROBE_SLUG,
    body: body("Body."),
  };
  const created = await createRelease(db, actor, zh, { categoryId: null, releaseDate: null });
  if (!created.ok) throw new Error(`probe release: ${created.code}`);
  const saved = await saveContent(db, actor, created.value.id, "en", en, created.value.version);
  if (!saved.ok) throw new Error(`probe translation: ${saved.code}`);
  const marked = await runWorkflow(db, actor, created.value.id, { type: "markTranslated" }, saved.value.version);
  if (!marked.ok) throw new Error(`probe mark: ${marked.code}`);
}

/**
 * Tells the first start that the translation memory exists, so it does not build it from every
 * translation (ensureTranslationMemory: about 220-260 translations/s on the shared 2-core
 * machine at 5,000 releases, docs/BENCHMARKS.md; minutes at 100,000). One unit marked deleted:
 * nothing is learned from it, no lookup finds it. The public pages never read the memory.
 */
async function markMemoryBuilt(db: Db) {
  const keys = { k0: 0, k1: 0, k2: 0, k3: 0, k4: 0, k5: 0, k6: 0, k7: 0 };
  const unit = { sourceHash: "scale-bench", targetHash: "scale-bench", source: "", target: "", sourceLength: 0 };
  await db.tmUnit.create({ data: { ...unit, ...keys, deletedAt: new Date() } });
}

/**
 * A fresh database at `url` holding `releases` generated releases, with its search index (as a
 * deployment has it; `searchIndex: false` skips it to save time), its translation memory (or, with
 * `memory: false`, a mark that it exists) and public counts.
 */
export async function prepareArchive(
  url: string,
  releases: number,
  now: number,
  { searchIndex = true, memory = true }: { searchIndex?: boolean; memory?: boolean } = {},
): Promise<void> {
  if (isPostgresUrl(url)) await wipePostgres(url);
  await migrate(url);
  const bar = progressBar(`Generating ${releases} releases`);
  await loadArchive(url, { releases, now: new Date(now), onProgress: (n, total) => bar.update(n, total) });
  bar.finish();
  const db = createDb(url);
  try {
    // The loader writes the featured flag on the release only; the live snapshot carries it too.
    await db.$executeRawUnsafe(
      `UPDATE "Publication" SET "featured" = (SELECT "featured" FROM "Release" WHERE "Release"."id" = "Publication"."releaseId")`,
    );
    if (searchIndex) {
      const indexing = progressBar("Indexing for search");
      await reindexSearch(db, (d, t) => indexing.update(d, t));
      indexing.finish();
    }
    await ensurePublicCounts(db);
    if (!memory) await markMemoryBuilt(db);
    const editor = await insertUser(db, { ...EDITOR, displayName: "Scale Editor", role: "EDITOR" }, null);
    if (!editor.ok) throw new Error(`editor: ${editor.code}`);
    await probeRelease(db, editor.value.id);
    if (isPostgresUrl(url)) await db.$executeRawUnsafe("ANALYZE");
  } finally {
    await db.$disconnect();
  }
}
