import { createHash } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { textToDoc } from "../../../src/domain/release/content";
import { DOCUMENT_MAX_BYTES } from "../../../src/domain/presskit/kit";
import { SESSION_COOKIE, createSession } from "../../../src/server/auth/sessions";
import { appMediaStore } from "../../../src/server/media/runtime";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { removeKitFile, sweepRemovedFiles } from "../../../src/server/presskit/store";
import { uploadKitFile, type KitUpload } from "../../../src/server/presskit/upload";
import { resetDb, testDb } from "../../support/db";
import { cookieJar } from "../../support/next-request";
import { readZip } from "../../support/zip";
import * as fileRoute from "../../../src/app/presskit/[id]/[file]/route";
import * as zipRoute from "../../../src/app/presskit/release/[releaseId]/[locale]/route";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// The press kit against the real database and media store (docs/PRESS-KIT.md): hostile uploads,
// readers' access before and after publish, embargo, removal and withdraw, the zip read back.

const db = testDb();
let actor: { id: string; role: "EDITOR" };
let staffToken: string;
const store = () => appMediaStore();
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const texts = { titleZh: "附件", titleEn: "Annex", creditZh: "", creditEn: "" };
const pdf = (extra = "") => Buffer.from(`%PDF-1.7\n1 0 obj <<>> endobj\n${extra}%%EOF\n`);
const GPS = { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "116/1 23/1 0/1" };
const camera = (width = 1200) =>
  sharp({ create: { width, height: 800, channels: 3, background: "#36c" } })
    .withExif({ IFD0: { Artist: "Secret Photographer" }, IFD3: GPS })
    .jpeg()
    .toBuffer();

const add = (releaseId: string, upload: Partial<KitUpload> & { bytes: Buffer }) =>
  uploadKitFile(db, actor, releaseId, { kind: "document", name: "annex.pdf", texts, ...upload }, store());

async function translated(slug: string) {
  const content = (title: string) => ({ title, summary: `${title} s`, slug, body: JSON.stringify(textToDoc(title)) });
  const created = await createRelease(db, actor, content("稿件"), { categoryId: null, releaseDate: null });
  if (!created.ok) throw new Error(created.code);
  const en = await saveContent(db, actor, created.value.id, "en", content("Release"), created.value.version);
  if (!en.ok) throw new Error(en.code);
  const marked = await runWorkflow(db, actor, created.value.id, { type: "markTranslated" }, en.value.version);
  if (!marked.ok) throw new Error(marked.code);
  return { id: created.value.id, version: marked.value.version };
}

async function get(id: string, file: string, as: "reader" | "staff") {
  cookieJar.clear();
  if (as === "staff") cookieJar.set(SESSION_COOKIE, staffToken);
  const url = `http://localhost/presskit/${id}/${encodeURIComponent(file)}`;
  return fileRoute.GET(new Request(url), { params: Promise.resolve({ id, file }) });
}

async function zip(releaseId: string, locale: "zh" | "en", as: "reader" | "staff" = "reader") {
  cookieJar.clear();
  if (as === "staff") cookieJar.set(SESSION_COOKIE, staffToken);
  const url = `http://localhost/presskit/release/${releaseId}/${locale}`;
  return zipRoute.GET(new Request(url), { params: Promise.resolve({ releaseId, locale }) });
}

beforeAll(async () => {
  await resetDb();
  const user = await db.user.create({ data: { email: "k@test", displayName: "E", role: "EDITOR", passwordHash: "x" } });
  actor = { id: user.id, role: "EDITOR" };
  staffToken = (await createSession(db, user.id)).token;
});

