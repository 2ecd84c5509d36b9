import "server-only";
import type { Prisma } from "./generated/sqlite/client";
import { providerOf } from "./provider";

// Multi-row INSERT for bulk writes (the text import): Prisma's createMany spends most of its time
// encoding long text columns row by row; one parameterised statement per chunk does not. Table and
// column names come from the code, never from input; every value is a bound parameter.

const MAX_PARAMS = 30_000; // under SQLite's 32,766 and PostgreSQL's 65,535

/**
 * Inserts `rows` (all with the same keys, in the same order) into `table`. `enums` names the
 * columns of a PostgreSQL enum type and the type (e.g. { locale: "Locale" }).
 */
export async function insertRows(
  tx: Prisma.TransactionClient,
  table: string,
  rows: Record<string, unknown>[],
  enums: Record<string, string> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const postgres = providerOf(tx) === "postgresql";
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    let n = 0;
    const slot = (column: string) => {
      const p = postgres ? `$${++n}` : "?";
      return postgres && enums[column] ? `CAST(${p} AS "${enums[column]}")` : p;
    };
    const tuples = chunk.map(() => `(${columns.map(slot).join(", ")})`).join(", ");
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples}`;
    await tx.$executeRawUnsafe(sql, ...chunk.flatMap((row) => columns.map((c) => row[c] ?? null)));
  }
}
