import { expect, test } from "vitest";
import { sniffDocument, typeLabel } from "./sniff-document";

/** A minimal zip local header for `name` (stored, no data). */
const entry = (name: string, data = "") => {
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt32LE(data.length, 18);
  head.writeUInt32LE(data.length, 22);
  head.writeUInt16LE(name.length, 26);
  return Buffer.concat([head, Buffer.from(name, "latin1"), Buffer.from(data, "latin1")]);
};

test.each([
  ["PDF", Buffer.from("%PDF-1.7\n..."), "application/pdf"],
  ["DOCX", Buffer.concat([entry("[Content_Types].xml", "<x/>"), entry("word/document.xml")]), "DOCX"],
  ["XLSX", Buffer.concat([entry("[Content_Types].xml"), entry("_rels/.rels"), entry("xl/workbook.xml")]), "XLSX"],
  ["ODT", entry("mimetype", "application/vnd.oasis.opendocument.text"), "ODT"],
  ["a plain zip", Buffer.concat([entry("a.txt", "hi")]), null],
  ["an HTML page named .pdf", Buffer.from("<!doctype html><script>alert(1)</script>"), null],
  ["a JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0]), null],
  ["an executable", Buffer.from("MZ\x90\x00"), null],
  ["nothing", Buffer.alloc(0), null],
])("%s", (_name, bytes, expected) => {
  const mime = sniffDocument(bytes);
  expect(mime && (expected?.includes("/") ? mime : typeLabel(mime))).toBe(expected);
});
