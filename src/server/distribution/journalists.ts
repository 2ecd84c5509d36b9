import "server-only";
import { parse } from "csv-parse/sync";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import { parseMailLanguage } from "@/domain/distribution/languages";
import { journalistSchema, type JournalistInput } from "@/domain/distribution/schemas";
import { fail, ok, type Result } from "@/domain/result";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";

// Journalist lists (editors and admins): create, rename, delete, add or remove one person, import a
// CSV (header row: name, email, organisation, language; UTF-8, BOM allowed). Rows that cannot be
// used are reported with their line number and reason; the others are added or updated.

export const CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_MAX_ROWS = 20_000;
export const REJECTS_SHOWN = 200;

export type RejectReason = "email_invalid" | "name_required" | "language_invalid" | "duplicate" | "too_long";

export interface ImportReport {
  added: number;
  updated: number;
  rejected: { line: number; reason: RejectReason; email: string }[];
  rejectedTotal: number;
}

export async function createList(db: Db, actor: Actor, name: string): Promise<Result<{ id: string }>> {
  if (!can(actor.role, "distribution.manage")) return fail("forbidden");
  const list = await db.journalistList.create({ data: { name } });
  await recordAudit(db, {
    actorId: actor.id,
    action: "distribution.list_created",
    targetId: list.id,
    detail: { name },
  });
  return ok({ id: list.id });
}

export async function deleteList(db: Db, actor: Actor, id: string): Promise<Result<null>> {
  if (!can(actor.role, "distribution.manage")) return fail("forbidden");
  const { count } = await db.journalistList.deleteMany({ where: { id } });
  if (count === 0) return fail("list_not_found");
  await recordAudit(db, { actorId: actor.id, action: "distribution.list_deleted", targetId: id });
  return ok(null);
}

export async function addJournalist(
  db: Db,
  actor: Actor,
  listId: string,
  input: JournalistInput,
): Promise<Result<null>> {
  if (!can(actor.role, "distribution.manage")) return fail("forbidden");
  if (!(await db.journalistList.findUnique({ where: { id: listId } }))) return fail("list_not_found");
  await db.journalist.upsert({
    where: { listId_email: { listId, email: input.email } },
    create: { listId, ...input },
    update: input,
  });
  return ok(null);
}

export async function removeJournalist(db: Db, actor: Actor, id: string): Promise<Result<null>> {
  if (!can(actor.role, "distribution.manage")) return fail("forbidden");
  const { count } = await db.journalist.deleteMany({ where: { id } });
  return count ? ok(null) : fail("not_found");
}

/** Parses CSV text into usable rows and rejected lines (nothing is written). */
export function parseJournalistCsv(text: string): { rows: JournalistInput[]; rejected: ImportReport["rejected"] } {
  type CsvRecord = { record: Record<string, string | undefined>; info: { lines: number } };
  const records = parse<CsvRecord>(text, {
    bom: true,
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      if (!["name", "email", "language"].every((c) => names.includes(c))) throw new Error("missing columns");
      return names;
    },
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    info: true,
    to: CSV_MAX_ROWS,
  });
  const rows: JournalistInput[] = [];
  const rejected: ImportReport["rejected"] = [];
  const seen = new Set<string>();
  for (const { record, info } of records) {
    const email = (record.email ?? "").toLowerCase();
    const language = parseMailLanguage(record.language ?? "");
    const parsed = journalistSchema.safeParse({ ...record, language: language ?? "invalid" });
    const reason: RejectReason | null = !language
      ? "language_invalid"
      : parsed.success
        ? seen.has(parsed.data.email)
          ? "duplicate"
          : null
        : toReason(parsed.error.issues[0]?.message);
    if (reason) rejected.push({ line: info.lines, reason, email: email.slice(0, 254) });
    else if (parsed.success) {
      seen.add(parsed.data.email);
      rows.push(parsed.data);
    }
  }
  return { rows, rejected };
}

const toReason = (message?: string): RejectReason =>
  message === "name_required" ? "name_required" : message?.endsWith("too_long") ? "too_long" : "email_invalid";

export async function importJournalists(
  db: Db,
  actor: Actor,
  listId: string,
  csv: string,
): Promise<Result<ImportReport>> {
  if (!can(actor.role, "distribution.manage")) return fail("forbidden");
  if (!(await db.journalistList.findUnique({ where: { id: listId } }))) return fail("list_not_found");
  let parsed;
  try {
    parsed = parseJournalistCsv(csv);
  } catch {
    return fail("csv_invalid");
  }
  const existing = new Set(
    (await db.journalist.findMany({ where: { listId }, select: { email: true } })).map((j) => j.email),
  );
  await db.$transaction(
    async (tx) => {
      for (const row of parsed.rows) {
        await tx.journalist.upsert({
          where: { listId_email: { listId, email: row.email } },
          create: { listId, ...row },
          update: row,
        });
      }
    },
    { timeout: 120_000 },
  );
  const updated = parsed.rows.filter((r) => existing.has(r.email)).length;
  const report = {
    added: parsed.rows.length - updated,
    updated,
    rejected: parsed.rejected.slice(0, REJECTS_SHOWN),
    rejectedTotal: parsed.rejected.length,
  };
  await recordAudit(db, {
    actorId: actor.id,
    action: "distribution.list_imported",
    targetId: listId,
    detail: { ...report, rejected: undefined },
  });
  return ok(report);
}
