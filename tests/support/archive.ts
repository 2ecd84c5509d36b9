// A synthetic archive written straight into the tables (fast enough for a CI test): releases over
// a span of years at a steady rate, both languages (a few Chinese-only), ~12% drafts, ~3% embargoed
// up to 30 days ahead, four categories, a few featured. Deterministic for a given seed.
import type { Db } from "../../src/server/db/client";

const DAY = 86_400_000;
export const CATEGORY_SLUGS = ["press-releases", "international", "policy", "statistics"] as const;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const doc = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export interface ArchiveSpec {
  /** releases to add, with ids `${prefix}00001`… */
  count: number;
  prefix: string;
  /** published between these instants (embargoed ones: up to 30 days after `until`) */
  from: Date;
  until: Date;
  seed: number;
}

export async function ensureArchiveBasics(db: Db): Promise<{ authorId: string; categories: string[] }> {
  const author = await db.user.upsert({
    where: { email: "archive@test" },
    create: { email: "archive@test", displayName: "Archive", role: "EDITOR", passwordHash: "-" },
    update: {},
  });
  const categories: string[] = [];
  for (const [position, slug] of CATEGORY_SLUGS.entries()) {
    const c = await db.category.upsert({
      where: { slug },
      create: { slug, nameZh: `类别${position}`, nameEn: `Category ${position}`, position },
      update: {},
    });
    categories.push(c.id);
  }
  return { authorId: author.id, categories };
}

/** Adds `spec.count` releases; returns the ids of those published in both languages (visible at `until`). */
export async function addArchive(db: Db, spec: ArchiveSpec): Promise<string[]> {
  const { authorId, categories } = await ensureArchiveBasics(db);
  const r = rng(spec.seed);
  const span = spec.until.getTime() - spec.from.getTime();
  const releases = [];
  const publications = [];
  const bilingual: string[] = [];
  for (let i = 1; i <= spec.count; i++) {
    const id = `${spec.prefix}${String(i).padStart(6, "0")}`;
    const kind = r();
    const draft = kind < 0.12;
    const at = new Date(
      kind < 0.15 && !draft ? spec.until.getTime() + (1 + r() * 29) * DAY : spec.from.getTime() + r() * span,
    );
    const categoryId = r() < 0.8 ? categories[Math.floor(r() * categories.length)]! : null;
    const featured = r() < 0.02;
    const zhOnly = r() < 0.05;
    releases.push({
      id,
      status: draft ? ("DRAFT" as const) : ("PUBLISHED" as const),
      categoryId,
      featured,
      authorId,
      createdAt: at,
      updatedAt: at,
    });
    if (draft) continue;
    for (const locale of zhOnly ? (["zh"] as const) : (["zh", "en"] as const)) {
      const text =
        locale === "zh"
          ? `第${i}号新闻稿正文。${"知识产权保护与合作。".repeat(12)}`
          : `Release ${i} body. ${"Intellectual property and cooperation. ".repeat(8)}`;
      publications.push({
        releaseId: id,
        locale,
        title: locale === "zh" ? `新闻稿 ${spec.prefix}${i}` : `Release ${spec.prefix}${i}`,
        summary: text.slice(0, 80),
        body: doc(text),
        bodyText: text,
        slug: `${id}-${locale}`,
        categoryId,
        featured,
        publishedAt: at,
        updatedAt: at,
      });
    }
    if (!zhOnly && at <= spec.until) bilingual.push(id);
  }
  for (let i = 0; i < releases.length; i += 500) await db.release.createMany({ data: releases.slice(i, i + 500) });
  for (let i = 0; i < publications.length; i += 500)
    await db.publication.createMany({ data: publications.slice(i, i + 500) });
  return bilingual;
}
