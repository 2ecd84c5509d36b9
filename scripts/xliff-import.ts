// npm run xliff:import -- FILE [--as EMAIL]
// Imports a translated XLIFF 1.2 or 2.0 file (exported by Newsroom) into the English working copy
// of the release it names. Refused, with nothing changed, when the Chinese changed since export,
// for another language pair, or when the file is malformed. Never marks anything translated.
import "dotenv/config";
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { can } from "../src/domain/auth/permissions";
import { getT } from "../src/i18n/server";
import { createDb, type Db } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { parseEnv } from "../src/server/env";
import { OpsError } from "../src/server/ops/errors";
import { importXliff, MAX_XLIFF_BYTES } from "../src/server/xliff/import";
import { runCli } from "./ops/cli";

const USAGE = "usage: npm run xliff:import -- FILE [--as EMAIL]";

async function importingUser(db: Db, email: string | undefined) {
  const user = email
    ? await db.user.findUnique({ where: { email: email.trim().toLowerCase() } })
    : await db.user.findFirst({ where: { role: "ADMIN", disabled: false }, orderBy: { createdAt: "asc" } });
  if (!user) throw new OpsError(email ? `No account ${email}.` : "No administrator account: pass --as EMAIL.");
  if (user.disabled) throw new OpsError(`The account ${user.email} is disabled.`);
  if (!can(user.role, "translation.write")) throw new OpsError(`${user.email} may not write translations.`);
  return { id: user.id, role: user.role, email: user.email };
}

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({ options: { as: { type: "string" } }, allowPositionals: true });
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new OpsError(USAGE, 2);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new OpsError(`${file}: no such file.`);
  }
  const t = getT("en", "errors");
  if (size > MAX_XLIFF_BYTES) throw new OpsError(t("xliff_too_large"));
  const { DATABASE_URL } = parseEnv();
  await migrate(DATABASE_URL);
  const db = createDb(DATABASE_URL);
  try {
    const actor = await importingUser(db, parsed.values.as);
    const result = await importXliff(db, actor, null, new Uint8Array(readFileSync(file)));
    if (!result.ok) throw new OpsError(`${file}: ${t(result.code, result.params ?? {})}`);
    const r = result.value;
    console.log(
      `${file}: ${r.translated} of ${r.units} units imported, ${r.kept} kept from the existing English, ` +
        `${r.remembered} added to the translation memory; release version ${r.version} (as ${actor.email}).`,
    );
  } finally {
    await db.$disconnect();
  }
});
