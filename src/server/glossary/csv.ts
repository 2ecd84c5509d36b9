import "server-only";
import { parse } from "csv-parse/sync";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import { CSV_COLUMNS, csvRow, fromCell } from "@/domain/glossary/csv";
import { glossaryTermSchema, type GlossaryTermInput } from "@/domain/glossary/schemas";
import { termKey } from "@/domain/glossary/terms";
import { fail, ok, type Result } from "@/domain/result";
import type { Db } from "../db/client";
import { toEntry, upsertTerms } from "./store";

// CSV import (validated row by row; rejected rows are reported, the others saved together) and
// export (streamed a page at a time).

const FIELD = {
  term_zh: "term",
  approved_en: "approved",
  forbidden_en: "forbidden",
  note: "note",
  category: "category",
} as const satisfies Record<(typeof CSV_COLUMNS)[number], string>;

export const CSV_MAX_BYTES = 512 * 1024;
export const CSV_MAX_ROWS = 5_000;

export interface CsvReport {
  created: number;
  updated: number;
  /** 1-based line numbers of the file (the header is line 1), with the reason (a validation key) */
  rejected: { line: number; term: string; reason: string }[];
}

function rows(text: string): string[][] | null {
  try {
    const table: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
    return table;
  } catch {
    return null;
  }
}

export async function importGlossaryCsv(db: Db, actor: Actor | null, text: string): Promise<Result<CsvReport>> {
  if (!actor || !can(actor.role, "glossary.write")) return fail("forbidden");
  if (text.length > CSV_MAX_BYTES) return fail("csv_too_large");
  const table = rows(text);
  if (!table || table.length === 0) return fail("csv_invalid");
  const header = table[0]!.map((h) => h.toLowerCase());
  const at = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)]));
  if (at.term_zh! < 0 || at.approved_en! < 0) return fail("csv_header");
  if (table.length - 1 > CSV_MAX_ROWS) return fail("csv_too_many_rows", { params: { max: CSV_MAX_ROWS } });
  const accepted: GlossaryTermInput[] = [];
  const rejected: CsvReport["rejected"] = [];
  const seen = new Set<string>();
  table.slice(1).forEach((cells, i) => {
    const cell = (c: (typeof CSV_COLUMNS)[number]) => (at[c]! >= 0 ? fromCell(cells[at[c]!] ?? "") : "");
    const parsed = glossaryTermSchema.safeParse(Object.fromEntries(CSV_COLUMNS.map((c) => [FIELD[c], cell(c)])));
    const term = cell("term_zh").slice(0, 60);
    if (!parsed.success) return void rejected.push({ line: i + 2, term, reason: parsed.error.issues[0]!.message });
    const k = termKey(parsed.data.term);
    if (seen.has(k)) return void rejected.push({ line: i + 2, term, reason: "glossary_duplicate_in_file" });
    seen.add(k);
    accepted.push(parsed.data);
  });
  const counts = accepted.length ? await upsertTerms(db, actor, accepted) : { created: 0, updated: 0 };
  return ok({ ...counts, rejected });
}

/** The whole glossary as CSV (with a BOM so spreadsheets read UTF-8), a page of entries at a time. */
export function exportGlossaryCsv(db: Db): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = "";
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(CSV_COLUMNS)}`));
      }
      const page = await db.glossaryTerm.findMany({
        where: { termKey: { gt: after } },
        orderBy: { termKey: "asc" },
        take: 500,
      });
      if (page.length === 0) return controller.close();
      after = page.at(-1)!.termKey;
      const text = page
        .map(toEntry)
        .map((e) => csvRow([e.term, e.approved.join(" | "), e.forbidden.join(" | "), e.note, e.category]))
        .join("");
      controller.enqueue(encoder.encode(text));
    },
  });
}
