import "server-only";
import type { ViewCount } from "@/contract";
import { isLocale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { providerOf } from "../db/provider";

// Adds a batch of counted views (docs/PRESS-KIT.md "Views"): one upsert per release, day and
// edition, the release found by the article's (edition, slug) on the Publication index. Slugs that
// are no (longer a) publication add nothing. Instances add up: the upsert adds to what is there.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function recordViews(db: Db, batch: readonly ViewCount[]): Promise<number> {
  const valid = batch.filter(
    (v) => DAY.test(v.day) && isLocale(v.edition) && v.slug.length <= 200 && Number.isInteger(v.count) && v.count > 0,
  );
  const pg = providerOf(db) === "postgresql";
  let added = 0;
  for (const v of valid) {
    // The slug came from a URL path: decoded as Next decodes it before looking it up.
    let slug: string;
    try {
      slug = decodeURIComponent(v.slug);
    } catch {
      continue;
    }
    added += pg
      ? await db.$executeRaw`
          INSERT INTO "ReleaseView" ("releaseId", "day", "edition", "count")
          SELECT "releaseId", ${v.day}, ${v.edition}, ${v.count} FROM "Publication"
          WHERE "locale"::text = ${v.edition} AND "slug" = ${slug}
          ON CONFLICT ("releaseId", "day", "edition") DO UPDATE SET "count" = "ReleaseView"."count" + excluded."count"`
      : await db.$executeRaw`
          INSERT INTO "ReleaseView" ("releaseId", "day", "edition", "count")
          SELECT "releaseId", ${v.day}, ${v.edition}, ${v.count} FROM "Publication"
          WHERE "locale" = ${v.edition} AND "slug" = ${slug}
          ON CONFLICT ("releaseId", "day", "edition") DO UPDATE SET "count" = "ReleaseView"."count" + excluded."count"`;
  }
  return added;
}

/** A release's views since `from` (a day), by day and edition: the primary key's range. */
export async function viewsOfRelease(db: Db, releaseId: string, from = "0000-00-00") {
  return db.releaseView.findMany({
    where: { releaseId, day: { gte: from } },
    orderBy: [{ day: "desc" }, { edition: "asc" }],
    select: { day: true, edition: true, count: true },
    take: 5000,
  });
}
