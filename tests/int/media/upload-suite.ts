// Uploads through the service and through POST /api/media: what is stored (metadata stripped,
// variants), what is refused, and that a refusal stores nothing.
import sharp from "sharp";
import { beforeEach, describe, expect, test } from "vitest";
import { SESSION_COOKIE } from "../../../src/server/auth/sessions";
import { uploadMedia } from "../../../src/server/media/service";
import { cookieJar } from "../../support/next-request";
import { GET as listRoute, POST as uploadRoute } from "../../../src/app/api/media/route";
import {
  alts,
  db,
  freshPeople,
  jpeg,
  png,
  storedBytes,
  storedKeys,
  upload,
  type Backend,
  type People,
} from "./helpers";

const SECRET = "Secret Photographer";
const GPS = { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "116/1 23/1 0/1" };
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${SECRET}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;

/** A camera-like photo: EXIF with GPS and the photographer, XMP, a P3 profile, rotated by EXIF. */
const photo = (format: "jpeg" | "png" | "webp", width = 2000, height = 1000) =>
  sharp({ create: { width, height, channels: 3, background: "#36c" } })
    .withIccProfile("p3")
    .withExif({ IFD0: { Artist: SECRET, Make: "Newsroom Camera" }, IFD3: GPS })
    .withXmp(XMP)
    .withMetadata({ orientation: 6 })
    .toFormat(format)
    .toBuffer();

