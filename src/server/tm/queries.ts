import "server-only";
import { tmQueryTerms } from "@/domain/tm/text-index";
import { textIndexFor, type Client, type TextLang } from "./engine";

// The /admin/tm page: the newest pairs, or those matching a query in Chinese, English or either,
// a page at a time (keyset on the id, newest first).

export const TM_PAGE_SIZE = 50;

export interface TmQuery {
  q: string;
  lang: TextLang;
  /** show pairs older than this id (the previous page's last) */
  before?: number | null;
}

export interface TmRow {
  id: number;
  source: string;
  target: string;
  createdAt: Date;
  releases: { id: string; via: string; title: string | null }[];
}

export async function searchMemory(
  db: Client,
  query: TmQuery,
): Promise<{ items: TmRow[]; next: number | null; rejected?: string }> {
  const before = query.before ?? null;
  let ids: number[];
  const terms = tmQueryTerms(query.q);
  if (terms.length > 0) {
    ids = await textIndexFor(db).search(db, terms, query.lang, before, TM_PAGE_SIZE + 1);
  } else if (typeof query.q !== "string" || query.q.trim() === "") {
    const rows = await db.tmUnit.findMany({
      where: { deletedAt: null, ...(before ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take: TM_PAGE_SIZE + 1,
      select: { id: true },
    });
    ids = rows.map((r) => r.id);
  } else return { items: [], next: null, rejected: "no_terms" };
  const page = ids.slice(0, TM_PAGE_SIZE);
  const units = await db.tmUnit.findMany({
    where: { id: { in: page }, deletedAt: null },
    orderBy: { id: "desc" },
    include: {
      sources: {
        take: 3,
        orderBy: { createdAt: "desc" },
        include: { release: { select: { id: true, contents: { where: { locale: "zh" }, select: { title: true } } } } },
      },
    },
  });
  return {
    items: units.map((u) => ({
      id: u.id,
      source: u.source,
      target: u.target,
      createdAt: u.createdAt,
      releases: u.sources.map((s) => ({ id: s.releaseId, via: s.via, title: s.release.contents[0]?.title ?? null })),
    })),
    next: ids.length > TM_PAGE_SIZE ? page.at(-1)! : null,
  };
}
