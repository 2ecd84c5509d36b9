import "server-only";
import { countByShownState } from "@/domain/distribution/states";
import type { DistributionChoice } from "@/domain/distribution/schemas";
import type { Db } from "../db/client";
import { isPostgres, placeholder } from "./sql";

// Read models of the back office. Each reads what its page shows: counts are aggregates, lists are
// pages of PAGE rows by keyset (never the whole table).

export const PAGE = 50;

export async function subscriberCounts(db: Db) {
  const [byStatus, byLanguage, allCategories, byCategory, categories] = await Promise.all([
    db.subscriber.groupBy({ by: ["status"], _count: { _all: true } }),
    db.subscriber.groupBy({ by: ["language"], where: { status: "confirmed" }, _count: { _all: true } }),
    db.subscriber.count({ where: { status: "confirmed", allCategories: true } }),
    db.subscriberCategory.groupBy({
      by: ["categoryId"],
      where: { subscriber: { status: "confirmed" } },
      _count: { _all: true },
    }),
    db.category.findMany({ orderBy: { position: "asc" } }),
  ]);
  const count = <K extends string>(rows: ({ _count: { _all: number } } & Record<K, string>)[], key: K, value: string) =>
    rows.find((r) => r[key] === value)?._count._all ?? 0;
  return {
    status: {
      pending: count(byStatus, "status", "pending"),
      confirmed: count(byStatus, "status", "confirmed"),
      unsubscribed: count(byStatus, "status", "unsubscribed"),
    },
    language: {
      zh: count(byLanguage, "language", "zh"),
      en: count(byLanguage, "language", "en"),
      both: count(byLanguage, "language", "both"),
    },
    allCategories,
    categories: categories.map((c) => ({
      id: c.id,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      count: count(byCategory, "categoryId", c.id),
    })),
  };
}

export async function listsWithCounts(db: Db) {
  const [lists, counts] = await Promise.all([
    db.journalistList.findMany({ orderBy: { name: "asc" }, take: 500 }),
    db.journalist.groupBy({ by: ["listId"], where: { unsubscribedAt: null }, _count: { _all: true } }),
  ]);
  return lists.map((l) => ({ id: l.id, name: l.name, count: counts.find((c) => c.listId === l.id)?._count._all ?? 0 }));
}

export async function listMembers(db: Db, listId: string, after?: string) {
  const rows = await db.journalist.findMany({
    where: { listId, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: PAGE + 1,
  });
  return { rows: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

/**
 * Who a publication would reach: distinct addresses among the chosen lists and the confirmed
 * subscribers of the release's category, minus suppressed and unsubscribed ones and (unless sending
 * again) those who already got this release. One counting query.
 */
export async function recipientCount(db: Db, releaseId: string, choice: DistributionChoice): Promise<number> {
  const release = await db.release.findUnique({ where: { id: releaseId }, select: { categoryId: true } });
  if (!release || (!choice.subscribers && choice.listIds.length === 0)) return 0;
  const pg = isPostgres(db);
  const args: unknown[] = [];
  const p = (v: unknown) => (args.push(v), placeholder(pg, args.length));
  const parts: string[] = [];
  if (choice.listIds.length)
    parts.push(
      `SELECT "email" FROM "Journalist" WHERE "unsubscribedAt" IS NULL AND "listId" IN (${choice.listIds.map(p).join(", ")})`,
    );
  if (choice.subscribers)
    parts.push(
      `SELECT s."email" FROM "Subscriber" s WHERE s."status" = 'confirmed' AND (s."allCategories" = TRUE OR EXISTS (SELECT 1 FROM "SubscriberCategory" c WHERE c."subscriberId" = s."id" AND c."categoryId" = ${p(release.categoryId)}))`,
    );
  let sql = `SELECT COUNT(*) AS "n" FROM (${parts.join(" UNION ")}) r WHERE r."email" NOT IN (SELECT "email" FROM "Suppression")`;
  if (!choice.resend) {
    const last = await db.mailDispatch.findFirst({ where: { releaseId, kind: "release" }, orderBy: { round: "desc" } });
    if (last)
      sql += ` AND r."email" NOT IN (SELECT "email" FROM "MailMessage" WHERE "releaseId" = ${p(releaseId)} AND "kind" = 'release' AND "round" = ${p(last.round)})`;
  }
  const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(sql, ...args);
  return Number(rows[0]?.n ?? 0);
}

export async function deliverySummary(db: Db, releaseId: string) {
  const grouped = await db.mailMessage.groupBy({
    by: ["state"],
    where: { releaseId, kind: { in: ["release", "embargo"] } },
    _count: { _all: true },
  });
  const pending = await db.mailDispatch.count({ where: { releaseId, phase: { not: "done" } } });
  return {
    counts: countByShownState(grouped.map((g) => ({ state: g.state, count: g._count._all }))),
    pendingDispatches: pending,
  };
}

export async function deliveryRecipients(db: Db, releaseId: string, after?: string) {
  const rows = await db.mailMessage.findMany({
    where: { releaseId, kind: { in: ["release", "embargo"] }, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: PAGE + 1,
    select: {
      id: true,
      email: true,
      name: true,
      kind: true,
      round: true,
      language: true,
      state: true,
      attempts: true,
      lastCode: true,
      lastError: true,
      sentAt: true,
      journalistId: true,
    },
  });
  return { rows: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

export async function embargoGrants(db: Db, releaseId: string) {
  const grants = await db.embargoGrant.findMany({
    where: { releaseId },
    orderBy: { createdAt: "asc" },
    take: 500,
    include: { _count: { select: { accesses: true } }, accesses: { orderBy: { at: "desc" }, take: 1 } },
  });
  return grants.map((g) => ({
    id: g.id,
    email: g.email,
    name: g.name,
    revokedAt: g.revokedAt,
    opened: g._count.accesses,
    lastOpenedAt: g.accesses[0]?.at ?? null,
  }));
}

export async function localMailPage(db: Db, before?: string) {
  const anchor = before ? await db.localMail.findUnique({ where: { id: before }, select: { createdAt: true } }) : null;
  const rows = await db.localMail.findMany({
    where: anchor ? { createdAt: { lt: anchor.createdAt } } : {},
    orderBy: { createdAt: "desc" },
    take: PAGE + 1,
    select: { id: true, recipient: true, subject: true, createdAt: true },
  });
  return { rows: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

export async function webhooksWithLog(db: Db) {
  const hooks = await db.webhook.findMany({ orderBy: { createdAt: "asc" }, take: 100 });
  return Promise.all(
    hooks.map(async (h) => ({
      ...h,
      deliveries: await db.webhookDelivery.findMany({
        where: { webhookId: h.id },
        orderBy: { createdAt: "desc" },
        take: 20,
        select: {
          id: true,
          event: true,
          state: true,
          attempts: true,
          responseStatus: true,
          error: true,
          durationMs: true,
          createdAt: true,
          deliveredAt: true,
        },
      }),
    })),
  );
}
