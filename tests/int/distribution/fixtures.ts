// Releases, subscribers and lists for the distribution tests, made through the app's own services.
import { textToDoc } from "../../../src/domain/release/content";
import type { DistributionChoice } from "../../../src/domain/distribution/schemas";
import type { Db } from "../../../src/server/db/client";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";

let n = 0;

export async function staff(db: Db) {
  const editor = await db.user.create({
    data: { email: `editor-${++n}@dist.test`, displayName: "Editor", role: "EDITOR", passwordHash: "x" },
  });
  return { id: editor.id, role: "EDITOR" as const };
}

const content = (title: string, slug: string) => ({
  title,
  summary: `${title} summary`,
  slug,
  body: JSON.stringify(textToDoc(`${title} first paragraph.\n\n${title} second paragraph.`)),
});

/** A release with both languages, marked translated; returns its id and version. */
export async function readyRelease(
  db: Db,
  editor: { id: string; role: "EDITOR" },
  titles: { zh: string; en: string },
  categoryId: string | null = null,
) {
  const slug = `dist-${++n}`;
  const created = await createRelease(db, editor, content(titles.zh, slug), { categoryId, releaseDate: null });
  if (!created.ok) throw new Error(created.code);
  const en = await saveContent(db, editor, created.value.id, "en", content(titles.en, slug), created.value.version);
  if (!en.ok) throw new Error(en.code);
  const marked = await runWorkflow(db, editor, created.value.id, { type: "markTranslated" }, en.value.version);
  if (!marked.ok) throw new Error(marked.code);
  return { id: created.value.id, version: marked.value.version, slug };
}

export async function publish(
  db: Db,
  editor: { id: string; role: "EDITOR" },
  release: { id: string; version: number },
  distribution: DistributionChoice,
  at?: Date,
  now = new Date(),
) {
  const r = await runWorkflow(db, editor, release.id, { type: "publish", at, distribution }, release.version, now);
  if (!r.ok) throw new Error(r.code);
  release.version = r.value.version;
}

export async function confirmedSubscriber(
  db: Db,
  email: string,
  language: "zh" | "en" | "both",
  categoryIds: string[] = [],
) {
  return db.subscriber.create({
    data: {
      email,
      language,
      status: "confirmed",
      allCategories: categoryIds.length === 0,
      categories: { create: categoryIds.map((categoryId) => ({ categoryId })) },
    },
  });
}

export async function journalistList(
  db: Db,
  name: string,
  people: { email: string; name: string; language: string }[],
) {
  return db.journalistList.create({
    data: { name, journalists: { create: people.map((p) => ({ ...p, organisation: "Daily" })) } },
  });
}
