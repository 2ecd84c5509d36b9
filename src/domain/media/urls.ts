// Media URLs: /media/<id>/original.<ext> and /media/<id>/w<width>.webp. The id is 24 lowercase hex
// characters we generated; nothing else from a document or a request is ever part of a URL or path.
import { ACCEPTED_MIME, EXTENSION, type AcceptedMime } from "./sniff";

export const MEDIA_ID = /^[a-f0-9]{24}$/;
/** Widths of the WebP variants; only those narrower than the original are made. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_PIXELS = 50_000_000;
export const MAX_DIMENSION = 20_000;
export const ALT_MAX = 300;

export const isMediaId = (v: unknown): v is string => typeof v === "string" && MEDIA_ID.test(v);

export function variantWidths(width: number): number[] {
  return VARIANT_WIDTHS.filter((w) => w < width);
}

export const originalFile = (mime: AcceptedMime) => `original.${EXTENSION[mime]}`;
export const variantFile = (width: number) => `w${width}.webp`;
export const mediaUrl = (id: string, file: string) => `/media/${id}/${file}`;

const SRC = /^\/media\/([a-f0-9]{24})\/original\.(jpg|png|webp)$/;

/** The media id and original file of an image src we generated, or null for anything else. */
export function parseMediaSrc(src: unknown): { id: string; file: string } | null {
  if (typeof src !== "string") return null;
  const m = SRC.exec(src);
  return m ? { id: m[1]!, file: `original.${m[2]!}` } : null;
}

/** The files a media item has on disk, for serving: the original and its variants. */
export function mediaFiles(mime: string, width: number): string[] {
  const original = (ACCEPTED_MIME as readonly string[]).includes(mime) ? [originalFile(mime as AcceptedMime)] : [];
  return [...original, ...variantWidths(width).map(variantFile)];
}

/** srcset over the variants plus the original at its own width. */
export function mediaSrcset(id: string, file: string, width: number): string {
  return [
    ...variantWidths(width).map((w) => `${mediaUrl(id, variantFile(w))} ${w}w`),
    `${mediaUrl(id, file)} ${width}w`,
  ].join(", ");
}

/** Positive integer pixel size within bounds, or null. */
export function pixelSize(v: unknown): number | null {
  const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) && n > 0 && n <= MAX_DIMENSION ? n : null;
}

/** The smallest file of an item, for admin thumbnails. */
export function thumbnailUrl(m: { id: string; mime: string; width: number }): string {
  const small = variantWidths(m.width)[0];
  return mediaUrl(m.id, small ? variantFile(small) : (mediaFiles(m.mime, m.width)[0] ?? "original.jpg"));
}
