// Run by `npm start` before the server: validates configuration, applies migrations and, on the
// embedded SQLite database only, seeds the demo content when the database is empty.
import "dotenv/config";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { isPostgresUrl, parseEnv } from "../src/server/env";
import { ensureSearchIndex } from "../src/server/search";
import { ensureTranslationMemory } from "../src/server/tm/rebuild";
import { DEFAULT_DEMO_PASSWORD, isEmpty, seedDemo } from "../src/server/seed/demo";
import { DEMO_USERS } from "../src/server/seed/demo-content";

async function main() {
  let env;
  try {
    env = parseEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const applied = await migrate(env.DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const db = createDb(env.DATABASE_URL);
  try {
    // A database from before the search index existed (or restored from one) gets it built once.
    if (await ensureSearchIndex(db)) console.log("Built the search index.");
    const memory = await ensureTranslationMemory(db);
    if (memory) console.log(memory === "built" ? "Built the translation memory." : "Translation memory: new keys.");
    if (isPostgresUrl(env.DATABASE_URL)) {
      // No implicit demo accounts on a production engine.
      if (await isEmpty(db)) console.log("Empty database: create the first admin with `npm run user:create`.");
      return;
    }
    const password = env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
    if (await seedDemo(db, password)) {
      console.log(
        "Seeded demo content. Demo accounts (password: " + (env.DEMO_PASSWORD ? "$DEMO_PASSWORD" : password) + "):",
      );
      for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
