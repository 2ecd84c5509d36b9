// JPEG: walks the marker segments. Kept: the frame, tables, scans, APP2 ICC_PROFILE and APP14 Adobe
// (colour transform). Dropped: every other APPn (EXIF/GPS, XMP, IPTC, JFIF/JFXX thumbnails, MPF
// secondary images, C2PA), COM comments, and anything after the end of image.
import { StripError, ascii, concat, latin1, orientationTiff, u16be } from "./strip-bytes";

const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;

function keepSegment(marker: number, bytes: Uint8Array, at: number): boolean {
  if (marker === 0xfe) return false; // COM
  if (marker < 0xe0 || marker > 0xef) return true; // not an APPn: tables, frames, scans
  if (marker === 0xe2) return ascii(bytes, at + 4, 12) === "ICC_PROFILE\0";
  if (marker === 0xee) return ascii(bytes, at + 4, 5) === "Adobe";
  return false;
}

/** Index of the next marker after entropy-coded data starting at `from`. */
function endOfScan(bytes: Uint8Array, from: number): number {
  let j = from;
  while (j < bytes.length - 1) {
    if (bytes[j] !== 0xff) j++;
    else if (bytes[j + 1] === 0x00 || isRst(bytes[j + 1]!)) j += 2;
    else if (bytes[j + 1] === 0xff)
      j++; // fill byte before a marker
    else return j;
  }
  throw new StripError("JPEG: scan data runs to the end of the file");
}

function app1Orientation(orientation: number): Uint8Array {
  const payload = concat([latin1("Exif\0\0"), orientationTiff(orientation)]);
  const length = payload.length + 2;
  return concat([Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff]), payload]);
}

export function stripJpeg(bytes: Uint8Array, orientation?: number): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new StripError("JPEG: no start of image");
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  if (orientation) out.push(app1Orientation(orientation));
  let i = 2;
  for (;;) {
    if (i >= bytes.length - 1 || bytes[i] !== 0xff) throw new StripError(`JPEG: no marker at ${i}`);
    while (bytes[i + 1] === 0xff) i++; // fill bytes
    const marker = bytes[i + 1]!;
    if (marker === 0xd9) {
      out.push(bytes.subarray(i, i + 2));
      return concat(out);
    }
    if (isRst(marker) || marker === 0x01) {
      out.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    const end = i + 2 + u16be(bytes, i + 2);
    if (end > bytes.length) throw new StripError("JPEG: segment runs past the end");
    if (keepSegment(marker, bytes, i)) out.push(bytes.subarray(i, end));
    i = end;
    if (marker === 0xda) {
      const next = endOfScan(bytes, i);
      out.push(bytes.subarray(i, next));
      i = next;
    }
  }
}
