// npm run import -- FILE [--allow-missing-media]
// Loads an export (npm run export: .tar with media files, or .json) into an EMPTY database: media
// files first, into the configured store (each checked against its SHA-256), then every row in one
// transaction, then media uses and the search index. Refuses a non-empty database, an invalid file
// or missing media files without changing anything.
import "dotenv/config";
import { readFileSync } from "node:fs";
import { buffer } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { parseEnv } from "../src/server/env";
import { createStore } from "../src/server/media/store";
import { OpsError } from "../src/server/ops/errors";
import { assertEmpty, importContent, parseExport } from "../src/server/ops/export";
import { importMediaFiles, readExportArchive, removeImported } from "../src/server/ops/media-archive";
import { entryStream, isTar } from "../src/server/ops/tar";
import { runCli } from "./ops/cli";
import { progressBar } from "./search/progress";

const USAGE = "usage: npm run import -- FILE [--allow-missing-media]";

async function readExport(file: string) {
  try {
    if (!(await isTar(file))) return { data: parseExport(readFileSync(file, "utf8")), archive: null };
    const archive = await readExportArchive(file);
    const text = (await buffer(entryStream(file, archive.json))).toString("utf8");
    return { data: parseExport(text), archive: { file, files: archive.files } };
  } catch (error) {
    if (error instanceof OpsError) throw error;
    throw new OpsError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({ options: { "allow-missing-media": { type: "boolean" } }, allowPositionals: true });
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new OpsError(USAGE, 2);
  const { data, archive } = await readExport(file);
  const env = parseEnv();
  await migrate(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  const store = createStore(env.MEDIA_STORAGE, env, db);
  try {
    await assertEmpty(db);
    const bar = progressBar("media");
    const media = await importMediaFiles(store, data.mediaFiles, archive, {
      allowMissing: parsed.values["allow-missing-media"],
      onProgress: (d, t) => bar.update(d, t),
    });
    bar.finish();
    const r = await importContent(db, data).catch(async (error: unknown) => {
      await removeImported(store, media.put);
      throw error;
    });
    console.log(
      `Imported ${r.releases} releases, ${r.revisions} revisions, ${r.users} accounts, ${r.categories} categories, ` +
        `${r.auditEvents} audit events, ${r.media} images (${media.put.length} files stored in ${store.location}` +
        `${media.present ? `, ${media.present} already there` : ""}); search index rebuilt (${r.searchDocuments} documents).`,
    );
    if (media.missing.length) console.log(`${media.missing.length} media files were missing: those images are broken.`);
  } finally {
    await store.close();
    await db.$disconnect();
  }
});
