import { describe, expect, test } from "vitest";
import { jsonLdString } from "./json-ld";
import { monthOf, paginate, parsePageParam, parseYearMonth } from "./paging";
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

describe("paginate", () => {
  const all = Array.from({ length: 25 }, (_, i) => i);
  test.each([
    [1, [0, 9], 3],
    [3, [20, 24], 3],
  ])("page %i of 25 items", (page, [first, last], pages) => {
    const result = paginate(all, page, 10);
    expect(result?.items[0]).toBe(first);
    expect(result?.items.at(-1)).toBe(last);
    expect(result?.pages).toBe(pages);
  });
  test.each([0, 4, 99999, 1.5])("page %s is out of range", (page) => {
    expect(paginate(all, page, 10)).toBeNull();
  });
  test("page 1 of nothing exists and is empty", () => {
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
    expect(paginate([], 2, 10)).toBeNull();
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
    [paths.article("en", "a b"), "/en/news/a%20b"],
  ])("%s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
