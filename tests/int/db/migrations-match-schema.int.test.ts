import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { sqlitePath } from "../../../src/server/env";
import { engine } from "../../support/db";

// The committed migrations (applied to the test database by global-setup) must build exactly the
// tables, columns, indexes and foreign keys that prisma/schema.prisma describes: several people add
// migrations in parallel, and a migration written against a stale schema would otherwise go unseen.
// The reference is the SQL Prisma writes for the whole schema from nothing (`migrate diff
// --from-empty`), applied to a scratch database. Objects outside the Prisma model (search tables
// made by raw SQL) are not compared.

const url = process.env.DATABASE_URL!;
const scratch = mkdtempSync(path.join(tmpdir(), "newsroom-drift-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function schemaSql(): string {
  const config = engine() === "postgresql" ? ["--config", "prisma/postgres/prisma.config.ts"] : [];
  const schema = engine() === "postgresql" ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma";
  return execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...config, "--from-empty", "--to-schema-datamodel", schema, "--script"],
    { env: { ...process.env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" },
  );
}

type Shape = Record<string, unknown>;

function sqliteShape(db: Database.Database, tables: string[]): Shape {
  const out: Shape = {};
  for (const t of tables) {
    const q = (sql: string) => db.prepare(sql).all();
    // Column order and list positions differ between a table built at once and one grown by
    // ALTER TABLE ADD COLUMN; names, types, defaults and each index's own column order do not.
    const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => a.name.localeCompare(b.name));
    out[t] = {
      columns: byName(
        (q(`PRAGMA table_info("${t}")`) as { name: string; cid?: number }[]).map(({ cid: _, ...c }) => c),
      ),
      indexes: byName(
        (q(`PRAGMA index_list("${t}")`) as { name: string; seq?: number }[]).map(({ seq: _, ...i }) => ({
          ...i,
          columns: q(`PRAGMA index_info("${i.name}")`).map((c) => (c as { name: string }).name),
        })),
      ),
      foreignKeys: (q(`PRAGMA foreign_key_list("${t}")`) as { table: string; from: string; id?: number; seq: number }[])
        .map(({ id: _, ...f }) => f)
        .sort((a, b) => `${a.table}.${a.from}`.localeCompare(`${b.table}.${b.from}`)),
    };
  }
  return out;
}

async function postgresShape(client: pg.Client, schema: string, tables: string[]): Promise<Shape> {
  const out: Shape = {};
  for (const t of tables) {
    const columns = await client.query(
      `SELECT column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = $1 AND table_name = $2 ORDER BY column_name`,
      [schema, t],
    );
    const indexes = await client.query(
      `SELECT indexname, replace(indexdef, $1 || '.', '') AS def FROM pg_indexes
       WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname`,
      [schema, t],
    );
    const fks = await client.query(
      `SELECT conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND conrelid = ($1 || '."' || $2 || '"')::regclass
       AND contype = 'f' ORDER BY conname`,
      [schema, t],
    );
    out[t] = {
      columns: columns.rows.map((c: { column_default: string | null }) => ({
        ...c,
        column_default: c.column_default?.replaceAll(`"${schema}".`, "").replaceAll(`${schema}.`, "") ?? null,
      })),
      indexes: indexes.rows,
      foreignKeys: fks.rows.map((f: { def: string }) => ({ ...f, def: f.def.replaceAll(`${schema}.`, "") })),
    };
  }
  return out;
}

test("the migrations build what prisma/schema.prisma describes", async () => {
  const sql = schemaSql();
  if (engine() === "sqlite") {
    const reference = new Database(path.join(scratch, "reference.db"));
    reference.exec(sql);
    const tables = (
      reference.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((r) => r.name);
    const migrated = new Database(sqlitePath(url), { readonly: true });
    try {
      expect(sqliteShape(migrated, tables)).toEqual(sqliteShape(reference, tables));
    } finally {
      migrated.close();
      reference.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS drift_reference CASCADE; CREATE SCHEMA drift_reference");
    await client.query(`SET search_path TO drift_reference; ${sql}; SET search_path TO public`);
    const tables = (
      await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'drift_reference' ORDER BY 1",
      )
    ).rows.map((r) => r.table_name);
    expect(await postgresShape(client, "public", tables)).toEqual(
      await postgresShape(client, "drift_reference", tables),
    );
  } finally {
    await client.query("DROP SCHEMA IF EXISTS drift_reference CASCADE").catch(() => undefined);
    await client.end();
  }
}, 120_000);
