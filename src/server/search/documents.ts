import "server-only";
import { createHash } from "node:crypto";
import { textTokens } from "@/domain/search/text";
import type { Prisma } from "../db/generated/sqlite/client";

// Search documents: one per language of a release's working copy ("work") and of its live
// snapshot ("live"), rebuilt from those rows. Engines store the tokens; rows stay the source.

export type Client = Prisma.TransactionClient;
export type Kind = "live" | "work";
export type Lang = "zh" | "en";

export interface Source {
  kind: Kind;
  releaseId: string;
  locale: Lang;
  title: string;
  summary: string;
  bodyText: string;
  /** live: publication time (hidden until then); work: last edit */
  sortAt: number;
}

export interface IndexDoc {
  kind: Kind;
  releaseId: string;
  locale: Lang;
  sortAt: number;
  hash: string;
  fields: { title: string[]; summary: string[]; body: string[] };
}

/** Caps keep PostgreSQL positions under its 16,383 limit, and both engines index the same tokens. */
export const MAX_TOKENS = { title: 400, summary: 2_000, body: 12_000 } as const;
// Bump when tokenization changes: every document then looks stale and is rebuilt.
const TOKENIZER_VERSION = "1";

export const docKey = (d: { kind: string; releaseId: string; locale: string }) =>
  `${d.kind}:${d.releaseId}:${d.locale}`;

// Document ids sort by date, newest first: id = (2^42 - 1 - sortAt) · 2^21 + slot. "Newest first"
// is then "lowest id first", which FTS5 walks in its natural rowid order and stops early
// (docs/SEARCH.md, Ranking); its descending walk costs 2-3 times more. The slot (0..2^21-1)
// separates documents of the same millisecond: a hash of the document key, probing upwards on a
// clash, so the order of ties is the same on both engines and after a reindex.
export const ID_SLOTS = 2n ** 21n;
// 0 <= sortAt < 2^42 ms (1970 to 2109) keeps ids inside a signed 64-bit integer; dates outside
// are clamped, which only blurs the order among such dates.
const LAST_MS = 2 ** 42 - 1;
const idBase = (sortAt: number) => BigInt(LAST_MS - Math.max(0, Math.min(LAST_MS, Math.trunc(sortAt)))) * ID_SLOTS;

/** The smallest id a document with sortAt <= `at` can have. */
export const idFloor = (at: number): bigint => idBase(at);

function preferredSlot(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) % Number(ID_SLOTS);
}

/**
 * Ids for new documents (in order), avoiding ids already stored (`taken` says which of some
 * candidate ids exist) and each other. Clashes need the same millisecond and the same slot.
 */
export async function assignIds(docs: IndexDoc[], taken: (ids: bigint[]) => Promise<bigint[]>): Promise<bigint[]> {
  const preferred = docs.map((d) => preferredSlot(docKey(d)));
  const probe = docs.map(() => 0);
  const ids: bigint[] = docs.map(() => 0n);
  const used = new Set<bigint>();
  let pending = docs.map((_, i) => i);
  while (pending.length > 0) {
    for (const i of pending) {
      let id: bigint;
      do {
        if (probe[i]! >= Number(ID_SLOTS)) throw new Error("search index: no free document id in this millisecond");
        id = idBase(docs[i]!.sortAt) + BigInt((preferred[i]! + probe[i]!++) % Number(ID_SLOTS));
      } while (used.has(id));
      ids[i] = id;
      used.add(id);
    }
    const clash = new Set(await taken(pending.map((i) => ids[i]!)));
    pending = pending.filter((i) => clash.has(ids[i]!));
  }
  return ids;
}

export function sourceHash(s: Source): string {
  return createHash("sha256")
    .update([TOKENIZER_VERSION, s.sortAt, s.title, s.summary, s.bodyText].join("\u0000"))
    .digest("base64url")
    .slice(0, 22);
}

export function toIndexDoc(s: Source, hash = sourceHash(s)): IndexDoc {
  return {
    kind: s.kind,
    releaseId: s.releaseId,
    locale: s.locale,
    sortAt: s.sortAt,
    hash,
    fields: {
      title: textTokens(s.title, MAX_TOKENS.title),
      summary: textTokens(s.summary, MAX_TOKENS.summary),
      body: textTokens(s.bodyText, MAX_TOKENS.body),
    },
  };
}

/** The rows the index mirrors for these releases. */
export async function loadSources(tx: Client, releaseIds: string[]): Promise<Source[]> {
  const where = { releaseId: { in: releaseIds } };
  const select = { releaseId: true, locale: true, title: true, summary: true, bodyText: true } as const;
  const work = await tx.releaseContent.findMany({ where, select: { ...select, updatedAt: true } });
  const live = await tx.publication.findMany({ where, select: { ...select, publishedAt: true } });
  return [
    ...work.map(({ updatedAt, ...c }) => ({ ...c, kind: "work" as const, sortAt: updatedAt.getTime() })),
    ...live.map(({ publishedAt, ...p }) => ({ ...p, kind: "live" as const, sortAt: publishedAt.getTime() })),
  ];
}
