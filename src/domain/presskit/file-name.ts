// File names of press-kit downloads (docs/PRESS-KIT.md). The uploaded name is kept for the reader
// but made safe: no path, no control or format characters, nothing a file system or a header
// treats specially, bounded, and its extension that of the sniffed type.

export const FILE_NAME_MAX = 120;
const UNSAFE = /[\p{C}\\/:*?"<>|;,%]+/gu;

export function safeFileName(uploaded: string, extension: string, fallback = "attachment"): string {
  const base = uploaded.split(/[\\/]/).pop() ?? "";
  let stem = base
    .normalize("NFC")
    .replace(UNSAFE, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\.[^.]{0,10}$/, "") // the claimed extension: the sniffed type decides
    .replace(/^[.\s-]+|[.\s]+$/g, "");
  const room = FILE_NAME_MAX - extension.length - 1;
  if ([...stem].length > room) stem = [...stem].slice(0, room).join("").trim();
  return `${stem || fallback}.${extension}`;
}

/** RFC 5987 ext-value characters: attr-char is ALPHA / DIGIT / "!#$&+-.^_`|~". */
const encode5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Content-Disposition for a download of `name` (already safe): an ASCII fallback for old clients
 * and the exact UTF-8 name as `filename*` (RFC 6266 / RFC 5987).
 */
export function contentDisposition(name: string, type: "attachment" | "inline" = "attachment"): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encode5987(name)}`;
}
