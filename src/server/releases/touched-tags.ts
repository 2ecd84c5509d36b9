import "server-only";
import { monthKeyOf } from "@/domain/public/calendar";
import type { ContentLocale as Locale } from "@/i18n/settings";
import { tagFor } from "../cache-tags";
import { env } from "../env";

// What a publish, withdraw or re-publish of one release changes on the public site, as cache tags
// (docs/CACHING.md "Invalidation"): everything that showed the release before the change and
// everything that shows it after, in every language it is or was live in.

/** One live snapshot of the release, as it was before the change or is after it. */
export interface LiveSnapshot {
  locale: Locale;
  slug: string;
  categoryId: string | null;
  publishedAt: Date;
}

export function touchedTags(
  releaseId: string,
  before: readonly LiveSnapshot[],
  after: readonly LiveSnapshot[],
  timeZone = env().NEWSROOM_TIMEZONE,
): string[] {
  const tags = new Set<string>([tagFor.release(releaseId)]);
  for (const p of [...before, ...after]) {
    const month = monthKeyOf(p.publishedAt, timeZone);
    tags.add(tagFor.list(p.locale));
    tags.add(tagFor.months(p.locale));
    tags.add(tagFor.month(p.locale, month));
    tags.add(tagFor.sitemap(p.locale, month.slice(0, 4)));
    tags.add(tagFor.article(p.locale, p.slug));
    if (p.categoryId) tags.add(tagFor.category(p.locale, p.categoryId));
  }
  return [...tags];
}
