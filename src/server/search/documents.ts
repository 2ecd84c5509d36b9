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

export const docKey = (d: { kind: string; releaseId: string; locale: string }) => `${d.kind}:${d.releaseId}:${d.locale}`;

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
