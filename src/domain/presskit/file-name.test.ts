import { expect, test } from "vitest";
import { contentDisposition, safeFileName } from "./file-name";

test.each([
  ["report.pdf", "pdf", "report.pdf"],
  ["../../etc/passwd", "pdf", "passwd.pdf"],
  ["C:\\Users\\a\\年度报告.docx", "pdf", "年度报告.pdf"],
  ["evil.pdf.exe", "pdf", "evil.pdf.pdf"],
  ['a"; filename="x.html', "pdf", "a filename= x.pdf"],
  ["line\r\nSet-Cookie: x=1.pdf", "pdf", "line Set-Cookie x=1.pdf"],
  ["\u202egnp.exe", "pdf", "gnp.pdf"],
  ["...", "pdf", "attachment.pdf"],
  [".htaccess", "pdf", "attachment.pdf"],
  ["", "jpg", "attachment.jpg"],
])("safeFileName(%j) → %j", (uploaded, ext, expected) => {
  expect(safeFileName(uploaded, ext)).toBe(expected);
});

test("long names are cut to the limit, keeping the extension", () => {
  const name = safeFileName(`${"长".repeat(300)}.pdf`, "pdf");
  expect([...name].length).toBe(120);
  expect(name.endsWith("长.pdf")).toBe(true);
});

test("Content-Disposition carries an ASCII fallback and the RFC 5987 UTF-8 name", () => {
  expect(contentDisposition("年度报告 (2026)'s.pdf")).toBe(
    "attachment; filename=\"____ (2026)'s.pdf\"; filename*=UTF-8''%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A%20%282026%29%27s.pdf",
  );
  expect(contentDisposition("a.pdf")).not.toMatch(/[\r\n]/);
});
