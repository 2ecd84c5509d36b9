// Removes metadata (EXIF with GPS, XMP, IPTC, comments, embedded thumbnails, text chunks) from an
// accepted image without re-encoding it: the pixels stay exactly as uploaded. Kept: what decoding
// and colour need (ICC profile, Adobe colour transform, PNG colour chunks) and the orientation, as
// a minimal EXIF block holding only that tag. Pure byte work; the server checks the result with sharp.
import type { AcceptedMime } from "./sniff";
import { stripJpeg } from "./strip-jpeg";
import { stripPng, stripWebp } from "./strip-containers";

export { StripError } from "./strip-bytes";

/** EXIF orientation values 2–8 need the tag; 1 (or none) needs nothing. */
export const needsOrientation = (o: number | undefined): o is number => o !== undefined && o >= 2 && o <= 8;

/** The image without its metadata; throws StripError when its structure cannot be walked. */
export function stripMetadata(bytes: Uint8Array, mime: AcceptedMime, orientation?: number): Uint8Array {
  const keep = needsOrientation(orientation) ? orientation : undefined;
  if (mime === "image/jpeg") return stripJpeg(bytes, keep);
  if (mime === "image/png") return stripPng(bytes, keep);
  return stripWebp(bytes, keep);
}
