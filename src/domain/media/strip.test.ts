import sharp, { type Sharp } from "sharp";
import { describe, expect, test } from "vitest";
import type { AcceptedMime } from "./sniff";
import { StripError, stripMetadata } from "./strip";

// Real images written by sharp/libvips with EXIF (GPS, artist), XMP, an ICC profile and an
// orientation, stripped and read back by sharp: metadata gone, pixels, profile and orientation kept.

const SECRET = "Secret Photographer";
const XMP = `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${SECRET}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
const GPS = { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "116/1 23/1 0/1" };
const FORMATS: [string, AcceptedMime, (s: Sharp) => Sharp][] = [
  ["jpeg", "image/jpeg", (s) => s.jpeg()],
  ["progressive jpeg", "image/jpeg", (s) => s.jpeg({ progressive: true })],
  ["png", "image/png", (s) => s.png()],
  ["webp", "image/webp", (s) => s.webp()],
  ["lossless webp", "image/webp", (s) => s.webp({ lossless: true })],
];

async function tagged(encode: (s: Sharp) => Sharp, orientation = 6) {
  const base = sharp({ create: { width: 60, height: 40, channels: 3, background: "#c33" } })
    .composite([{ input: { create: { width: 20, height: 10, channels: 3, background: "#3c3" } }, top: 5, left: 7 }])
    .withIccProfile("p3")
    .withExif({ IFD0: { Artist: SECRET, ImageDescription: SECRET }, IFD3: GPS })
    .withXmp(XMP)
    .withMetadata({ orientation });
  return encode(base).toBuffer();
}

const pixels = (b: Uint8Array) => sharp(b).raw().toBuffer();

describe.each(FORMATS)("%s", (_name, mime, encode) => {
  test("EXIF/GPS and XMP are removed; pixels, ICC profile and orientation stay", async () => {
    const input = await tagged(encode);
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(before.xmp?.length).toBeGreaterThan(100);
    expect(before.exif?.length).toBeGreaterThan(200); // GPS IFD and the artist
    expect(before.icc?.length).toBeGreaterThan(100);
    expect(input.includes(SECRET)).toBe(true);

    const out = Buffer.from(stripMetadata(input, mime, before.orientation));
    const after = await sharp(out).metadata();
    expect(out.includes(SECRET)).toBe(false);
    expect(after.xmp).toBeUndefined();
    expect(after.exif?.length ?? 0).toBeLessThanOrEqual(40); // only the orientation tag
    expect(after.orientation).toBe(6);
    expect(after.icc).toEqual(before.icc);
    expect([after.format, after.width, after.height]).toEqual([before.format, before.width, before.height]);
    expect((await pixels(out)).equals(await pixels(input))).toBe(true);
  });

  test("with the default orientation no EXIF is left at all", async () => {
    const input = await tagged(encode, 1);
    const after = await sharp(Buffer.from(stripMetadata(input, mime, 1))).metadata();
    expect([after.exif, after.xmp, after.orientation]).toEqual([undefined, undefined, undefined]);
  });
});

test("JPEG: comments and data after the end of image are dropped", async () => {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
    .jpeg()
    .toBuffer();
  const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x0c]), Buffer.from("GPS 39.9 N")]);
  const input = Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2), Buffer.from("trailing secret")]);
  const out = Buffer.from(stripMetadata(input, "image/jpeg"));
  expect(out.includes("GPS 39.9")).toBe(false);
  expect(out.includes("trailing")).toBe(false);
  expect((await pixels(out)).equals(await pixels(jpeg))).toBe(true);
});

test("a simple-format WebP (no extended header) passes unchanged", async () => {
  const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
    .webp()
    .toBuffer();
  expect(Buffer.from(stripMetadata(webp, "image/webp")).equals(webp)).toBe(true);
});

test.each([
  ["a JPEG cut inside a segment", "image/jpeg" as const, async () => (await tagged((s) => s.jpeg())).subarray(0, 30)],
  ["a PNG without IEND", "image/png" as const, async () => (await tagged((s) => s.png())).subarray(0, 200)],
  ["a RIFF that is not WebP", "image/webp" as const, async () => Buffer.from("RIFF\x04\x00\x00\x00WAVE")],
])("%s cannot be walked: StripError", async (_name, mime, make) => {
  const bytes = await make();
  expect(() => stripMetadata(bytes, mime, 6)).toThrow(StripError);
});
