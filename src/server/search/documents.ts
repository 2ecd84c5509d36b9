import "server-only";
import { createHash } from "node:crypto";
import { kindRange, LANG_BIT, type DocText, type Kind, type Lang } from "@/domain/search/lists";
import type { Prisma } from "../db/generated/sqlite/client";

// Search documents: one per language of a release's working copy ("work") and of its live
// snapshot ("live"), rebuilt from those rows. The index stores their tokens; rows stay the source.

export type Client = Prisma.TransactionClient;
export type { Kind, Lang };

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

// Bump when tokenization changes: every document then looks stale and is rebuilt.
const TOKENIZER_VERSION = "2";

export const docKey = (d: { kind: string; releaseId: string; locale: string }) =>
  `${d.kind}:${d.releaseId}:${d.locale}`;

/** Which searches see a document's pending changes: its kind and language. */
export const docScope = (d: { kind: Kind; locale: Lang }) => d.kind + d.locale;

export const docText = (s: Source): DocText => ({ title: s.title, summary: s.summary, body: s.bodyText });

// Document ids order the index: newest first is ascending id. Within a kind's range (lists.ts),
// id = ((MAX_TICK − tick) · SLOTS + slot) · 2 + language bit, where tick is the minute of sortAt
// and the slot (0..7) a hash of the document key, probing upwards on a clash and into the next,
// newer minute when one is full (a document never shows early). Few slots and whole minutes keep
// consecutive ids of a list close together: the gaps between them are most of the index
// (docs/SEARCH.md, "Document ids").
export const SLOTS = 8;
const UNIT = 60_000;
const MAX_TICK = 2 ** 42;

const tickOf = (sortAt: number) => Math.max(0, Math.min(MAX_TICK - 1, Math.floor(sortAt / UNIT)));
const idOf = (kind: Kind, locale: Lang, tick: number, slot: number) =>
  kindRange(kind).from + ((MAX_TICK - tick) * SLOTS + slot) * 2 + LANG_BIT[locale];

/**
 * Documents of this kind with sortAt at or before `at` have ids ≥ floor. Those of `at`'s own tick,
 * ids below floor + 2 · SLOTS, need a look at their exact sortAt.
 */
export const idFloor = (kind: Kind, at: number): number => idOf(kind, "zh", tickOf(at), 0);

function preferredSlot(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) % SLOTS;
}

export interface Placed {
  kind: Kind;
  releaseId: string;
  locale: Lang;
  sortAt: number;
}

/**
 * Ids for new documents (in order), avoiding ids in use (`taken` says which of some candidate
 * ids are stored or still have postings) and each other.
 */
export async function assignIds(docs: Placed[], taken: (ids: number[]) => Promise<number[]>): Promise<number[]> {
  const slot = docs.map((d) => preferredSlot(docKey(d)));
  const tick = docs.map((d) => tickOf(d.sortAt));
  const probe = docs.map(() => 0);
  const ids = docs.map(() => 0);
  const used = new Set<number>();
  let pending = docs.map((_, i) => i);
  while (pending.length > 0) {
    for (const i of pending) {
      let id: number;
      do {
        if (probe[i] === SLOTS) {
          probe[i] = 0;
          tick[i]!++; // a full tick: the next one, never an earlier one (no early visibility)
        }
        id = idOf(docs[i]!.kind, docs[i]!.locale, tick[i]!, (slot[i]! + probe[i]!++) % SLOTS);
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

const textFields = { releaseId: true, locale: true, title: true, summary: true, bodyText: true } as const;

/** The rows the index mirrors for these releases. */
export async function loadSources(tx: Client, releaseIds: string[]): Promise<Source[]> {
  const where = { releaseId: { in: releaseIds } };
  const work = await tx.releaseContent.findMany({ where, select: { ...textFields, updatedAt: true } });
  const live = await tx.publication.findMany({ where, select: { ...textFields, publishedAt: true } });
  return [
    ...work.map(({ updatedAt, ...c }) => ({ ...c, kind: "work" as const, sortAt: updatedAt.getTime() })),
    ...live.map(({ publishedAt, ...p }) => ({ ...p, kind: "live" as const, sortAt: publishedAt.getTime() })),
  ];
}
