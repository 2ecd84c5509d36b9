// Proportions and dates of a generated archive: 20 years of releases ending now, denser in recent
// years; ~85% live in both languages, ~3% published under embargo (live within the next days),
// ~12% not published (drafts with and without English, and translations awaiting publication).
import { type Random } from "./random";

export const YEARS = 20;
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** "edited": live, with the Chinese changed since publishing (its translation is outdated, as the app would show). */
export type ReleaseKind = "published" | "edited" | "embargoed" | "draft-zh" | "draft-both" | "translated";

const KINDS: [ReleaseKind, number][] = [
  ["published", 0.8075],
  ["edited", 0.0425],
  ["embargoed", 0.03],
  ["draft-zh", 0.05],
  ["draft-both", 0.04],
  ["translated", 0.03],
];

/** Release.version after the app's steps: create 1, translate +1, mark translated +1, publish +1, edit +1. */
export const VERSIONS: Record<ReleaseKind, number> = {
  published: 4,
  edited: 5,
  embargoed: 4,
  "draft-zh": 1,
  "draft-both": 2,
  translated: 3,
};

export function pickKind(random: Random): ReleaseKind {
  let x = random();
  for (const [kind, share] of KINDS) if ((x -= share) < 0) return kind;
  return "published";
}

export const ARCHIVE_USERS = [
  {
    id: "archive-editor",
    email: "archive-editor@example.com",
    displayName: "Archive Editor",
    role: "EDITOR",
    locale: "zh",
  },
  {
    id: "archive-translator",
    email: "archive-translator@example.com",
    displayName: "Archive Translator",
    role: "TRANSLATOR",
    locale: "en",
  },
] as const;

export const ARCHIVE_CATEGORIES = [
  { id: "archive-cat-news", slug: "news", nameZh: "新闻发布", nameEn: "News", position: 0, share: 0.35 },
  {
    id: "archive-cat-cooperation",
    slug: "cooperation",
    nameZh: "国际合作",
    nameEn: "International cooperation",
    position: 1,
    share: 0.2,
  },
  { id: "archive-cat-policy", slug: "policy", nameZh: "政策解读", nameEn: "Policy", position: 2, share: 0.12 },
  { id: "archive-cat-patents", slug: "patents", nameZh: "专利", nameEn: "Patents", position: 3, share: 0.1 },
  { id: "archive-cat-trademarks", slug: "trademarks", nameZh: "商标", nameEn: "Trademarks", position: 4, share: 0.05 },
  {
    id: "archive-cat-enforcement",
    slug: "enforcement",
    nameZh: "执法保护",
    nameEn: "Enforcement",
    position: 5,
    share: 0.03,
  },
] as const;

/** A category id, or null for the remaining ~15% of releases. */
export function pickCategory(random: Random): string | null {
  let x = random();
  for (const c of ARCHIVE_CATEGORIES) if ((x -= c.share) < 0) return c.id;
  return null;
}

export interface ReleaseTimes {
  created: Date;
  translated: Date;
  /** last change of the working copy (Release.updatedAt) */
  updated: Date;
  published: Date | null;
}

/** Live dates over YEARS with density rising linearly towards now; drafts from the last half year. */
export function releaseTimes(kind: ReleaseKind, random: Random, now: Date): ReleaseTimes {
  const t = now.getTime();
  const at = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
  if (kind === "embargoed") {
    const created = t - random() * 10 * DAY;
    return {
      created: at(created),
      translated: at(created + HOUR),
      updated: at(created + 2 * HOUR),
      published: at(t + HOUR + random() * 7 * DAY),
    };
  }
  if (kind.startsWith("draft") || kind === "translated") {
    const created = t - random() * 180 * DAY;
    const translated = created + random() * 48 * HOUR;
    return {
      created: at(created),
      translated: at(Math.min(translated, t)),
      updated: at(Math.min(translated, t)),
      published: null,
    };
  }
  const published = t - YEARS * 365.25 * DAY * (1 - Math.sqrt(random()));
  const created = published - (1 + random() * 71) * HOUR;
  const translated = created + random() * (published - created);
  const updated = kind === "edited" ? Math.min(t, published + random() * 30 * DAY) : published;
  return { created: at(created), translated: at(translated), updated: at(updated), published: at(published) };
}
