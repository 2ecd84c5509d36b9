// npm run export [-- --out FILE] [--media include|skip]
// All content as one archive (docs/OPERATIONS.md): FILE.tar (default ./exports/newsroom-<UTC
// timestamp>.tar) holds newsroom.json and every media file; FILE.json or `--out -` (stdout) holds the
// JSON only. Media files go in by default with MEDIA_STORAGE=database and are left out with S3
// (they stay in the bucket) unless --media include. The file holds password hashes: owner-only.
import "dotenv/config";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../src/server/db/client";
import { parseEnv } from "../src/server/env";
import { createStore } from "../src/server/media/store";
import { OpsError, fileStamp } from "../src/server/ops/errors";
import { exportContent } from "../src/server/ops/export";
import { mediaManifest, writeExportArchive } from "../src/server/ops/media-archive";
import { formatBytes, runCli } from "./ops/cli";
import { progressBar } from "./search/progress";

const USAGE = "usage: npm run export [-- --out FILE.tar|FILE.json|-] [--media include|skip]";

function options() {
  try {
    const { values } = parseArgs({ options: { out: { type: "string" }, media: { type: "string" } } });
    if (values.media !== undefined && values.media !== "include" && values.media !== "skip") {
      throw new Error("--media must be include or skip");
    }
    return values as { out?: string; media?: "include" | "skip" };
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

runCli(async () => {
  const { out, media } = options();
  const file = out === "-" ? null : path.resolve(out ?? path.join("exports", `newsroom-${fileStamp()}.tar`));
  if (file && existsSync(file)) throw new OpsError(`${file} already exists; choose another --out.`);
  const asJson = !file || file.endsWith(".json");
  const env = parseEnv();
  const db = createDb(env.DATABASE_URL);
  const store = createStore(env.MEDIA_STORAGE, env, db);
  try {
    const data = await exportContent(db);
    const manifest = await mediaManifest(store, data.media, data.releaseFiles);
    data.mediaFiles = manifest.files;
    const say = file ? console.log : console.error; // keep stdout for the JSON itself
    for (const key of manifest.missing) say(`warning: ${key} is not in ${store.location}; left out`);
    if (!file) return void process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    mkdirSync(path.dirname(file), { recursive: true });
    const withFiles = !asJson && (media ?? (env.MEDIA_STORAGE === "database" ? "include" : "skip")) === "include";
    if (asJson) writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600, flag: "wx" });
    else {
      const bar = progressBar("media");
      await writeExportArchive(file, data, store, { withFiles, onProgress: (d, t) => bar.update(d, t) });
      bar.finish();
    }
    const revisions = data.releases.reduce((n, r) => n + r.revisions.length, 0);
    const bytes = data.mediaFiles.reduce((n, f) => n + f.size, 0);
    console.log(
      `Exported ${data.releases.length} releases, ${revisions} revisions, ${data.users.length} accounts, ` +
        `${data.auditEvents.length} audit events, ${data.media.length} images` +
        (data.releaseFiles.length ? `, ${data.releaseFiles.length} press-kit files ` : " ") +
        `(${data.mediaFiles.length} files, ${formatBytes(bytes)}${withFiles || !bytes ? "" : ", not included"}) ` +
        `to ${file} (${formatBytes(statSync(file).size)}).`,
    );
    if (!withFiles && data.mediaFiles.length) {
      console.log(
        asJson
          ? "The media files are not in a .json export: export to a .tar file to include them."
          : `The media files stay in ${store.location}: copy or back up the bucket with the export (or use --media include).`,
      );
    }
    console.log("The file contains password hashes: keep it as private as the database.");
  } finally {
    await store.close();
    await db.$disconnect();
  }
});
