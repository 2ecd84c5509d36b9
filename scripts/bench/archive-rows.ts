// The shape of a generated archive, as rows for the app's tables (no database here; the loaders in
// archive-sqlite.ts and archive-postgres.ts write them). The rows are what the app itself would have
// written: revision 1 per language at creation, the English translation made from the current
// Chinese (so the admin shows it as current), a Publication per language for live releases.
import { slugify } from "../../src/domain/release/content";
import { rng, type Random } from "./random";
import { textSource, toLangText, type LangText } from "./release-text";
import { ARCHIVE_USERS, VERSIONS, pickCategory, pickKind, releaseTimes, type ReleaseKind } from "./archive-shape";

export type Locale = "zh" | "en";
export interface ReleaseRow {
  id: string;
  status: "DRAFT" | "TRANSLATED" | "PUBLISHED";
  categoryId: string | null;
  releaseDate: Date | null;
  featured: boolean;
  version: number;
  authorId: string;
  createdAt: Date;
  updatedAt: Date;
}
interface Stored extends LangText {
  id: string;
  releaseId: string;
  locale: Locale;
  slug: string;
}
export interface ContentRow extends Stored {
  sourceFingerprint: string | null;
  sourceRevisionId: string | null;
  updatedAt: Date;
}
export interface PublicationRow extends Omit<Stored, "fingerprint"> {
  categoryId: string | null;
  publishedAt: Date;
  updatedAt: Date;
}
export interface RevisionRow extends Stored {
  number: number;
  authorId: string;
  createdAt: Date;
}
export interface ArchiveBatch {
  releases: ReleaseRow[];
  contents: ContentRow[];
  publications: PublicationRow[];
  revisions: RevisionRow[];
  kinds: ReleaseKind[];
}

export interface ArchiveShapeOptions {
  releases: number;
  seed?: number;
  /** end of the 20 years; embargoes lie just after it */
  now?: Date;
  batchSize?: number;
}

const B36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/** cuid-shaped ids ("c" + time + counter + random), unique within one archive, sorted by creation time like Prisma's. */
function idMaker(random: Random) {
  let counter = 0;
  return (at: Date) => {
    let tail = "";
    for (let i = 0; i < 8; i++) tail += B36[Math.floor(random() * 36)];
    return `c${at.getTime().toString(36).padStart(9, "0")}${(counter++).toString(36).padStart(7, "0")}${tail}`;
  };
}

/** A readable slug from the English title, made unique by the release number. */
export function archiveSlug(enTitle: string, index: number): string {
  const base = slugify(enTitle)
    .slice(0, 60)
    .replace(/-[^-]*$/, "");
  return `${base || "release"}-${index.toString(36)}`;
}

export function* archiveBatches(options: ArchiveShapeOptions): Generator<ArchiveBatch> {
  const { releases: count, seed = 42, now = new Date(), batchSize = 500 } = options;
  const random = rng(seed);
  const text = textSource(random);
  const newId = idMaker(random);
  let batch = emptyBatch();
  for (let i = 0; i < count; i++) {
    addRelease(batch, i, { random, text, newId, now });
    if (batch.releases.length === batchSize) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.releases.length) yield batch;
}

const emptyBatch = (): ArchiveBatch => ({ releases: [], contents: [], publications: [], revisions: [], kinds: [] });

interface Ctx {
  random: Random;
  text: ReturnType<typeof textSource>;
  newId: (at: Date) => string;
  now: Date;
}

function addRelease(batch: ArchiveBatch, index: number, { random, text, newId, now }: Ctx) {
  const kind = pickKind(random);
  const t = releaseTimes(kind, random, now);
  const [editor, translator] = ARCHIVE_USERS;
  const zh = text.zh();
  const en = kind === "draft-zh" ? null : text.en();
  const slug = archiveSlug(en?.title ?? text.en().title, index);
  const category = pickCategory(random);
  const live = kind === "published" || kind === "edited" || kind === "embargoed";
  const releaseId = newId(t.created);
  const stored = (locale: Locale, c: LangText, at: Date): Stored => ({ id: newId(at), releaseId, locale, slug, ...c });
  const zhRev1 = { ...stored("zh", zh, t.created), number: 1, authorId: editor.id, createdAt: t.created };
  batch.revisions.push(zhRev1);
  let zhWork = zh;
  if (kind === "edited") {
    zhWork = toLangText(zh.title, zh.summary, [...zh.bodyText.split("\n\n"), text.zhParagraph()]);
    batch.revisions.push({ ...stored("zh", zhWork, t.updated), number: 2, authorId: editor.id, createdAt: t.updated });
  }
  const zhSaved = kind === "edited" ? t.updated : t.created;
  batch.contents.push({
    ...stored("zh", zhWork, zhSaved),
    sourceFingerprint: null,
    sourceRevisionId: null,
    updatedAt: zhSaved,
  });
  if (en) {
    batch.revisions.push({
      ...stored("en", en, t.translated),
      number: 1,
      authorId: translator.id,
      createdAt: t.translated,
    });
    batch.contents.push({
      ...stored("en", en, t.translated),
      sourceFingerprint: zh.fingerprint,
      sourceRevisionId: zhRev1.id,
      updatedAt: t.translated,
    });
  }
  if (live) {
    for (const [locale, c] of [
      ["zh", zh],
      ["en", en!],
    ] as const) {
      const { fingerprint: _, ...s } = stored(locale, c, t.published!);
      batch.publications.push({ ...s, categoryId: category, publishedAt: t.published!, updatedAt: t.published! });
    }
  }
  batch.kinds.push(kind);
  batch.releases.push({
    id: releaseId,
    status: live ? "PUBLISHED" : kind === "translated" ? "TRANSLATED" : "DRAFT",
    categoryId: category,
    releaseDate: t.published,
    featured: live && random() < 0.002,
    version: VERSIONS[kind],
    authorId: editor.id,
    createdAt: t.created,
    updatedAt: t.updated,
  });
}
