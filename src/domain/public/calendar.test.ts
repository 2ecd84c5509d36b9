import { describe, expect, test } from "vitest";
import { addMonths, monthKey, monthKeyOf, monthRange, monthStart, parseMonthKey, yearRange } from "./calendar";

describe("month keys", () => {
  test.each([
    ["2020-03-31T15:59:59.999Z", "Asia/Shanghai", "2020-03"],
    ["2020-03-31T16:00:00.000Z", "Asia/Shanghai", "2020-04"],
    ["2021-01-01T04:59:59Z", "America/New_York", "2020-12"],
    ["2021-01-01T05:00:00Z", "America/New_York", "2021-01"],
    ["2006-07-01T00:00:00Z", "UTC", "2006-07"],
  ])("%s in %s is %s", (iso, tz, key) => {
    expect(monthKeyOf(new Date(iso), tz)).toBe(key);
  });

  test("round trip and arithmetic across years", () => {
    expect(parseMonthKey("2020-04")).toEqual({ year: 2020, month: 4 });
    expect(monthKey({ year: 2020, month: 4 })).toBe("2020-04");
    expect(addMonths({ year: 2020, month: 12 }, 1)).toEqual({ year: 2021, month: 1 });
    expect(addMonths({ year: 2020, month: 1 }, -1)).toEqual({ year: 2019, month: 12 });
    expect(addMonths({ year: 2020, month: 5 }, -17)).toEqual({ year: 2018, month: 12 });
    expect(() => parseMonthKey("2020-4")).toThrow();
  });
});

describe("month boundaries in the agency time zone", () => {
  test.each([
    [{ year: 2020, month: 4 }, "Asia/Shanghai", "2020-03-31T16:00:00.000Z"],
    [{ year: 2021, month: 1 }, "America/New_York", "2021-01-01T05:00:00.000Z"],
    // summer time: New York is UTC-4 in July
    [{ year: 2021, month: 7 }, "America/New_York", "2021-07-01T04:00:00.000Z"],
    [{ year: 2021, month: 4 }, "Europe/London", "2021-03-31T23:00:00.000Z"],
    [{ year: 2024, month: 2 }, "UTC", "2024-02-01T00:00:00.000Z"],
    // Asia/Kolkata is UTC+5:30; Asia/Kathmandu +5:45
    [{ year: 2022, month: 9 }, "Asia/Kolkata", "2022-08-31T18:30:00.000Z"],
    [{ year: 2022, month: 9 }, "Asia/Kathmandu", "2022-08-31T18:15:00.000Z"],
  ])("%j in %s starts at %s", (ym, tz, iso) => {
    expect(monthStart(ym, tz).toISOString()).toBe(iso);
  });

  test("a clock change at midnight on the 1st: the month starts when the clock shows its first instant", () => {
    // America/Santiago moved to summer time at 2022-09-11 00:00 → 01:00 (not a 1st), and
    // America/Havana at 2022-03-13 00:00 → 01:00; a synthetic check: every start maps to the month
    for (const tz of ["America/Havana", "America/Santiago", "Asia/Beirut", "Europe/Berlin"]) {
      for (let m = 1; m <= 12; m++) {
        const start = monthStart({ year: 2022, month: m }, tz);
        expect(monthKeyOf(start, tz), `${tz} ${m}`).toBe(monthKey({ year: 2022, month: m }));
        expect(monthKeyOf(new Date(start.getTime() - 1), tz), `${tz} ${m} - 1ms`).toBe(
          monthKey(addMonths({ year: 2022, month: m }, -1)),
        );
      }
    }
  });

  test("ranges are half-open and follow each other", () => {
    const april = monthRange({ year: 2020, month: 4 }, "Asia/Shanghai");
    const may = monthRange({ year: 2020, month: 5 }, "Asia/Shanghai");
    expect(april.to).toEqual(may.from);
    expect(april.to.getTime() - april.from.getTime()).toBe(30 * 86_400_000);
    const year = yearRange(2020, "Asia/Shanghai");
    expect(year.from.toISOString()).toBe("2019-12-31T16:00:00.000Z");
    expect(year.to.toISOString()).toBe("2020-12-31T16:00:00.000Z");
  });
});
