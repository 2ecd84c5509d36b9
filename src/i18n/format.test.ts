import { expect, test } from "vitest";
import { formatDate } from "./format";

test.each([
  ["zh", "Asia/Shanghai", "2020年4月9日"],
  ["en", "Asia/Shanghai", "April 9, 2020"],
  // 2020-04-09T02:00Z is still 8 April in New York
  ["en", "America/New_York", "April 8, 2020"],
] as const)("%s in %s", (locale, tz, expected) => {
  expect(formatDate(new Date("2020-04-09T02:00:00Z"), locale, tz)).toBe(expected);
});
