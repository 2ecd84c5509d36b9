// Run by `npm start` before the server: validates configuration, applies migrations and, on the
// embedded SQLite database only, seeds the demo content when the database is empty.
import "dotenv/config";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { isPostgresUrl, parseEnv } from "../src/server/env";
import { ensurePublicCounts } from "../src/server/releases/public-counts";
import { runMediaTasks } from "../src/server/media/upgrade";
import { createStore } from "../src/server/media/store";
import { ensureSearchIndex } from "../src/server/search";
import { generatePassword } from "../src/server/auth/password";
import { isEmpty, seedDemo } from "../src/server/seed/demo";
import { ensureTranslationMemory } from "../src/server/tm/rebuild";
import { DEMO_USERS } from "../src/server/seed/demo-content";
import { progressBar } from "./search/progress";

function printDemoAccounts(generated: string | null) {
  console.log("Seeded demo content. Demo accounts:");
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email}`);
  if (!generated) {
    console.log("Their password is $DEMO_PASSWORD.");
    return;
  }
  console.log(`Their password, generated for this database and shown only now: ${generated}`);
  console.log("Set another one with `npm run user:password -- --email admin@example.com` (or --generate).");
}

/** A progress bar that appears with its first update (most starts have nothing to build). */
function lazyBar(label: string) {
  let bar: ReturnType<typeof progressBar> | null = null;
  return {
    update: (done: number, total: number) => (bar ??= progressBar(label)).update(done, total),
    finish: () => bar?.finish(),
  };
}

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
    // These two take minutes on a large archive loaded without the app: a progress bar each (on
    // stderr; without a terminal, a line per tenth), drawn only once there is work.
    const searchBar = lazyBar("Building the search index");
    if (await ensureSearchIndex(db, searchBar.update)) console.log("Built the search index.");
    searchBar.finish();
    // Counts made in another time zone, or by a database written from outside the app, are redone.
    if (await ensurePublicCounts(db, env.NEWSROOM_TIMEZONE)) console.log("Rebuilt the public month counts.");
    // After the upgrade that moved media into MEDIA_STORAGE: record media uses, copy MEDIA_DIR's files.
    const store = createStore(env.MEDIA_STORAGE, env, db);
    try {
      await runMediaTasks(db, env, store, { info: (line) => console.log(line) });
    } finally {
      await store.close();
    }
    const tmBars = {
      pairs: lazyBar("Translation memory: published releases"),
      keys: lazyBar("Translation memory: keys"),
    };
    const memory = await ensureTranslationMemory(db, (step, done, total) => tmBars[step].update(done, total));
    tmBars.pairs.finish();
    tmBars.keys.finish();
    if (memory) console.log(memory === "built" ? "Built the translation memory." : "Translation memory: new keys.");
    if (isPostgresUrl(env.DATABASE_URL)) {
      // No implicit demo accounts on a production engine.
      if (await isEmpty(db)) console.log("Empty database: create the first admin with `npm run user:create`.");
      return;
    }
    // No password known to the world: one generated for this database, shown once, unless set.
    const password = env.DEMO_PASSWORD ?? generatePassword();
    if (await seedDemo(db, password)) printDemoAccounts(env.DEMO_PASSWORD ? null : password);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
