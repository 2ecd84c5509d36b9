import "server-only";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import { indexTerms, termKey, type GlossaryEntry, type TermIndex } from "@/domain/glossary/terms";
import type { GlossaryTermInput } from "@/domain/glossary/schemas";
import { fail, ok, type Result } from "@/domain/result";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";

// The glossary: entries, their changes (audited), and the matcher the translate page and the check
// use, cached per process until any entry changes (a version row every write bumps).

type Client = Prisma.TransactionClient;
export const GLOSSARY_PAGE_SIZE = 50;
const VERSION_KEY = "glossary.version";

const list = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
};

type Row = { id: string; term: string; approved: string; forbidden: string; note: string; category: string };
export const toEntry = (r: Row): GlossaryEntry => ({
  id: r.id,
  term: r.term,
  approved: list(r.approved),
  forbidden: list(r.forbidden),
  note: r.note,
  category: r.category,
});

export async function bumpGlossaryVersion(tx: Client): Promise<void> {
  const value = String(Date.now());
  await tx.appSetting.upsert({ where: { key: VERSION_KEY }, create: { key: VERSION_KEY, value }, update: { value } });
}

let cached: { version: string; index: TermIndex; entries: GlossaryEntry[] } | null = null;

/** Every entry, indexed for matching; reloaded only when the glossary changed. */
export async function glossaryIndex(db: Client): Promise<{ index: TermIndex; entries: GlossaryEntry[] }> {
  const version = (await db.appSetting.findUnique({ where: { key: VERSION_KEY } }))?.value ?? "0";
  if (cached?.version !== version) {
    const entries = (await db.glossaryTerm.findMany({ orderBy: { termKey: "asc" } })).map(toEntry);
    cached = { version, index: indexTerms(entries), entries };
  }
  return cached;
}

export async function listGlossary(db: Db, filter: { q: string; category: string; page: number }) {
  const q = filter.q.trim();
  const where: Prisma.GlossaryTermWhereInput = {
    ...(filter.category ? { category: filter.category } : {}),
    ...(q ? { OR: [{ term: { contains: q } }, { approved: { contains: q } }, { forbidden: { contains: q } }] } : {}),
  };
  const [rows, total, categories] = await Promise.all([
    db.glossaryTerm.findMany({
      where,
      orderBy: { termKey: "asc" },
      skip: (filter.page - 1) * GLOSSARY_PAGE_SIZE,
      take: GLOSSARY_PAGE_SIZE,
    }),
    db.glossaryTerm.count({ where }),
    db.glossaryTerm.findMany({
      distinct: ["category"],
      select: { category: true },
      orderBy: { category: "asc" },
      take: 200,
    }),
  ]);
  return {
    items: rows.map(toEntry),
    total,
    pages: Math.max(1, Math.ceil(total / GLOSSARY_PAGE_SIZE)),
    categories: categories.map((c) => c.category).filter(Boolean),
  };
}

const data = (input: GlossaryTermInput, actor: Actor) => ({
  term: input.term,
  termKey: termKey(input.term),
  approved: JSON.stringify(input.approved),
  forbidden: JSON.stringify(input.forbidden),
  note: input.note,
  category: input.category,
  updatedById: actor.id,
});

/** Creates an entry (id null) or replaces one; one entry per term. */
export async function saveTerm(
  db: Db,
  actor: Actor | null,
  id: string | null,
  input: GlossaryTermInput,
): Promise<Result<{ id: string }>> {
  if (!actor || !can(actor.role, "glossary.write")) return fail("forbidden");
  const clash = await db.glossaryTerm.findUnique({ where: { termKey: termKey(input.term) }, select: { id: true } });
  if (clash && clash.id !== id) return fail("glossary_term_taken");
  if (id && !(await db.glossaryTerm.findUnique({ where: { id }, select: { id: true } })))
    return fail("glossary_not_found");
  const saved = await db.$transaction(async (tx) => {
    const row = id
      ? await tx.glossaryTerm.update({ where: { id }, data: data(input, actor) })
      : await tx.glossaryTerm.create({ data: data(input, actor) });
    await bumpGlossaryVersion(tx);
    await recordAudit(tx, {
      actorId: actor.id,
      action: id ? "glossary.updated" : "glossary.created",
      targetId: row.id,
      detail: { term: row.term },
    });
    return row;
  });
  return ok({ id: saved.id });
}

export async function deleteTerm(db: Db, actor: Actor | null, id: string): Promise<Result<null>> {
  if (!actor || !can(actor.role, "glossary.write")) return fail("forbidden");
  const row = await db.glossaryTerm.findUnique({ where: { id } });
  if (!row) return fail("glossary_not_found");
  await db.$transaction(async (tx) => {
    await tx.glossaryTerm.delete({ where: { id } });
    await bumpGlossaryVersion(tx);
    await recordAudit(tx, { actorId: actor.id, action: "glossary.deleted", targetId: id, detail: { term: row.term } });
  });
  return ok(null);
}

/** Upserts many entries (CSV import) in one transaction; returns how many were new. */
export async function upsertTerms(
  db: Db,
  actor: Actor,
  inputs: GlossaryTermInput[],
): Promise<{ created: number; updated: number }> {
  return db.$transaction(
    async (tx) => {
      let created = 0;
      for (const input of inputs) {
        const existing = await tx.glossaryTerm.findUnique({
          where: { termKey: termKey(input.term) },
          select: { id: true },
        });
        if (existing) await tx.glossaryTerm.update({ where: { id: existing.id }, data: data(input, actor) });
        else {
          await tx.glossaryTerm.create({ data: data(input, actor) });
          created++;
        }
      }
      await bumpGlossaryVersion(tx);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "glossary.imported",
        detail: { rows: inputs.length, created },
      });
      return { created, updated: inputs.length - created };
    },
    { timeout: 60_000 },
  );
}
