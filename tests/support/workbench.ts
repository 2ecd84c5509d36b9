// Helpers for the translator-workbench tests: staff accounts and releases in a given state, made
// through the real release operations.
import { textToDoc } from "../../src/domain/release/content";
import type { Actor } from "../../src/domain/auth/actor";
import type { Db } from "../../src/server/db/client";
import { createRelease, runWorkflow, saveContent } from "../../src/server/releases/lifecycle";

export interface Text {
  title: string;
  summary: string;
  paragraphs: string[];
}

let counter = 0;

export const input = (t: Text, slug: string) => ({
  title: t.title,
  summary: t.summary,
  slug,
  body: JSON.stringify(textToDoc(t.paragraphs.join("\n\n"))),
});

export async function staff(db: Db, tag = "wb"): Promise<Record<"admin" | "editor" | "translator", Actor>> {
  const mk = async (role: Actor["role"]) => {
    const u = await db.user.create({
      data: { email: `${role.toLowerCase()}-${tag}-${++counter}@x.test`, displayName: role, role, passwordHash: "x" },
    });
    return { id: u.id, role };
  };
  return { admin: await mk("ADMIN"), editor: await mk("EDITOR"), translator: await mk("TRANSLATOR") };
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; code: string }, step: string): T {
  if (!r.ok) throw new Error(`${step}: ${r.code}`);
  return r.value;
}

/** A release with Chinese and (optionally) English, taken as far as `until`. */
export async function release(
  db: Db,
  who: { editor: Actor; translator: Actor },
  zh: Text,
  en: Text | null,
  until: "draft" | "translated" | "published" = "published",
): Promise<{ id: string; version: number; slug: string }> {
  const slug = `wb-${Date.now().toString(36)}-${++counter}`;
  const created = unwrap(
    await createRelease(db, who.editor, input(zh, slug), { categoryId: null, releaseDate: null }),
    "create",
  );
  let version = created.version;
  if (en)
    version = unwrap(await saveContent(db, who.translator, created.id, "en", input(en, slug), version), "en").version;
  if (until !== "draft")
    version = unwrap(
      await runWorkflow(db, who.translator, created.id, { type: "markTranslated" }, version),
      "mark",
    ).version;
  if (until === "published")
    version = unwrap(await runWorkflow(db, who.editor, created.id, { type: "publish" }, version), "publish").version;
  return { id: created.id, version, slug };
}