export function uploadSuite(backend: Backend) {
  let people: People;
  describe(`media uploads on ${backend.name}`, () => {
    beforeEach(async () => {
      people = await freshPeople();
    });

    describe(`upload (${backend.name})`, () => {
      test("a PNG is stored with its size, hash, alt texts and WebP variants narrower than it", async () => {
        const store = backend.store();
        const bytes = await png(2000, 1000);
        const media = await upload(store, people.editor, bytes);
        expect(media).toMatchObject({ mime: "image/png", width: 2000, height: 1000, ...alts });
        const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
        expect(row.sha256).toMatch(/^[a-f0-9]{64}$/);
        expect(row.uploaderId).toBe(people.editor.id);
        const files = (await storedKeys(store, `${row.storageKey}/`)).map((k) => k.split("/").pop()).sort();
        expect(files).toEqual(["original.png", "w1600.webp", "w480.webp", "w960.webp"]);
        const original = await storedBytes(store, `${row.storageKey}/original.png`);
        expect([original.length, row.bytes]).toEqual([row.bytes, media.bytes]);
        const variant = await sharp(await storedBytes(store, `${row.storageKey}/w960.webp`)).metadata();
        expect([variant.format, variant.width, variant.height]).toEqual(["webp", 960, 480]);
      });

      test("a translator may upload; a small JPEG gets no variants", async () => {
        const store = backend.store();
        const media = await upload(store, people.translator, await jpeg(300, 200));
        const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
        expect(await storedKeys(store, `${row.storageKey}/`)).toEqual([`${row.storageKey}/original.jpg`]);
      });

      // docs/SECURITY.md "Media": issue 11, point 5.
      test.each(["jpeg", "png", "webp"] as const)(
        "%s: GPS, EXIF and XMP are gone from the original and every variant; orientation and colour profile stay",
        async (format) => {
          const store = backend.store();
          const input = await photo(format);
          const media = await upload(store, people.editor, input);
          expect(media).toMatchObject({ width: 1000, height: 2000 }); // as displayed (orientation 6)
          const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
          const keys = await storedKeys(store, `${row.storageKey}/`);
          expect(keys).toHaveLength(3); // original + 480 + 960 (displayed width 1000)
          for (const key of keys) {
            const bytes = await storedBytes(store, key);
            const meta = await sharp(bytes).metadata();
            expect(bytes.includes(SECRET), key).toBe(false);
            expect(bytes.includes("Newsroom Camera"), key).toBe(false);
            expect(meta.xmp, key).toBeUndefined();
            expect(meta.exif?.length ?? 0, key).toBeLessThanOrEqual(40); // at most the orientation tag
            expect(meta.icc, key).toBeDefined();
            if (key.includes("/original.")) {
              expect(meta.orientation, key).toBe(6);
              const [a, b] = await Promise.all([sharp(bytes).raw().toBuffer(), sharp(input).raw().toBuffer()]);
              expect(a.equals(b), `${key}: pixels changed`).toBe(true);
            } else {
              expect([meta.orientation ?? 1, meta.height > meta.width], key).toEqual([1, true]); // rotated upright
            }
          }
        },
      );

      test("a JPEG whose structure the stripper cannot walk is re-encoded without its metadata", async () => {
        const store = backend.store();
        const input = await photo("jpeg", 800, 600);
        // Junk between two segments: libjpeg only warns, the byte-level stripper refuses to guess.
        const cut = 4 + input.readUInt16BE(4); // after the first segment
        const junk = Buffer.concat([input.subarray(0, cut), Buffer.from([0x00, 0x11, 0x22]), input.subarray(cut)]);
        const media = await upload(store, people.editor, junk);
        const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
        const bytes = await storedBytes(store, `${row.storageKey}/original.jpg`);
        const meta = await sharp(bytes).metadata();
        expect(bytes.includes(SECRET)).toBe(false);
        expect([meta.xmp, meta.exif, meta.orientation, meta.width, meta.height]).toEqual([
          undefined,
          undefined,
          undefined,
          600,
          800,
        ]);
        expect(meta.icc).toBeDefined();
      });

      test.each([
        ["text named like an image", "media_not_image", async () => Buffer.from("this is not a picture, whatever")],
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
        [
          "over 10 MB",
          "media_too_large",
          async () => Buffer.concat([await png(10, 10), Buffer.alloc(10 * 1024 * 1024)]),
        ],
      ])("%s is refused (%s) and nothing is stored", async (_name, code, make) => {
        const store = backend.store();
        const before = (await storedKeys(store)).length;
        const result = await uploadMedia(db, people.editor, { bytes: await make(), ...alts }, store);
        expect(result).toMatchObject({ ok: false, code });
        expect(await db.media.count()).toBe(0);
        expect((await storedKeys(store)).length).toBe(before);
      });

      test("the Chinese alt text is required; English is optional; signed out is forbidden", async () => {
        const store = backend.store();
        const bytes = await png(10, 10);
        expect(await uploadMedia(db, people.editor, { bytes, altZh: "  ", altEn: "x" }, store)).toMatchObject({
          ok: false,
          code: "invalid_input",
          fieldErrors: { altZh: "alt_zh_required" },
        });
        expect(await uploadMedia(db, people.editor, { bytes, altZh: "图", altEn: "" }, store)).toMatchObject({
          ok: true,
        });
        expect(await uploadMedia(db, null, { bytes, ...alts }, store)).toEqual({ ok: false, code: "forbidden" });
      });
    });

    describe(`POST /api/media (${backend.name})`, () => {
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
        cookieJar.set(SESSION_COOKIE, people.editorToken);
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
        cookieJar.set(SESSION_COOKIE, people.editorToken);
        const response = await post(headers, await form());
        expect(response.status).toBe(403);
        expect(await db.media.count()).toBe(0);
      });

      test("signed out: 401", async () => {
        expect((await post({ origin: ORIGIN }, await form())).status).toBe(401);
      });

      test("a declared Content-Length over the limit is refused before reading", async () => {
        cookieJar.set(SESSION_COOKIE, people.editorToken);
        const response = await post(
          {
            origin: ORIGIN,
            "content-type": "multipart/form-data; boundary=x",
            "content-length": String(20 * 1024 * 1024),
          },
          "x",
        );
        expect(response.status).toBe(413);
        expect(await response.json()).toMatchObject({ error: "media_too_large" });
      });

      test("a streamed body that grows past the limit is cut off", async () => {
        cookieJar.set(SESSION_COOKIE, people.editorToken);
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
        cookieJar.set(SESSION_COOKIE, people.editorToken);
        const response = await post({ origin: ORIGIN }, await form(Buffer.from("just text")));
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ ok: false, error: "media_not_image" });
      });

      test("GET lists media for staff only", async () => {
        await upload(backend.store(), people.editor, await png(20, 20));
        expect((await listRoute()).status).toBe(401);
        cookieJar.set(SESSION_COOKIE, people.editorToken);
        const listed = (await (await listRoute()).json()) as { media: unknown[] };
        expect(listed.media).toHaveLength(1);
      });
    });
  });
}
