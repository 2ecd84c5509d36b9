import { describe, expect, test } from "vitest";
import { docToPlainText, parseDoc, SLUG_MAX, SLUG_PATTERN } from "../../src/domain/release/content";
import { SUMMARY_MAX, TITLE_MAX } from "../../src/domain/release/schemas";
import { contentFingerprint } from "../../src/server/releases/fingerprint";
import { archiveBatches, type ArchiveBatch } from "./archive-rows";
import { YEARS } from "./archive-shape";

const NOW = new Date("2026-12-01T00:00:00Z");
const DAY = 86_400_000;
const COUNT = 2000;

function collect(seed: number, count = COUNT, batchSize = 500): ArchiveBatch {
  const all: ArchiveBatch = { releases: [], contents: [], publications: [], revisions: [], kinds: [] };
  for (const b of archiveBatches({ releases: count, seed, now: NOW, batchSize })) {
    for (const key of Object.keys(all) as (keyof ArchiveBatch)[]) (all[key] as unknown[]).push(...b[key]);
  }
  return all;
}

const archive = collect(42);
const share = (n: number) => n / COUNT;

describe("archive shape", () => {
  const live = archive.publications.filter((p) => p.locale === "zh");
  const embargoed = live.filter((p) => p.publishedAt > NOW);
  const unpublished = archive.releases.filter((r) => r.status !== "PUBLISHED");

  test("~85% live, ~3% under embargo, ~12% not published", () => {
    expect(share(live.length - embargoed.length)).toBeGreaterThan(0.82);
    expect(share(live.length - embargoed.length)).toBeLessThan(0.88);
    expect(share(embargoed.length)).toBeGreaterThan(0.015);
    expect(share(embargoed.length)).toBeLessThan(0.045);
    expect(share(unpublished.length)).toBeGreaterThan(0.09);
    expect(share(unpublished.length)).toBeLessThan(0.15);
  });

  test("every live release has one publication per language; embargoes lie within the next week", () => {
    const byRelease = new Map<string, string[]>();
    for (const p of archive.publications) byRelease.set(p.releaseId, [...(byRelease.get(p.releaseId) ?? []), p.locale]);
    for (const r of archive.releases) {
      expect(byRelease.get(r.id)?.sort() ?? [], r.id).toEqual(r.status === "PUBLISHED" ? ["en", "zh"] : []);
    }
    for (const p of embargoed) expect(p.publishedAt.getTime()).toBeLessThan(NOW.getTime() + 8 * DAY);
  });

  test("some drafts have English, some do not", () => {
    const withEnglish = new Set(archive.contents.filter((c) => c.locale === "en").map((c) => c.releaseId));
    const drafts = archive.releases.filter((r) => r.status === "DRAFT");
    expect(drafts.filter((r) => withEnglish.has(r.id)).length).toBeGreaterThan(20);
    expect(drafts.filter((r) => !withEnglish.has(r.id)).length).toBeGreaterThan(20);
  });

  test("dates span 20 years, recent years denser", () => {
    const times = live.filter((p) => p.publishedAt <= NOW).map((p) => p.publishedAt.getTime());
    const year = 365.25 * DAY;
    expect(Math.min(...times)).toBeGreaterThan(NOW.getTime() - YEARS * year);
    expect(Math.min(...times)).toBeLessThan(NOW.getTime() - (YEARS - 1) * year);
    const inYears = (from: number, to: number) =>
      times.filter((t) => t >= NOW.getTime() - to * year && t < NOW.getTime() - from * year).length;
    expect(inYears(0, 5)).toBeGreaterThan(2 * inYears(15, 20));
  });

  test("categories: most releases in one, some in none", () => {
    const none = archive.releases.filter((r) => r.categoryId === null).length;
    expect(share(none)).toBeGreaterThan(0.1);
    expect(share(none)).toBeLessThan(0.2);
    expect(new Set(archive.releases.map((r) => r.categoryId)).size).toBe(7);
  });
});

describe("rows as the app writes them", () => {
  test("bodies are tiptap documents whose plain text and fingerprint match", () => {
    const rows = [...archive.contents, ...archive.revisions];
    for (const c of rows.filter((_, i) => i % 10 === 0)) {
      expect(docToPlainText(parseDoc(c.body))).toBe(c.bodyText);
      expect(contentFingerprint(c)).toBe(c.fingerprint);
      expect(c.title.length).toBeLessThanOrEqual(TITLE_MAX);
      expect(c.summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
    }
  });

  test("slugs are valid and unique per locale", () => {
    for (const locale of ["zh", "en"]) {
      const slugs = archive.contents.filter((c) => c.locale === locale).map((c) => c.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const s of slugs) expect(s.length <= SLUG_MAX && SLUG_PATTERN.test(s), s).toBe(true);
    }
  });

  test("translations record the Chinese they were made from; revision 1 exists per language", () => {
    const zh = new Map(
      archive.revisions.filter((r) => r.locale === "zh" && r.number === 1).map((r) => [r.releaseId, r]),
    );
    for (const en of archive.contents.filter((c) => c.locale === "en")) {
      expect(en.sourceFingerprint).toBe(zh.get(en.releaseId)!.fingerprint);
      expect(en.sourceRevisionId).toBe(zh.get(en.releaseId)!.id);
    }
    const keys = new Set(archive.revisions.filter((r) => r.number === 1).map((r) => `${r.releaseId}:${r.locale}`));
    for (const c of archive.contents) expect(keys.has(`${c.releaseId}:${c.locale}`)).toBe(true);
  });

  test("ids are unique", () => {
    const ids = [archive.releases, archive.contents, archive.publications, archive.revisions].flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("determinism", () => {
  test("same seed → same rows, whatever the batch size; another seed → other rows", () => {
    const a = collect(7, 100, 100);
    expect(collect(7, 100, 32)).toEqual(a);
    expect(collect(8, 1, 1).releases[0]!.id).not.toBe(a.releases[0]!.id);
  });
});
