// What an upload really is, from its first bytes (magic numbers): never from its name or the
// client's Content-Type. Pure; the server then decodes accepted files with sharp to be sure.

export const ACCEPTED_MIME = ["image/jpeg", "image/png", "image/webp"] as const;
export type AcceptedMime = (typeof ACCEPTED_MIME)[number];

export type Sniffed =
  | { kind: "accepted"; mime: AcceptedMime }
  /** a recognised image format we do not take (GIF, SVG, BMP, TIFF, HEIC/AVIF, ICO) */
  | { kind: "unsupported"; format: string }
  | { kind: "not_image" };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const ACCEPTED: [AcceptedMime, (b: Uint8Array) => boolean][] = [
  ["image/jpeg", (b) => startsWith(b, [0xff, 0xd8, 0xff])],
  ["image/png", (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ["image/webp", (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8) && b.length >= 16],
];

const UNSUPPORTED: [string, (b: Uint8Array) => boolean][] = [
  ["gif", (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a"))],
  ["bmp", (b) => startsWith(b, ascii("BM")) && b.length >= 26],
  ["tiff", (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])],
  ["heif", (b) => startsWith(b, ascii("ftyp"), 4)],
  ["ico", (b) => startsWith(b, [0x00, 0x00, 0x01, 0x00])],
  ["svg", (b) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(textHead(b))],
];

function textHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 1024);
  return new TextDecoder("utf-8", { fatal: false }).decode(head).replace(/^\ufeff/, "");
}

export function sniffImage(bytes: Uint8Array): Sniffed {
  for (const [mime, test] of ACCEPTED) if (test(bytes)) return { kind: "accepted", mime };
  for (const [format, test] of UNSUPPORTED) if (test(bytes)) return { kind: "unsupported", format };
  return { kind: "not_image" };
}

export const EXTENSION: Record<AcceptedMime, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};
