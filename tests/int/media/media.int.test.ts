import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { DocNode } from "../../../src/domain/release/content";
import { SESSION_COOKIE, createSession } from "../../../src/server/auth/sessions";
import { listMedia } from "../../../src/server/media/library";
import { isLiveMedia, mediaUsage } from "../../../src/server/media/references";
import type { Actor as MediaActor } from "../../../src/domain/auth/actor";
import { deleteMedia, uploadMedia } from "../../../src/server/media/service";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { resetDb, testDb } from "../../support/db";
import { cookieJar } from "../../support/next-request";
import { GET as getMediaFile } from "../../../src/app/media/[id]/[file]/route";
import { GET as listRoute, POST as uploadRoute } from "../../../src/app/api/media/route";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// Uploads, variants, references and the anonymous access rule, against the real database and a
// temporary MEDIA_DIR (the routes read it from the environment).
const dir = mkdtempSync(path.join(tmpdir(), "newsroom-media-"));
process.env.MEDIA_DIR = dir;
const db = testDb();
let editor: MediaActor;
let translator: MediaActor;
let editorToken: string;

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#2a6" } })
    .png()
    .toBuffer();
const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#a26" } })
    .jpeg()
    .toBuffer();
const alts = { altZh: "新闻发布会现场", altEn: "The press conference" };

