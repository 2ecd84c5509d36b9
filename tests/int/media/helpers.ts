// Shared set-up of the media suites (media.int.test.ts runs them on the database store,
// media-s3.int.test.ts on S3): users, images made with sharp, releases that show them.
import { hashPassword } from "../../../src/server/auth/password";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import sharp from "sharp";
import type { Actor } from "../../../src/domain/auth/actor";
import type { DocNode } from "../../../src/domain/release/content";
import { createSession } from "../../../src/server/auth/sessions";
import { uploadMedia } from "../../../src/server/media/service";
import type { MediaStore } from "../../../src/server/media/store";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { resetDb, testDb } from "../../support/db";
import { cookieJar } from "../../support/next-request";
import { GET as getMediaFile } from "../../../src/app/media/[id]/[file]/route";

export const db = testDb();
export const alts = { altZh: "新闻发布会现场", altEn: "The press conference" };

/** The backend a suite runs on: configures the environment (before the app reads it) and gives its store. */
export interface Backend {
  name: string;
  store: () => MediaStore;
}

export interface People {
  editor: Actor;
  translator: Actor;
  admin: Actor;
  editorToken: string;
  translatorToken: string;
}

let validHash: Promise<string> | undefined;

/** Empty database, empty cookie jar, and one account per role (each test starts from here). */
export async function freshPeople(): Promise<People> {
  await resetDb();
  cookieJar.clear();
  // A real hash: exports of this data go through the import's check of password hashes.
  const passwordHash = (validHash ??= hashPassword("media-test-password"));
  const mk = async (email: string, role: Actor["role"]) =>
    db.user.create({ data: { email, displayName: email, role, passwordHash: await passwordHash } });
  const [e, t, a] = await Promise.all([
    mk("e@media.test", "EDITOR"),
    mk("t@media.test", "TRANSLATOR"),
    mk("a@media.test", "ADMIN"),
  ]);
  return {
    editor: { id: e.id, role: "EDITOR" },
    translator: { id: t.id, role: "TRANSLATOR" },
    admin: { id: a.id, role: "ADMIN" },
    editorToken: (await createSession(db, e.id)).token,
    translatorToken: (await createSession(db, t.id)).token,
  };
}

/** A private cache folder per test file (the routes read MEDIA_CACHE_DIR from the environment). */
export function tempCacheDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-media-cache-"));
  process.env.MEDIA_CACHE_DIR = dir;
  return dir;
}

export const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#2a6" } })
    .png()
    .toBuffer();
export const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#a26" } })
    .jpeg()
    .toBuffer();

type Shown = { id: string; mime: string; width: number; height: number };

export const imageDoc = (text: string, ...media: Shown[]) =>
  JSON.stringify({
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text }] },
      ...media.map((m) => ({
        type: "image",
        attrs: {
          src: `/media/${m.id}/original.${m.mime === "image/png" ? "png" : "jpg"}`,
          alt: "x",
          width: m.width,
          height: m.height,
        },
      })),
    ],
  } satisfies DocNode);

let slugCounter = 0;
/** A release whose bodies show `media`, left as a draft, published now, or published under embargo. */
export async function releaseWith(editor: Actor, state: "draft" | "live" | "embargoed", ...media: Shown[]) {
  const slug = `media-${++slugCounter}-${Date.now().toString(36)}`;
  const created = await createRelease(
    db,
    editor,
    { title: `稿件 ${slug}`, summary: "摘要", slug, body: imageDoc("正文", ...media) },
    { categoryId: null, releaseDate: null },
  );
  if (!created.ok) throw new Error(created.code);
  let v = await saveContent(
    db,
    editor,
    created.value.id,
    "en",
    { title: `Release ${slug}`, summary: "Summary", slug, body: imageDoc("Body", ...media) },
    created.value.version,
  );
  if (!v.ok) throw new Error(v.code);
  if (state === "draft") return { id: created.value.id, version: v.value.version, slug };
  v = await runWorkflow(db, editor, created.value.id, { type: "markTranslated" }, v.value.version);
  if (!v.ok) throw new Error(v.code);
  const at = state === "embargoed" ? new Date(Date.now() + 3600e3) : undefined;
  v = await runWorkflow(db, editor, created.value.id, { type: "publish", ...(at ? { at } : {}) }, v.value.version);
  if (!v.ok) throw new Error(v.code);
  return { id: created.value.id, version: v.value.version, slug };
}

export async function upload(store: MediaStore, actor: Actor, bytes: Buffer, input = alts) {
  const result = await uploadMedia(db, actor, { bytes, ...input }, store);
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

export const fetchFile = (id: string, file: string) =>
  getMediaFile(new Request(`http://127.0.0.1/media/${id}/${file}`), { params: Promise.resolve({ id, file }) });

/** Every key the store holds. */
export async function storedKeys(store: MediaStore, prefix = ""): Promise<string[]> {
  const keys = [];
  for await (const o of store.list(prefix)) keys.push(o.key);
  return keys;
}

/** The bytes of one stored file. */
export async function storedBytes(store: MediaStore, key: string): Promise<Buffer> {
  const got = await store.get(key);
  if (!got) throw new Error(`${key} is not stored`);
  return buffer(got.body);
}
