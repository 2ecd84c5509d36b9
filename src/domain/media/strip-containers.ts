// PNG and WebP: chunked containers. Only chunks needed to decode and colour the image are kept,
// plus a minimal EXIF chunk when the orientation is not the default.
import { StripError, ascii, be32, concat, crc32, latin1, le32, orientationTiff, u32be, u32le } from "./strip-bytes";

const PNG_KEEP = new Set([
  ...["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI"],
  ...["bKGD", "pHYs", "hIST", "acTL", "fcTL", "fdAT"],
]);

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const name = latin1(type);
  return concat([be32(data.length), name, data, be32(crc32([name, data]))]);
}

export function stripPng(bytes: Uint8Array, orientation?: number): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  let exifWritten = !orientation;
  while (i + 12 <= bytes.length) {
    const length = u32be(bytes, i);
    const type = ascii(bytes, i + 4, 4);
    const end = i + 12 + length;
    if (end > bytes.length) throw new StripError("PNG: chunk runs past the end");
    // Unknown critical chunks (upper-case first letter) cannot be dropped; decoding would have failed.
    const critical = type.charCodeAt(0) < 0x61;
    if (!exifWritten && (type === "IDAT" || type === "fdAT" || type === "IEND")) {
      out.push(pngChunk("eXIf", orientationTiff(orientation!)));
      exifWritten = true;
    }
    if (PNG_KEEP.has(type) || critical) out.push(bytes.subarray(i, end));
    i = end;
    if (type === "IEND") return concat(out);
  }
  throw new StripError("PNG: no IEND chunk");
}

const WEBP_KEEP = new Set(["VP8X", "ICCP", "ANIM", "ANMF", "ALPH", "VP8 ", "VP8L"]);
const EXIF_FLAG = 0x08;
const XMP_FLAG = 0x04;

function riffChunk(type: string, data: Uint8Array): Uint8Array {
  const pad = data.length % 2 ? [new Uint8Array(1)] : [];
  return concat([latin1(type), le32(data.length), data, ...pad]);
}

export function stripWebp(bytes: Uint8Array, orientation?: number): Uint8Array {
  if (ascii(bytes, 0, 4) !== "RIFF" || ascii(bytes, 8, 4) !== "WEBP") throw new StripError("WebP: not RIFF/WEBP");
  const riffEnd = Math.min(bytes.length, 8 + u32le(bytes, 4));
  const chunks: Uint8Array[] = [];
  let i = 12;
  while (i + 8 <= riffEnd) {
    const type = ascii(bytes, i, 4);
    const size = u32le(bytes, i + 4);
    const end = i + 8 + size + (size % 2);
    if (i + 8 + size > riffEnd) throw new StripError("WebP: chunk runs past the end");
    if (WEBP_KEEP.has(type)) chunks.push(bytes.slice(i, Math.min(end, riffEnd)));
    i = end;
  }
  const first = chunks[0];
  if (!first) throw new StripError("WebP: no chunks");
  if (ascii(first, 0, 4) !== "VP8X") {
    // Simple format: one image chunk, no room for metadata; orientation cannot be kept here.
    return concat([latin1("RIFF"), le32(4 + first.length), latin1("WEBP"), first]);
  }
  first[8] = (first[8]! & ~(EXIF_FLAG | XMP_FLAG)) | (orientation ? EXIF_FLAG : 0);
  if (orientation) chunks.push(riffChunk("EXIF", orientationTiff(orientation)));
  const body = concat(chunks);
  return concat([latin1("RIFF"), le32(4 + body.length), latin1("WEBP"), body]);
}
