import "server-only";
import type { ContentLocale } from "@/i18n/settings";
import { tmTokens, type TmTerm } from "@/domain/tm/text-index";
import { Prisma } from "../db/generated/sqlite/client";
import { isPostgresUrl } from "../env";

// The translation memory's text index, one implementation per engine (the only TM SQL that
// differs): SQLite's contentless FTS5 table "TmFts", PostgreSQL's "TmText" tsvector with GIN.
// Tokens are the search tokenizer's (CJK bigrams, stemmed words; docs/SEARCH.md).

export type Client = Prisma.TransactionClient;
export type TextLang = ContentLocale | "any";

export interface TmTextIndex {
  insert(tx: Client, rows: { id: number; source: string; target: string }[]): Promise<void>;
  remove(tx: Client, ids: number[]): Promise<void>;
  /** Unit ids matching every term, newest first, below `before` when given. */
  search(tx: Client, terms: TmTerm[], lang: TextLang, before: number | null, limit: number): Promise<number[]>;
}

export function isPostgres(client: Client): boolean {
  const provider = (client as { _activeProvider?: string })._activeProvider;
  return provider ? provider === "postgresql" : isPostgresUrl(process.env.DATABASE_URL ?? "");
}

/** Token caps: positions stay far below PostgreSQL's 16,383, and FTS5 rows stay small. */
const MAX_TOKENS = 4_000;
export const tokensOf = (text: string) => tmTokens(text, MAX_TOKENS);

const sqlite: TmTextIndex = {
  async insert(tx, rows) {
    if (rows.length === 0) return;
    const values = rows.map(
      (r) => Prisma.sql`(${r.id}, ${tokensOf(r.source).join(" ")}, ${tokensOf(r.target).join(" ")})`,
    );
    await tx.$executeRaw`INSERT INTO "TmFts" ("rowid", "zh", "en") VALUES ${Prisma.join(values)}`;
  },
  async remove(tx, ids) {
    if (ids.length) await tx.$executeRaw`DELETE FROM "TmFts" WHERE "rowid" IN (${Prisma.join(ids)})`;
  },
  async search(tx, terms, lang, before, limit) {
    const scope = lang === "any" ? "{zh en}" : `{${lang}}`;
    // Tokens are letters, digits and CJK only: a quoted phrase per term, nothing the user typed as syntax.
    const phrases = terms.map((t) => `"${t.tokens.join(" ")}"${t.prefix ? " *" : ""}`);
    const match = `${scope} : (${phrases.join(" AND ")})`;
    const rows = await tx.$queryRaw<
      { id: number | bigint }[]
    >`SELECT "rowid" AS "id" FROM "TmFts" WHERE "TmFts" MATCH ${match} AND "rowid" < ${before ?? 2 ** 31 - 1} ORDER BY "rowid" DESC LIMIT ${limit}`;
    return rows.map((r) => Number(r.id));
  },
};

const quotePg = (t: string) => `'${t.replace(/['\\]/g, (c) => c + c)}'`;

/** tsvector literal: Chinese tokens weight A, English weight B, one position apart between them. */
export function tmTsvector(source: string, target: string): string {
  const lexemes = new Map<string, string[]>();
  let position = 1;
  for (const [tokens, weight] of [
    [tokensOf(source), "A"],
    [tokensOf(target), "B"],
  ] as const) {
    for (const token of tokens) {
      const list = lexemes.get(token) ?? [];
      if (list.length < 256) list.push(`${position}${weight}`);
      lexemes.set(token, list);
      position++;
    }
    position++;
  }
  return [...lexemes].map(([t, ps]) => `${quotePg(t)}:${ps.join(",")}`).join(" ");
}

const postgres: TmTextIndex = {
  async insert(tx, rows) {
    if (rows.length === 0) return;
    await tx.$executeRaw`INSERT INTO "TmText" ("unitId", "tsv") SELECT * FROM unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => tmTsvector(r.source, r.target))}::text[]::tsvector[])`;
  },
  async remove(tx, ids) {
    if (ids.length) await tx.$executeRaw`DELETE FROM "TmText" WHERE "unitId" = ANY(${ids}::int[])`;
  },
  async search(tx, terms, lang, before, limit) {
    const weight = lang === "zh" ? ":A" : lang === "en" ? ":B" : "";
    const lexeme = (tok: string, prefix: boolean) => quotePg(tok) + (prefix ? `:*${weight.slice(1)}` : weight);
    const query = terms
      .map((t) => `(${t.tokens.map((tok, i) => lexeme(tok, t.prefix && i === t.tokens.length - 1)).join(" <-> ")})`)
      .join(" & ");
    const rows = await tx.$queryRaw<
      { id: number }[]
    >`SELECT "unitId" AS "id" FROM "TmText" WHERE "tsv" @@ ${query}::tsquery AND "unitId" < ${before ?? 2 ** 31 - 1} ORDER BY "unitId" DESC LIMIT ${limit}`;
    return rows.map((r) => Number(r.id));
  },
};

export const textIndexFor = (client: Client): TmTextIndex => (isPostgres(client) ? postgres : sqlite);
