import "server-only";
import sharp from "sharp";
import type { AcceptedMime } from "@/domain/media/sniff";
import { MAX_PIXELS, variantFile, variantWidths } from "@/domain/media/urls";

// Decodes an upload whose magic number looked right, to be sure it is a whole, sane image, and
// makes the WebP variants. A decode failure is a corrupt (or disguised) file.

const FORMAT: Record<AcceptedMime, string> = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" };
const options = { failOn: "error", limitInputPixels: MAX_PIXELS } as const;

export type Processed =
  | { ok: true; width: number; height: number; variants: { file: string; data: Buffer }[] }
  | { ok: false; code: "media_corrupt" | "media_too_many_pixels" };

export async function processImage(bytes: Buffer, mime: AcceptedMime): Promise<Processed> {
  try {
    const meta = await sharp(bytes, options).metadata();
    if (meta.format !== FORMAT[mime] || !meta.width || !meta.height) return { ok: false, code: "media_corrupt" };
    if (meta.width * meta.height > MAX_PIXELS) return { ok: false, code: "media_too_many_pixels" };
    // Dimensions as displayed: EXIF orientation 5–8 swaps width and height.
    const { width, height } = meta.autoOrient ?? meta;
    await sharp(bytes, options).stats(); // decodes every pixel: truncated or bogus data fails here
    const variants = [];
    for (const w of variantWidths(width)) {
      const data = await sharp(bytes, options).autoOrient().resize({ width: w }).webp({ quality: 80 }).toBuffer();
      variants.push({ file: variantFile(w), data });
    }
    return { ok: true, width, height, variants };
  } catch (error) {
    const pixels = error instanceof Error && /pixel limit/i.test(error.message);
    return { ok: false, code: pixels ? "media_too_many_pixels" : "media_corrupt" };
  }
}
