import "server-only";
import type { Locale } from "@/i18n/settings";
import { db } from "../db";

// Read models for the public site: only live snapshots whose publication time has passed.

export const PAGE_SIZE = 10;

const livePublication = (locale: Locale, now: Date) => ({ locale, publishedAt: { lte: now } });

export async function listPublished(locale: Locale, page = 1, now = new Date()) {
  const where = livePublication(locale, now);
  const [items, total] = await Promise.all([
    db().publication.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { releaseId: true, title: true, summary: true, slug: true, publishedAt: true },
    }),
    db().publication.count({ where }),
  ]);
  return { items, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getPublishedArticle(locale: Locale, slug: string, now = new Date()) {
  const article = await db().publication.findFirst({ where: { ...livePublication(locale, now), slug } });
  if (!article) return null;
  const counterpart = await db().publication.findFirst({
    where: { releaseId: article.releaseId, locale: locale === "zh" ? "en" : "zh", publishedAt: { lte: now } },
    select: { slug: true, title: true, locale: true },
  });
  return { article, counterpart };
}
