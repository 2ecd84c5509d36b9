// npm run import:text -- DIR [--as EMAIL] [--publish] [--date YYYY-MM-DD]
// Imports plain-text releases: NAME.zh.txt (Chinese original) and NAME.en.txt (its translation),
// first line the title, paragraphs separated by blank lines. See docs/OPERATIONS.md for the rules.
// Safe to run again: releases already imported are recognised and an interrupted run is finished.
import "dotenv/config";
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { can } from "../src/domain/auth/permissions";
import { createDb, type Db } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { parseEnv } from "../src/server/env";
import { OpsError } from "../src/server/ops/errors";
import { importTextArchive } from "../src/server/ops/text-import";
import { runCli } from "./ops/cli";
import { progressBar } from "./search/progress";

const USAGE = "usage: npm run import:text -- DIR [--as EMAIL] [--publish] [--date YYYY-MM-DD]";

async function importingUser(db: Db, email: string | undefined, publish: boolean) {
  const user = email
    ? await db.user.findUnique({ where: { email: email.trim().toLowerCase() } })
    : await db.user.findFirst({ where: { role: "ADMIN", disabled: false }, orderBy: { createdAt: "asc" } });
  if (!user) throw new OpsError(email ? `No account ${email}.` : "No administrator account: pass --as EMAIL.");
  if (user.disabled) throw new OpsError(`The account ${user.email} is disabled.`);
  const role = user.role;
  if (!can(role, "release.create") || (publish && !can(role, "release.publish"))) {
    throw new OpsError(`${user.email} (${role.toLowerCase()}) may not ${publish ? "publish" : "create"} releases.`);
  }
  return { id: user.id, role, email: user.email };
}

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: { as: { type: "string" }, publish: { type: "boolean", default: false }, date: { type: "string" } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [dir, ...extra] = parsed.positionals;
  if (!dir || extra.length) throw new OpsError(USAGE, 2);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new OpsError(`${dir} is not a directory.`);
  const date = parsed.values.date ? new Date(parsed.values.date) : undefined;
  if (date && (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(parsed.values.date!))) {
    throw new OpsError(`--date ${parsed.values.date} is not a date (YYYY-MM-DD or an ISO time).`);
  }
  const { DATABASE_URL } = parseEnv();
  await migrate(DATABASE_URL);
  const db = createDb(DATABASE_URL);
  try {
    const actor = await importingUser(db, parsed.values.as, parsed.values.publish);
    const bar = progressBar("Importing");
    // Every release on a log (stdout redirected); on a terminal the bar, the problems and the totals.
    const each = !process.stdout.isTTY;
    const kinds = { imported: "imported ", resumed: "finished ", unchanged: "unchanged" } as const;
    let indexBar: ReturnType<typeof progressBar> | undefined;
    const report = await importTextArchive(db, dir, {
      actor,
      publish: parsed.values.publish,
      date,
      onProgress: (done, total) => bar.update(done, total),
      onRelease: (r) => {
        if (each) console.log(`${kinds[r.kind]} ${r.slug} (${r.languages.join("+")}, ${r.status.toLowerCase()})`);
      },
      onSkip: (s) => console.log(`skipped   ${s.file}: ${s.reason}`),
      onIndexProgress: (done, total) => {
        if (!indexBar) {
          bar.finish();
          indexBar = progressBar("Rebuilding the search index");
        }
        indexBar.update(done, total);
      },
    });
    (indexBar ?? bar).finish();
    if (report.imported > 0 && parsed.values.publish)
      console.log("Published releases reach the translation memory with `npm run tm:rebuild`.");
    if (report.search !== "current") console.log(`Search index ${report.search} with the imported releases.`);
    console.log(
      `${report.imported} imported, ${report.resumed} finished from an earlier run, ${report.unchanged} already there, ` +
        `${report.skipped.length} files skipped (as ${actor.email}).`,
    );
  } finally {
    await db.$disconnect();
  }
});
