import "server-only";
import type { ContentLocale } from "@/i18n/settings";
import { createHash } from "node:crypto";
import { idTag, type DocText, type Kind, type Role } from "@/domain/search/lists";
import type { Prisma } from "../db/generated/sqlite/client";

// Search documents: the texts of a release's working copies ("work") and live snapshots ("live"),
// one per language, or one for both when they are the same text ("shared"). Rebuilt from those
// rows; the index stores their tokens, the rows stay the source.

export type Client = Prisma.TransactionClient;
export type { Kind, ContentLocale, Role };

/** A working copy (kind work) or live snapshot (kind live) as the index reads it. */
export interface Source {
  kind: Kind;
  releaseId: string;
  locale: ContentLocale;
  title: string;
  summary: string;
  bodyText: string;
  /** live: publication time (hidden until then); work: last edit */
  sortAt: number;
}

/** What the index holds: a source, or a live snapshot and working copy with the same text. */
export interface IndexDoc {
  role: Role;
  releaseId: string;
  locale: ContentLocale;
  title: string;
  summary: string;
  bodyText: string;
  /** the live snapshot's publication time (live, shared), else the working copy's last edit */
  sortAt: number;
}

// Bump when tokenization changes: every document then looks stale and is rebuilt.
const TOKENIZER_VERSION = "4";

export const docKey = (d: { role: string; releaseId: string; locale: string }) =>
  `${d.role}:${d.releaseId}:${d.locale}`;

/** Which searches see a document's pending changes: its role and language. */
export const docScope = (d: { role: Role; locale: ContentLocale }) => d.role + d.locale;

/** The scopes (docScope) a search of this kind sees. */
export const scopesOf = (kind: Kind, locales: readonly ContentLocale[]) =>
  (["shared", kind] as const).flatMap((role) => locales.map((locale) => docScope({ role, locale })));

export const docText = (d: IndexDoc): DocText => ({ title: d.title, summary: d.summary, body: d.bodyText });

const sameText = (a: Source, b: Source) => a.title === b.title && a.summary === b.summary && a.bodyText === b.bodyText;

/** The documents of a release's sources: shared where the live snapshot is the working copy's text. */
export function indexDocs(sources: Source[]): IndexDoc[] {
  const out: IndexDoc[] = [];
  for (const live of sources.filter((s) => s.kind === "live")) {
    const work = sources.find((s) => s.kind === "work" && s.releaseId === live.releaseId && s.locale === live.locale);
    const { kind: _, ...text } = live;
    out.push({ ...text, role: work && sameText(work, live) ? "shared" : "live" });
  }
  for (const work of sources.filter((s) => s.kind === "work")) {
    if (out.some((d) => d.role === "shared" && d.releaseId === work.releaseId && d.locale === work.locale)) continue;
    const { kind: _, ...text } = work;
    out.push({ ...text, role: "work" });
  }
  return out;
}

// Document ids order the index: newest first is ascending id. id = ((MAX_TICK − tick) · SLOTS +
// slot) · 8 + tag, where tick is the minute of sortAt, the slot (0..7) a hash of the document key,
// probing upwards on a clash and into the next, newer minute when one is full (a document never
// shows early), and the tag the role and language (lists.ts). Few slots and whole minutes keep
// consecutive ids of a list close together: the gaps between them are most of the index
// (docs/SEARCH.md, "Document ids"). Ids stay below 2^48: plain numbers in JavaScript.
export const SLOTS = 8;
const UNIT = 60_000;
const MAX_TICK = 2 ** 42;

const tickOf = (sortAt: number) => Math.max(0, Math.min(MAX_TICK - 1, Math.floor(sortAt / UNIT)));
const idOf = (role: Role, locale: ContentLocale, tick: number, slot: number) =>
  ((MAX_TICK - tick) * SLOTS + slot) * 8 + idTag(role, locale);

/**
 * Documents with sortAt at or before `at` have ids ≥ floor. Those of `at`'s own minute, ids below
 * floor + 8 · SLOTS, need a look at their exact sortAt.
 */
export const idFloor = (at: number): number => idOf("live", "zh", tickOf(at), 0);

function preferredSlot(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) % SLOTS;
}

export interface Placed {
  role: Role;
  releaseId: string;
  locale: ContentLocale;
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
        id = idOf(docs[i]!.role, docs[i]!.locale, tick[i]!, (slot[i]! + probe[i]!++) % SLOTS);
      } while (used.has(id));
      ids[i] = id;
      used.add(id);
    }
    const clash = new Set(await taken(pending.map((i) => ids[i]!)));
    pending = pending.filter((i) => clash.has(ids[i]!));
  }
  return ids;
}

export function docHash(d: IndexDoc): string {
  return createHash("sha256")
    .update([TOKENIZER_VERSION, d.role, d.sortAt, d.title, d.summary, d.bodyText].join("\u0000"))
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
