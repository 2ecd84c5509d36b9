// npm run media:migrate -- --to s3|database [--from disk|database|s3] [--keep-source]
// Moves every media file between stores (docs/OPERATIONS.md, "Media"), with a progress bar;
// resumable; every copy is read back and checked (SHA-256) before the source file is removed.
// --from defaults to the configured MEDIA_STORAGE, or to the old disk folder (MEDIA_DIR) when the
// configured store is already the target.
import "dotenv/config";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { parseEnv } from "../src/server/env";
import { moveMedia } from "../src/server/media/move";
import { createStore, type StoreKind } from "../src/server/media/store";
import { finishTask } from "../src/server/media/upgrade";
import { OpsError } from "../src/server/ops/errors";
import { formatBytes, runCli } from "./ops/cli";
import { progressBar } from "./search/progress";

const USAGE = "usage: npm run media:migrate -- --to s3|database [--from disk|database|s3] [--keep-source]";
const KINDS = ["disk", "database", "s3"] as const;

function options() {
  try {
    const { values } = parseArgs({
      options: { to: { type: "string" }, from: { type: "string" }, "keep-source": { type: "boolean", default: false } },
    });
    if (values.to !== "s3" && values.to !== "database") throw new Error("--to must be s3 or database");
    if (values.from !== undefined && !(KINDS as readonly string[]).includes(values.from)) {
      throw new Error("--from must be disk, database or s3");
    }
    return { to: values.to as StoreKind, from: values.from as StoreKind | undefined, keep: values["keep-source"] };
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

runCli(async () => {
  const args = options();
  const env = parseEnv();
  const from = args.from ?? (env.MEDIA_STORAGE !== args.to ? env.MEDIA_STORAGE : "disk");
  if (from === args.to) throw new OpsError(`--from and --to are both ${from}: nothing to move.\n${USAGE}`, 2);
  if ((from === "s3" || args.to === "s3") && !env.MEDIA_S3_BUCKET) {
    throw new OpsError("MEDIA_S3_BUCKET (and the other MEDIA_S3_* settings) must be set to use S3.", 2);
  }
  if (from === "disk" && !existsSync(env.MEDIA_DIR)) {
    console.log(`Nothing to move: ${env.MEDIA_DIR} (MEDIA_DIR) does not exist.`);
    return;
  }
  await migrate(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  const [source, target] = [createStore(from, env, db), createStore(args.to, env, db)];
  try {
    console.log(`${args.keep ? "Copying" : "Moving"} media files from ${source.location} to ${target.location}…`);
    const bar = progressBar("media");
    const report = await moveMedia(source, target, {
      keepSource: args.keep,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.finish();
    console.log(
      `${report.total} files: ${report.copied} copied, ${report.already} already there (checked), ` +
        `${report.removedFromSource} removed from the source, ${formatBytes(report.bytes)}.`,
    );
    for (const f of report.failed) console.log(`  not moved: ${f.reason}`);
    if (report.failed.length) {
      console.log(`${report.failed.length} files were left where they were; see above.`);
      return 1;
    }
    if (from === "disk") await finishTask(db, "media-files-from-disk").catch(() => undefined);
    if (env.MEDIA_STORAGE !== args.to) console.log(`Now set MEDIA_STORAGE=${args.to} and restart the app.`);
  } finally {
    await Promise.all([source.close(), target.close()]);
    await db.$disconnect();
  }
});
