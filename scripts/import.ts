// npm run import -- FILE
// Loads an export (npm run export) into an EMPTY database, in one transaction, keeping ids; then
// rebuilds the search index. Refuses a non-empty database or an invalid file without changing anything.
import "dotenv/config";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { parseEnv } from "../src/server/env";
import { OpsError } from "../src/server/ops/errors";
import { importContent, parseExport } from "../src/server/ops/export";
import { runCli } from "./ops/cli";

const USAGE = "usage: npm run import -- FILE";

runCli(async () => {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ options: {}, allowPositionals: true }));
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new OpsError(USAGE, 2);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new OpsError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const data = parseExport(text);
  const { DATABASE_URL } = parseEnv();
  await migrate(DATABASE_URL);
  const db = createDb(DATABASE_URL);
  try {
    const r = await importContent(db, data);
    console.log(
      `Imported ${r.releases} releases, ${r.revisions} revisions, ${r.users} accounts, ${r.categories} categories, ` +
        `${r.auditEvents} audit events; search index rebuilt (${r.searchDocuments} documents).`,
    );
  } finally {
    await db.$disconnect();
  }
});
