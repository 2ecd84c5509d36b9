import "server-only";
import type { Prisma } from "./generated/sqlite/client";
import { providerOf } from "./provider";

// Multi-row INSERT for bulk writes (the text import). Prisma's createMany spends most of its time
// encoding long text columns row by row, and even a raw statement costs Prisma's query compiler
// time per bound parameter and per byte (a third of an import's CPU with one parameter per value;
// the bytes still cost: about 0.3 s per million characters). So the
// rows go as ONE JSON parameter per chunk, unpacked by the database (json_each on SQLite,
// json_populate_recordset on PostgreSQL). Table and column names come from the code, never from
// input; every value is inside the bound JSON.

const ROWS_PER_STATEMENT = 500;

/** SQLite's DateTime text as Prisma's driver adapter writes it ("2026-12-02T17:38:18.760+00:00"). */
const sqliteValue = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v);

/** Inserts `rows` (all with the same keys) into `table`; on PostgreSQL the table's record type casts the values. */
export async function insertRows(tx: Prisma.TransactionClient, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const value = (row: object, column: string) => (row as Record<string, unknown>)[column] ?? null;
  const list = columns.map((c) => `"${c}"`).join(", ");
  const postgres = providerOf(tx) === "postgresql";
  const sql = postgres
    ? `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`
    : `INSERT INTO "${table}" (${list}) SELECT ${columns.map((_, i) => `json_extract("value", '$[${i}]')`).join(", ")} FROM json_each(?)`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    // PostgreSQL reads records by column name; SQLite gets arrays (shorter, no key escaping).
    const json = postgres
      ? JSON.stringify(chunk.map((row) => Object.fromEntries(columns.map((c) => [c, value(row, c)]))))
      : JSON.stringify(chunk.map((row) => columns.map((c) => sqliteValue(value(row, c)))));
    await tx.$executeRawUnsafe(sql, json);
  }
}
