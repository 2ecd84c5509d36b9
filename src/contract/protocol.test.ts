import { expect, test } from "vitest";
import { isPostgresUrl, localeOfPath, matchesEtag } from "./protocol";

test("matchesEtag: lists, weak validators, *", () => {
  expect(matchesEtag('"a"', '"a"')).toBe(true);
  expect(matchesEtag('W/"a", "b"', '"a"')).toBe(true);
  expect(matchesEtag("*", '"a"')).toBe(true);
  expect(matchesEtag('"b"', '"a"')).toBe(false);
  expect(matchesEtag(null, '"a"')).toBe(false);
  expect(matchesEtag('"a"', undefined)).toBe(false);
});

test("localeOfPath: the first segment only, and only a locale", () => {
  expect(localeOfPath("/zh")).toBe("zh");
  expect(localeOfPath("/en/news/x")).toBe("en");
  expect(localeOfPath("/zhx")).toBeUndefined();
  expect(localeOfPath("/admin/en")).toBeUndefined();
});

test("isPostgresUrl", () => {
  expect(isPostgresUrl("postgresql://u@h/db")).toBe(true);
  expect(isPostgresUrl("postgres://u@h/db")).toBe(true);
  expect(isPostgresUrl("file:./x.db")).toBe(false);
  expect(isPostgresUrl(undefined)).toBe(false);
});