describe("hostile uploads", () => {
  test.each([
    [
      "an HTML page named .pdf",
      { bytes: Buffer.from("<html><script>alert(1)</script>"), name: "x.pdf" },
      "kit_type_not_allowed",
    ],
    ["an executable", { bytes: Buffer.from("MZ\x90\x00\x03"), name: "report.pdf" }, "kit_type_not_allowed"],
    [
      "a zip that is no office file",
      { bytes: Buffer.from("PK\x03\x04\x14\x00\x00\x00"), name: "a.docx" },
      "kit_type_not_allowed",
    ],
    ["a PDF over the limit", { bytes: Buffer.concat([pdf(), Buffer.alloc(DOCUMENT_MAX_BYTES)]) }, "kit_too_large"],
    ["a PDF as a photo", { kind: "photo" as const, bytes: pdf(), name: "p.jpg" }, "kit_photo_type"],
    [
      "a truncated JPEG",
      { kind: "photo" as const, bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) },
      "media_corrupt",
    ],
  ])("%s is refused and nothing is stored", async (_name, upload, code) => {
    const r = await translated(`hostile-${code}-${Math.random().toString(36).slice(2, 8)}`);
    const keysBefore = await db.storedFile.count();
    expect(await add(r.id, upload)).toMatchObject({ ok: false, code });
    expect(await db.releaseFile.count({ where: { releaseId: r.id } })).toBe(0);
    expect(await db.storedFile.count()).toBe(keysBefore);
  });

  test("a path-like, header-injecting name is kept only as a safe file name", async () => {
    const r = await translated("hostile-names");
    const uploaded = await add(r.id, { bytes: pdf(), name: '../../etc/x"\r\nSet-Cookie: a=1;.html' });
    if (!uploaded.ok) throw new Error(uploaded.code);
    const row = await db.releaseFile.findUniqueOrThrow({ where: { id: uploaded.value.id } });
    expect(row.fileName).toBe("x Set-Cookie a=1.pdf");
    expect(row.storageKey).toBe(`kit/${row.id.slice(0, 2)}/${row.id}`);
    const res = await get(row.id, "whatever", "staff");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="x Set-Cookie a=1.pdf"; filename*=UTF-8''x%20Set-Cookie%20a%3D1.pdf`,
    );
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("content-type")).toBe("application/pdf");
  });

  test("a photo loses its EXIF, GPS and photographer; variants are made", async () => {
    const r = await translated("photo-strip");
    const uploaded = await add(r.id, { kind: "photo", bytes: await camera(), name: "IMG_0001.JPG" });
    if (!uploaded.ok) throw new Error(uploaded.code);
    const res = await get(uploaded.value.id, "IMG_0001.jpg", "staff");
    const bytes = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif?.includes(Buffer.from("Secret Photographer")) ?? false).toBe(false);
    expect(bytes.includes(Buffer.from("Secret Photographer"))).toBe(false);
    expect(meta.width).toBe(1200);
    expect((await get(uploaded.value.id, "w480.webp", "staff")).headers.get("content-type")).toBe("image/webp");
  });
});

describe("readers get the files only while the release is live", () => {
  test("draft, embargo, live, removed while live, republished, withdrawn", async () => {
    const r = await translated("kit-access");
    const doc = await add(r.id, { bytes: pdf("doc"), name: "annex.pdf" });
    const gone = await add(r.id, { bytes: pdf("gone"), name: "old.pdf" });
    if (!doc.ok || !gone.ok) throw new Error("upload");
    expect((await get(doc.value.id, "annex.pdf", "reader")).status).toBe(404);
    expect((await get(doc.value.id, "annex.pdf", "staff")).status).toBe(200);

    const later = new Date(Date.now() + 3600e3);
    const embargo = await runWorkflow(db, actor, r.id, { type: "publish", at: later }, r.version);
    if (!embargo.ok) throw new Error(embargo.code);
    expect((await get(doc.value.id, "annex.pdf", "reader")).status).toBe(404);
    expect((await zip(r.id, "en")).status).toBe(404);
    expect((await get(doc.value.id, "annex.pdf", "staff")).status).toBe(200);

    const live = await runWorkflow(db, actor, r.id, { type: "publish" }, embargo.value.version);
    if (!live.ok) throw new Error(live.code);
    const ok = await get(doc.value.id, "annex.pdf", "reader");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("public, no-cache");
    expect(Buffer.from(await ok.arrayBuffer()).toString()).toContain("doc");

    // Removed from the working copy: the live page still lists it, so readers still get it.
    expect((await removeKitFile(db, actor, r.id, gone.value.id, store())).ok).toBe(true);
    expect((await get(gone.value.id, "old.pdf", "reader")).status).toBe(200);
    const again = await runWorkflow(db, actor, r.id, { type: "publish" }, live.value.version);
    if (!again.ok) throw new Error(again.code);
    expect(await sweepRemovedFiles(db, r.id, store())).toBe(1);
    expect((await get(gone.value.id, "old.pdf", "reader")).status).toBe(404);
    expect(await db.releaseFile.count({ where: { id: gone.value.id } })).toBe(0);
    expect(await store().exists(`kit/${gone.value.id.slice(0, 2)}/${gone.value.id}/document.pdf`)).toBe(false);

    const withdrawn = await runWorkflow(db, actor, r.id, { type: "withdraw" }, again.value.version);
    if (!withdrawn.ok) throw new Error(withdrawn.code);
    expect((await get(doc.value.id, "annex.pdf", "reader")).status).toBe(404);
    expect((await get(doc.value.id, "annex.pdf", "staff")).status).toBe(200);
    expect((await get("0".repeat(24), "x.pdf", "staff")).status).toBe(404);
    expect((await get("../../etc", "passwd", "staff")).status).toBe(404);
  });
});

test("Download all: a streamed zip of the photos, read back, with captions and credits", async () => {
  const r = await translated("kit-zip");
  const photos = [];
  for (const [i, name] of ["海报.jpg", "海报.jpg"].entries()) {
    const texts = { titleZh: `图${i}`, titleEn: `Photo ${i}`, creditZh: "摄影：王", creditEn: "Photo: Wang" };
    const up = await uploadKitFile(
      db,
      actor,
      r.id,
      { kind: "photo", bytes: await camera(600 + i), name, texts },
      store(),
    );
    if (!up.ok) throw new Error(up.code);
    photos.push(up.value.id);
  }
  await add(r.id, { bytes: pdf(), name: "not-in-zip.pdf" });
  expect((await zip(r.id, "en")).status).toBe(404);
  expect((await zip(r.id, "en", "staff")).status).toBe(200); // staff: the working copy before publishing
  const pub = await runWorkflow(db, actor, r.id, { type: "publish" }, r.version);
  if (!pub.ok) throw new Error(pub.code);
  const res = await zip(r.id, "en");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/zip");
  expect(res.headers.get("content-disposition")).toContain("kit-zip-photos.zip");
  const entries = readZip(Buffer.from(await res.arrayBuffer()));
  expect(entries.map((e) => e.name)).toEqual(["01-海报.jpg", "02-海报.jpg", "captions.txt"]);
  const rows = await db.releaseFile.findMany({ where: { id: { in: photos } }, orderBy: { position: "asc" } });
  expect(entries.slice(0, 2).map((e) => sha(e.data))).toEqual(rows.map((row) => row.sha256));
  expect(entries[2]!.data.toString()).toBe(
    "01-海报.jpg\r\nPhoto 0\r\nPhoto: Wang\r\n\r\n02-海报.jpg\r\nPhoto 1\r\nPhoto: Wang\r\n",
  );
  expect((await zip(r.id, "zh")).status).toBe(200);
});