const imageDoc = (text: string, ...ids: { id: string; mime: string; width: number; height: number }[]) =>
  JSON.stringify({
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text }] },
      ...ids.map((m) => ({
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
async function releaseWith(state: "draft" | "live" | "embargoed", ...media: Parameters<typeof imageDoc>[1][]) {
  const slug = `media-${++slugCounter}`;
  const body = imageDoc("正文", ...media);
  const created = await createRelease(
    db,
    editor,
    { title: `稿件 ${slug}`, summary: "摘要", slug, body },
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
  if (!v.ok || state === "draft") return { id: created.value.id, version: v.ok ? v.value.version : 0 };
  v = await runWorkflow(db, editor, created.value.id, { type: "markTranslated" }, v.value.version);
  if (!v.ok) throw new Error(v.code);
  const at = state === "embargoed" ? new Date(Date.now() + 3600e3) : undefined;
  v = await runWorkflow(db, editor, created.value.id, { type: "publish", ...(at ? { at } : {}) }, v.value.version);
  if (!v.ok) throw new Error(v.code);
  return { id: created.value.id, version: v.value.version };
}

async function upload(bytes: Buffer, input = alts, actor: MediaActor | null = editor) {
  const result = await uploadMedia(db, actor, { bytes, ...input }, dir);
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

const fetchFile = (id: string, file: string) =>
  getMediaFile(new Request(`http://127.0.0.1/media/${id}/${file}`), { params: Promise.resolve({ id, file }) });
const filesOnDisk = () =>
  readdirSync(dir, { recursive: true }).filter((f) => /\.(jpg|png|webp)$/.test(String(f))).length;

beforeAll(() => {
  expect(existsSync(dir)).toBe(true);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  await resetDb();
  cookieJar.clear();
  const mk = (email: string, role: MediaActor["role"]) =>
    db.user.create({ data: { email, displayName: email, role, passwordHash: "x" } });
  const [e, t] = await Promise.all([mk("e@media.test", "EDITOR"), mk("t@media.test", "TRANSLATOR")]);
  editor = { id: e.id, role: "EDITOR" };
  translator = { id: t.id, role: "TRANSLATOR" };
  editorToken = (await createSession(db, e.id)).token;
});

describe("upload", () => {
  test("a PNG is stored with its size, hash, alt texts and WebP variants narrower than it", async () => {
    const bytes = await png(2000, 1000);
    const media = await upload(bytes);
    expect(media).toMatchObject({ mime: "image/png", width: 2000, height: 1000, bytes: bytes.length, ...alts });
    const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(row.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(row.uploaderId).toBe(editor.id);
    const folder = path.join(dir, row.storageKey);
    expect(readdirSync(folder).sort()).toEqual(["original.png", "w1600.webp", "w480.webp", "w960.webp"]);
    const variant = await sharp(path.join(folder, "w960.webp")).metadata();
    expect([variant.format, variant.width, variant.height]).toEqual(["webp", 960, 480]);
  });

  test("a translator may upload; a small JPEG gets no variants", async () => {
    const media = await upload(await jpeg(300, 200), alts, translator);
    const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(readdirSync(path.join(dir, row.storageKey))).toEqual(["original.jpg"]);
  });

  test("EXIF orientation: dimensions are as displayed", async () => {
    const rotated = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#000" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await upload(rotated)).toMatchObject({ width: 400, height: 600 });
  });

  test.each([
    [
      "text named like an image",
      "media_not_image",
      async () => Buffer.from("this is not a picture, whatever its name says"),
    ],
    ["HTML", "media_not_image", async () => Buffer.from("<html><script>alert(1)</script></html>")],
    [
      "GIF",
      "media_unsupported_type",
      async () =>
        sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } })
          .gif()
          .toBuffer(),
    ],
    ["SVG", "media_unsupported_type", async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["truncated JPEG", "media_corrupt", async () => (await jpeg(800, 600)).subarray(0, 600)],
    [
      "JPEG magic followed by HTML",
      "media_corrupt",
      async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<html><script>x</script>")]),
    ],
    [
      "PNG signature with garbage",
      "media_corrupt",
      async () => Buffer.concat([(await png(4, 4)).subarray(0, 8), Buffer.alloc(200, 7)]),
    ],
    ["over 10 MB", "media_too_large", async () => Buffer.concat([await png(10, 10), Buffer.alloc(10 * 1024 * 1024)])],
  ])("%s is refused (%s) and nothing is stored", async (_name, code, make) => {
    const before = filesOnDisk();
    const result = await uploadMedia(db, editor, { bytes: await make(), ...alts }, dir);
    expect(result).toMatchObject({ ok: false, code });
    expect(await db.media.count()).toBe(0);
    expect(filesOnDisk()).toBe(before);
  });

  test("the Chinese alt text is required; English is optional", async () => {
    const bytes = await png(10, 10);
    expect(await uploadMedia(db, editor, { bytes, altZh: "  ", altEn: "x" }, dir)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { altZh: "alt_zh_required" },
    });
    expect(await uploadMedia(db, editor, { bytes, altZh: "图", altEn: "" }, dir)).toMatchObject({ ok: true });
  });

  test("signed out: forbidden", async () => {
    expect(await uploadMedia(db, null, { bytes: await png(10, 10), ...alts }, dir)).toEqual({
      ok: false,
      code: "forbidden",
    });
  });
});

describe("POST /api/media", () => {
  const ORIGIN = "http://127.0.0.1:3000";
  const form = async (bytes?: Buffer) => {
    const f = new FormData();
    f.set("file", new Blob([new Uint8Array(bytes ?? (await png(40, 30)))]), "photo.jpg");
    f.set("altZh", alts.altZh);
    f.set("altEn", alts.altEn);
    return f;
  };
  const post = async (headers: Record<string, string>, body: BodyInit) =>
    uploadRoute(
      new Request(`${ORIGIN}/api/media`, { method: "POST", headers: { host: "127.0.0.1:3000", ...headers }, body }),
    );

  test("same origin, signed in: 201 with the new media", async () => {
    cookieJar.set(SESSION_COOKIE, editorToken);
    const response = await post({ origin: ORIGIN }, await form());
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      ok: true,
      media: { mime: "image/png", width: 40, height: 30, ...alts },
    });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  test.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["no Origin", {}],
    ["an opaque Origin", { origin: "null" }],
    ["a look-alike host", { origin: "http://127.0.0.1:3000.evil.example" }],
  ])("%s is refused with 403 even with a valid session", async (_name, headers) => {
    cookieJar.set(SESSION_COOKIE, editorToken);
    const response = await post(headers, await form());
    expect(response.status).toBe(403);
    expect(await db.media.count()).toBe(0);
  });

  test("signed out: 401", async () => {
    expect((await post({ origin: ORIGIN }, await form())).status).toBe(401);
  });

  test("a declared Content-Length over the limit is refused before reading", async () => {
    cookieJar.set(SESSION_COOKIE, editorToken);
    const response = await post(
      { origin: ORIGIN, "content-type": "multipart/form-data; boundary=x", "content-length": String(20 * 1024 * 1024) },
      "x",
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "media_too_large" });
  });

  test("a streamed body that grows past the limit is cut off", async () => {
    cookieJar.set(SESSION_COOKIE, editorToken);
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (++sent > 30) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await uploadRoute(
      new Request(`${ORIGIN}/api/media`, {
        method: "POST",
        headers: { host: "127.0.0.1:3000", origin: ORIGIN, "content-type": "multipart/form-data; boundary=x" },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(15);
  });

  test("a text file named .jpg gets its code back", async () => {
    cookieJar.set(SESSION_COOKIE, editorToken);
    const response = await post({ origin: ORIGIN }, await form(Buffer.from("just text")));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: "media_not_image" });
  });

  test("GET lists media for staff only", async () => {
    await upload(await png(20, 20));
    expect((await listRoute()).status).toBe(401);
    cookieJar.set(SESSION_COOKIE, editorToken);
    const listed = (await (await listRoute()).json()) as { media: unknown[] };
    expect(listed.media).toHaveLength(1);
  });
});

describe("who may fetch a media file", () => {
  test("live vs draft-only vs embargoed vs withdrawn vs unused", async () => {
    const [live, draft, embargoed, unused, withdrawn] = await Promise.all(
      [1, 2, 3, 4, 5].map(async () => upload(await png(1000, 500))),
    );
    await releaseWith("live", live!);
    await releaseWith("draft", draft!);
    await releaseWith("embargoed", embargoed!);
    const w = await releaseWith("live", withdrawn!);
    const out = await runWorkflow(db, editor, w.id, { type: "withdraw" }, w.version);
    expect(out.ok).toBe(true);

    const anonymous = async (id: string, file = "original.png") => fetchFile(id, file);
    const ok = await anonymous(live!.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(ok.headers.get("content-type")).toBe("image/png");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    const variant = await anonymous(live!.id, "w480.webp");
    expect([variant.status, variant.headers.get("content-type")]).toEqual([200, "image/webp"]);

    for (const m of [draft!, embargoed!, unused!, withdrawn!]) {
      const r = await anonymous(m.id);
      expect(r.status, m.id).toBe(404);
      expect(r.headers.get("cache-control")).toBe("no-store");
      expect((await anonymous(m.id, "w480.webp")).status).toBe(404);
    }
    expect(await isLiveMedia(db, embargoed!.id, new Date(Date.now() + 7200e3))).toBe(true);

    cookieJar.set(SESSION_COOKIE, editorToken);
    for (const m of [live!, draft!, embargoed!, unused!]) {
      const r = await fetchFile(m.id, "original.png");
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  test.each([
    ["an unknown id", "ffffffffffffffffffffffff", "original.png"],
    ["a malformed id", "../../etc", "original.png"],
    ["a traversal file name", "ID", "..%2F..%2Fpasswd"],
    ["a variant wider than the original", "ID", "w1600.webp"],
    ["the wrong extension", "ID", "original.jpg"],
  ])("%s → 404 even for staff", async (_name, id, file) => {
    const media = await upload(await png(1000, 500));
    cookieJar.set(SESSION_COOKIE, editorToken);
    expect((await fetchFile(id === "ID" ? media.id : id, file)).status).toBe(404);
  });
});

describe("library: uses, unused, delete", () => {
  test("uses are listed per release and language; unused lists only media nobody refers to", async () => {
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(async () => upload(await png(600, 400))));
    const liveRelease = await releaseWith("live", a!);
    await releaseWith("draft", b!);
    await releaseWith("embargoed", c!);
    const usage = await mediaUsage(db);
    expect(
      usage
        .get(a!.id)!
        .map((u) => `${u.locale}:${u.kind}`)
        .sort(),
    ).toEqual(["en:live", "en:working", "zh:live", "zh:working"]);
    expect(usage.get(a!.id)![0]!.releaseId).toBe(liveRelease.id);
    expect(usage.get(c!.id)!.some((u) => u.kind === "scheduled")).toBe(true);
    expect(usage.has(d!.id)).toBe(false);

    const all = await listMedia(db);
    expect(all.total).toBe(4);
    expect(all.items.find((m) => m.id === a!.id)!.uploader).toBe("e@media.test");
    const unused = await listMedia(db, { unusedOnly: true });
    expect(unused.items.map((m) => m.id)).toEqual([d!.id]);
  });

  test("used media cannot be deleted; unused media is deleted with its files", async () => {
    const [used, spare] = await Promise.all([1, 2].map(async () => upload(await png(600, 400))));
    await releaseWith("draft", used!);
    expect(await deleteMedia(db, editor, used!.id, dir)).toEqual({ ok: false, code: "media_in_use" });
    expect(await db.media.count()).toBe(2);
    const key = (await db.media.findUniqueOrThrow({ where: { id: spare!.id } })).storageKey;
    expect(await deleteMedia(db, null, spare!.id, dir)).toEqual({ ok: false, code: "forbidden" });
    expect(await deleteMedia(db, translator, spare!.id, dir)).toEqual({ ok: true, value: null });
    expect(existsSync(path.join(dir, key))).toBe(false);
    expect(await deleteMedia(db, editor, spare!.id, dir)).toEqual({ ok: false, code: "media_not_found" });
  });
});
