// npm run user:create -- --email you@agency.gov --name "Your Name" --role admin [--locale zh|en] [--password-stdin]
// Creates an account on the configured database (SQLite or PostgreSQL). Without --password-stdin it
// prompts for the password twice, without echo.
import "dotenv/config";
import { parseArgs } from "node:util";
import { createUserSchema } from "../src/domain/auth/schemas";
import enValidation from "../locales/en/validation.json";
import { insertUser } from "../src/server/auth/users";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { parseEnv } from "../src/server/env";
import { readPassword } from "./lib/password-input";

const USAGE =
  'usage: npm run user:create -- --email EMAIL --name "NAME" --role admin|editor|translator [--locale zh|en] [--password-stdin]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      locale: { type: "string", default: "zh" },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  if (!values.email || !values.name || !values.role) {
    console.error(USAGE);
    return 2;
  }
  const password = await readPassword(values["password-stdin"]);
  if (password === null) return 1;
  const parsed = createUserSchema.safeParse({
    email: values.email,
    displayName: values.name,
    role: values.role.toUpperCase(),
    password,
  });
  const locale = values.locale === "en" ? "en" : "zh";
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const text = (enValidation as Record<string, string>)[issue.message] ?? issue.message;
      console.error(`--${String(issue.path[0]).replace("displayName", "name")}: ${text}`);
    }
    return 1;
  }
  const { DATABASE_URL } = parseEnv();
  await migrate(DATABASE_URL);
  const db = createDb(DATABASE_URL);
  try {
    const result = await insertUser(db, { ...parsed.data, locale }, null);
    if (!result.ok) {
      console.error(
        result.code === "email_taken" ? `An account with ${parsed.data.email} already exists.` : result.code,
      );
      return 1;
    }
    console.log(`Created ${parsed.data.role.toLowerCase()} ${parsed.data.email}.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
