// npm run user:password -- --email EMAIL [--password-stdin | --generate]
// Sets an account's password on the configured database (SQLite or PostgreSQL): typed twice without
// echo, read from stdin, or generated and printed. The account's sessions end; the audit log
// records a reset by the system.
import "dotenv/config";
import { parseArgs } from "node:util";
import { emailSchema, newPasswordSchema } from "../src/domain/auth/schemas";
import enValidation from "../locales/en/validation.json";
import { generatePassword } from "../src/server/auth/password";
import { setPasswordByEmail } from "../src/server/auth/users";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { parseEnv } from "../src/server/env";
import { OpsError } from "../src/server/ops/errors";
import { runCli } from "./ops/cli";
import { readPassword } from "./lib/password-input";

const USAGE = "usage: npm run user:password -- --email EMAIL [--password-stdin | --generate]";
const message = (key: string) => (enValidation as Record<string, string>)[key] ?? key;

function options() {
  try {
    return parseArgs({
      options: {
        email: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        generate: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    throw new OpsError(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

runCli(async () => {
  const values = options();
  if (!values.email || (values.generate && values["password-stdin"])) throw new OpsError(USAGE, 2);
  const email = emailSchema.safeParse(values.email);
  if (!email.success) throw new OpsError(`--email: ${message(email.error.issues[0]!.message)}`);
  const typed = values.generate ? generatePassword() : await readPassword(values["password-stdin"]);
  if (typed === null) return 1;
  const password = newPasswordSchema.safeParse(typed);
  if (!password.success) throw new OpsError(`--password: ${message(password.error.issues[0]!.message)}`);
  const { DATABASE_URL } = parseEnv();
  await migrate(DATABASE_URL);
  const db = createDb(DATABASE_URL);
  try {
    const result = await setPasswordByEmail(db, email.data, password.data);
    if (!result.ok) throw new OpsError(`There is no account with ${email.data}.`);
  } finally {
    await db.$disconnect();
  }
  console.log(
    values.generate
      ? `New password for ${email.data}: ${password.data}\nIt is shown only now; the account's sessions have ended.`
      : `Password set for ${email.data}; the account's sessions have ended.`,
  );
});
