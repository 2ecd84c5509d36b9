import { describe, expect, test } from "vitest";
import { jsonLdString } from "./json-ld";
import { monthOf, pageCount, pageExists, parsePageParam, parseYearMonth } from "./paging";
import { paths } from "./urls";

describe("parsePageParam", () => {
  test.each([
    ["1", 1],
    ["2", 2],
    ["99999", 99999],
    ["0", null],
    ["-1", null],
    ["abc", null],
    ["01", null],
    ["2.0", null],
    ["+2", null],
    ["1e3", null],
    ["", null],
    [undefined, null],
    ["9999999", null],
  ])("%j → %j", (raw, expected) => {
    expect(parsePageParam(raw)).toBe(expected);
  });
});

describe("pageCount / pageExists", () => {
  test.each([
    [0, 1],
    [1, 1],
    [10, 1],
    [11, 2],
    [25, 3],
  ])("%i items → %i pages of 10", (total, pages) => {
    expect(pageCount(total, 10)).toBe(pages);
  });
  test.each([
    [1, 0, true],
    [2, 0, false],
    [3, 25, true],
    [4, 25, false],
    [0, 25, false],
    [1.5, 25, false],
  ])("page %s of %i items exists: %s", (page, total, exists) => {
    expect(pageExists(page, total, 10)).toBe(exists);
  });
});

describe("parseYearMonth", () => {
  test.each([
    ["2020", "04", { year: 2020, month: 4 }],
    ["2020", "12", { year: 2020, month: 12 }],
    ["2020", "4", null],
    ["2020", "13", null],
    ["2020", "00", null],
    ["20", "04", null],
    ["abcd", "04", null],
    ["2020", "-1", null],
    ["99999", "01", null],
  ])("%s/%s → %j", (y, m, expected) => {
    expect(parseYearMonth(y, m)).toEqual(expected);
  });
});

describe("monthOf in the agency time zone", () => {
  test.each([
    ["2020-03-31T20:00:00Z", "Asia/Shanghai", { year: 2020, month: 4 }],
    ["2020-03-31T20:00:00Z", "UTC", { year: 2020, month: 3 }],
    ["2020-12-31T23:30:00Z", "Asia/Shanghai", { year: 2021, month: 1 }],
    ["2021-01-01T02:00:00Z", "America/New_York", { year: 2020, month: 12 }],
  ])("%s in %s", (iso, tz, expected) => {
    expect(monthOf(new Date(iso), tz)).toEqual(expected);
  });
});

describe("jsonLdString", () => {
  test.each([
    ["</script><script>alert(1)</script>", "\\u003c/script\\u003e"],
    ["a & b", "a \\u0026 b"],
    ["<!--", "\\u003c!--"],
    ["line\u2028sep", "line\\u2028sep"],
  ])("escapes %j", (title, fragment) => {
    const out = jsonLdString({ headline: title });
    expect(out).toContain(fragment);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual({ headline: title });
  });
});

describe("paths", () => {
  test.each([
    [paths.news("zh"), "/zh/news"],
    [paths.news("en", 1), "/en/news"],
    [paths.news("en", 2), "/en/news/page/2"],
    [paths.category("zh", "press-releases", 3), "/zh/category/press-releases/page/3"],
    [paths.archiveMonth("en", 2020, 4), "/en/archive/2020/04"],
    [paths.archiveMonth("zh", 2020, 11, 2), "/zh/archive/2020/11/page/2"],
    [paths.article("en", "a b"), "/en/news/a%20b"],
  ])("%s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
