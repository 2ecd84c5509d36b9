import "server-only";
import sharp, { type Metadata } from "sharp";
import type { AcceptedMime } from "@/domain/media/sniff";
import { stripMetadata } from "@/domain/media/strip";
import { MAX_PIXELS, variantFile, variantWidths } from "@/domain/media/urls";

// Decodes an upload whose magic number looked right, to be sure it is a whole, sane image; removes
// its metadata (EXIF/GPS, XMP, IPTC, comments: docs/SECURITY.md "Media") and makes the WebP
// variants. A decode failure is a corrupt (or disguised) file.

const FORMAT = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" } as const;
const options = { failOn: "error", limitInputPixels: MAX_PIXELS } as const;

export type Processed =
  | { ok: true; width: number; height: number; original: Buffer; variants: { file: string; data: Buffer }[] }
  | { ok: false; code: "media_corrupt" | "media_too_many_pixels" };

export async function processImage(bytes: Buffer, mime: AcceptedMime): Promise<Processed> {
  try {
    const meta = await sharp(bytes, options).metadata();
    if (meta.format !== FORMAT[mime] || !meta.width || !meta.height) return { ok: false, code: "media_corrupt" };
    if (meta.width * meta.height > MAX_PIXELS) return { ok: false, code: "media_too_many_pixels" };
    // Dimensions as displayed: EXIF orientation 5–8 swaps width and height.
    const { width, height } = meta.autoOrient ?? meta;
    const original = await withoutMetadata(bytes, mime, meta);
    await sharp(original, options).stats(); // decodes every pixel: truncated or bogus data fails here
    const variants = [];
    for (const w of variantWidths(width)) {
      // sharp writes no EXIF/XMP unless asked; the colour profile is kept so colours do not shift.
      const data = await sharp(original, options)
        .autoOrient()
        .resize({ width: w })
        .keepIccProfile()
        .webp({ quality: 80 })
        .toBuffer();
      variants.push({ file: variantFile(w), data });
    }
    return { ok: true, width, height, original, variants };
  } catch (error) {
    const pixels = error instanceof Error && /pixel limit/i.test(error.message);
    return { ok: false, code: pixels ? "media_too_many_pixels" : "media_corrupt" };
  }
}

/**
 * The upload without metadata: stripped byte-exact when its structure allows (pixels untouched),
 * else re-encoded by sharp (orientation applied, colour profile kept, metadata dropped).
 */
async function withoutMetadata(bytes: Buffer, mime: AcceptedMime, meta: Metadata): Promise<Buffer> {
  try {
    const stripped = Buffer.from(stripMetadata(bytes, mime, meta.orientation));
    const check = await sharp(stripped, options).metadata();
    const same =
      check.format === meta.format &&
      check.width === meta.width &&
      check.height === meta.height &&
      (check.orientation ?? 1) === (meta.orientation ?? 1) &&
      check.xmp === undefined &&
      (check.exif?.length ?? 0) <= 64;
    if (same) return stripped;
  } catch {
    // a structure the stripper cannot walk (StripError) or a result sharp refuses: re-encode below
  }
  return sharp(bytes, options).autoOrient().keepIccProfile().toFormat(FORMAT[mime], { quality: 92 }).toBuffer();
}
