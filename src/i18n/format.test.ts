import { expect, test } from "vitest";
import { formatDate, formatMonth } from "./format";

test.each([
  ["zh", "Asia/Shanghai", "2020年4月9日"],
  ["en", "Asia/Shanghai", "April 9, 2020"],
  // 2020-04-09T02:00Z is still 8 April in New York
  ["en", "America/New_York", "April 8, 2020"],
] as const)("%s in %s", (locale, tz, expected) => {
  expect(formatDate(new Date("2020-04-09T02:00:00Z"), locale, tz)).toBe(expected);
});

test.each([
  ["zh", 2020, 4, "2020年4月"],
  ["en", 2020, 4, "April 2020"],
  ["en", 2021, 12, "December 2021"],
] as const)("month %s %i-%i", (locale, year, month, expected) => {
  expect(formatMonth(year, month, locale)).toBe(expected);
});
