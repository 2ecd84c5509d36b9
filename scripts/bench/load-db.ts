// The database side of `npm run bench:load`: a fresh PostgreSQL with its accounts, and what the
// run wrote, read back for the checks.
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { PASSWORD, PREFIX, USERS } from "./load-config";

export async function preparePostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
  for (const u of Object.values(USERS)) {
    const r = spawnSync(
      "npm",
      [
        "run",
        "--silent",
        "user:create",
        "--",
        "--email",
        u.email,
        "--name",
        u.name,
        "--role",
        u.role,
        "--locale",
        u.locale,
        "--password-stdin",
      ],
      { input: PASSWORD, env: { ...process.env, DATABASE_URL: url }, stdio: ["pipe", "inherit", "inherit"] },
    );
    if (r.status !== 0) throw new Error(`user:create ${u.email} failed`);
  }
}

export async function dbRevisions(url: string): Promise<{ slug: string; locale: string; number: number }[]> {
  const sql = `SELECT c."slug" AS slug, r."locale" AS locale, r."number" AS number
    FROM "Revision" r JOIN "ReleaseContent" c ON c."releaseId" = r."releaseId" AND c."locale" = 'zh'
    WHERE c."slug" LIKE '${PREFIX}%' ORDER BY 1, 2, 3`;
  if (url.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET default_transaction_read_only = on");
      return (await client.query<{ slug: string; locale: string; number: number }>(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(url.replace(/^file:/, ""), { readonly: true });
  try {
    return db.prepare(sql).all() as { slug: string; locale: string; number: number }[];
  } finally {
    db.close();
  }
}

export async function listedSlugs(base: string): Promise<Set<string>> {
  const found = new Set<string>();
  const collect = (html: string) => {
    for (const m of html.matchAll(/\/zh\/news\/([a-z0-9-]+)/g)) found.add(m[1]!);
  };
  collect(await (await fetch(`${base}/zh/feed.xml`)).text());
  for (let p = 1; p <= 100; p++) {
    const res = await fetch(p === 1 ? `${base}/zh/news` : `${base}/zh/news/page/${p}`);
    if (res.status === 404) break;
    if (!res.ok) throw new Error(`/zh/news page ${p}: ${res.status}`);
    collect(await res.text());
  }
  return found;
}
