// `npm run db:migrate`: applies pending migrations to DATABASE_URL (SQLite file or PostgreSQL).
import "dotenv/config";
import { migrate } from "../src/server/db/migrate";
import { parseEnv } from "../src/server/env";

const { DATABASE_URL } = parseEnv();
const applied = await migrate(DATABASE_URL);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
