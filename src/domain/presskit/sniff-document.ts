// What a press-kit document really is, from its bytes: never from its name or the client's
// Content-Type (docs/PRESS-KIT.md). Pure. Office Open XML and OpenDocument files are zip archives:
// they are told apart by the names of the parts inside (OOXML) or the stored "mimetype" entry (ODF).

export const DOCUMENT_TYPES = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
} as const;
export type DocumentMime = keyof typeof DOCUMENT_TYPES;

/** Short label of a type, for readers ("PDF", "DOCX"). */
export const typeLabel = (mime: string) =>
  (DOCUMENT_TYPES[mime as DocumentMime] ?? mime.split("/")[1]?.replace("jpeg", "jpg") ?? "file").toUpperCase();

/** The bytes as Latin-1 text (each byte one character): enough for magic numbers and zip names. */
const latin1 = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const startsWith = (b: Uint8Array, s: string, at = 0) => latin1(b, at, at + s.length) === s;

const OOXML: [string, DocumentMime][] = [
  ["word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ["ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
];

/** Names of the entries in a zip's local headers (enough to recognise OOXML; bounded scan). */
function zipEntryNames(bytes: Uint8Array, max = 2000): string[] {
  const names: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (names.length < max && at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const flags = view.getUint16(at + 6, true);
    names.push(latin1(bytes, at + 30, Math.min(bytes.length, at + 30 + nameLength)));
    if (flags & 0x08) break; // sizes follow the data: stop walking (the names seen so far suffice)
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

function sniffZip(bytes: Uint8Array): DocumentMime | null {
  // ODF: the first entry is "mimetype", stored uncompressed, its content the type.
  if (startsWith(bytes, "mimetype", 30)) {
    const type = latin1(bytes, 38, 38 + 60);
    for (const mime of Object.keys(DOCUMENT_TYPES) as DocumentMime[]) {
      if (mime.startsWith("application/vnd.oasis") && type.startsWith(mime)) return mime;
    }
    return null;
  }
  const names = zipEntryNames(bytes);
  if (!names.includes("[Content_Types].xml")) return null;
  for (const [prefix, mime] of OOXML) if (names.some((n) => n.startsWith(prefix))) return mime;
  return null;
}

/** The document's type if it is one we accept, else null. */
export function sniffDocument(bytes: Uint8Array): DocumentMime | null {
  if (startsWith(bytes, "%PDF-")) return "application/pdf";
  if (startsWith(bytes, "PK\u0003\u0004")) return sniffZip(bytes);
  return null;
}
