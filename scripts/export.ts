// npm run export [-- --out FILE]
// All content as one JSON file (docs/OPERATIONS.md), default ./exports/newsroom-<UTC timestamp>.json;
// `--out -` writes to stdout. The file holds password hashes: it is written readable by its owner only.
import "dotenv/config";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../src/server/db/client";
import { parseEnv } from "../src/server/env";
import { OpsError, fileStamp } from "../src/server/ops/errors";
import { exportContent } from "../src/server/ops/export";
import { formatBytes, runCli } from "./ops/cli";

runCli(async () => {
  let out: string | undefined;
  try {
    ({
      values: { out },
    } = parseArgs({ options: { out: { type: "string" } } }));
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\nusage: npm run export [-- --out FILE]`, 2);
  }
  const file = out === "-" ? null : path.resolve(out ?? path.join("exports", `newsroom-${fileStamp()}.json`));
  if (file && existsSync(file)) throw new OpsError(`${file} already exists; choose another --out.`);
  const { DATABASE_URL } = parseEnv();
  const db = createDb(DATABASE_URL);
  try {
    const data = await exportContent(db);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    if (!file) {
      process.stdout.write(text);
      return;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, { mode: 0o600, flag: "wx" });
    const revisions = data.releases.reduce((n, r) => n + r.revisions.length, 0);
    console.log(
      `Exported ${data.releases.length} releases, ${revisions} revisions, ${data.users.length} accounts, ` +
        `${data.auditEvents.length} audit events to ${file} (${formatBytes(statSync(file).size)}).`,
    );
    console.log("The file contains password hashes: keep it as private as the database.");
  } finally {
    await db.$disconnect();
  }
});
