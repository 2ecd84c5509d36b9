import "server-only";
import type { ContentLocale } from "@/i18n/settings";
import { DASHBOARD_GROUPS, dashboardGroup, type DashboardGroup } from "@/domain/release/dashboard";
import { isOutdated } from "@/domain/release/workflow";
import type { Db } from "../db/client";
import { releaseState } from "./state";

// Read models for the back office: working copies, not the live snapshot.

export interface DashboardFilter {
  q?: string;
  categoryId?: string;
}

export type DashboardRow = Awaited<ReturnType<typeof listReleasesForDashboard>>[number];

export async function listReleasesForDashboard(db: Db, filter: DashboardFilter, now = new Date()) {
  const releases = await db.release.findMany({
    where: filter.categoryId ? { categoryId: filter.categoryId } : {},
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 1000,
    include: {
      contents: true,
      publications: { select: { locale: true, publishedAt: true } },
      category: true,
      author: { select: { displayName: true } },
    },
  });
  const q = filter.q?.trim().toLowerCase();
  return releases
    .filter((r) => !q || r.contents.some((c) => c.title.toLowerCase().includes(q)))
    .map((r) => {
      const state = releaseState(r);
      const liveAt = r.publications[0]?.publishedAt ?? null;
      return {
        id: r.id,
        status: r.status,
        version: r.version,
        updatedAt: r.updatedAt,
        category: r.category,
        author: r.author.displayName,
        zh: r.contents.find((c) => c.locale === "zh") ?? null,
        en: r.contents.find((c) => c.locale === "en") ?? null,
        liveAt,
        outdated: isOutdated(state),
        group: dashboardGroup(state, liveAt, now),
      };
    });
}

export function groupRows<T extends { group: DashboardGroup }>(rows: T[]): Record<DashboardGroup, T[]> {
  const groups = Object.fromEntries(DASHBOARD_GROUPS.map((g) => [g, [] as T[]])) as Record<DashboardGroup, T[]>;
  for (const row of rows) groups[row.group].push(row);
  return groups;
}

export async function listCategories(db: Db) {
  return db.category.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }] });
}

export async function getReleaseForEdit(db: Db, id: string) {
  const release = await db.release.findUnique({
    where: { id },
    include: { contents: true, publications: true, category: true, author: { select: { displayName: true } } },
  });
  if (!release) return null;
  return {
    ...release,
    zh: release.contents.find((c) => c.locale === "zh") ?? null,
    en: release.contents.find((c) => c.locale === "en") ?? null,
    state: releaseState(release),
  };
}

export async function listRevisions(db: Db, releaseId: string, locale: ContentLocale) {
  return db.revision.findMany({
    where: { releaseId, locale },
    orderBy: { number: "desc" },
    include: { author: { select: { displayName: true } } },
  });
}

export async function getRevision(db: Db, releaseId: string, id: string) {
  return db.revision.findFirst({ where: { id, releaseId } });
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(db: Db, page: number, releaseId?: string) {
  const where = releaseId ? { releaseId } : {};
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { displayName: true, email: true } } },
    }),
    db.auditEvent.count({ where }),
  ]);
  return { events, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** One language's current working copy, as the conflict view compares it with what the user typed. */
export async function getWorkingCopy(db: Db, releaseId: string, locale: ContentLocale) {
  const c = await db.releaseContent.findUnique({ where: { releaseId_locale: { releaseId, locale } } });
  return c && { title: c.title, summary: c.summary, body: c.body, slug: c.slug };
}
