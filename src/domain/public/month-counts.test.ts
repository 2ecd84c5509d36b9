import { describe, expect, test } from "vitest";
import {
  currentMonthPending,
  locate,
  periodLastmod,
  periodsOf,
  totalOf,
  visibleMonths,
  visibleTotal,
  visibleYears,
  type StoredPeriod,
} from "./month-counts";

const NOW = new Date("2026-12-15T12:00:00Z");
const at = (iso: string) => new Date(iso);
const row = (period: string, count: number, latest: string): StoredPeriod => ({
  period,
  count,
  latestAt: at(latest),
  changedAt: at("2020-01-01T00:00:00Z"),
});

// 2024-02: 3, 2025-06: 0 (all withdrawn), 2026-11: 4, 2026-12: 5 of which 2 still embargoed,
// 2027-01: 2 (all embargoed)
const months = [
  row("M2024-02", 3, "2024-02-10T00:00:00Z"),
  row("M2025-06", 0, "2025-06-01T00:00:00Z"),
  row("M2026-11", 4, "2026-11-30T10:00:00Z"),
  row("M2026-12", 5, "2026-12-20T00:00:00Z"),
  row("M2027-01", 2, "2027-01-03T00:00:00Z"),
];
const years = [
  row("Y2024", 3, "2024-02-10T00:00:00Z"),
  row("Y2025", 0, "2025-06-01T00:00:00Z"),
  row("Y2026", 9, "2026-12-20T00:00:00Z"),
  row("Y2027", 2, "2027-01-03T00:00:00Z"),
];
const total = row("T", 14, "2027-01-03T00:00:00Z");
// what the database returns for "period between M2026-12 and T": the head
const head = [...months.filter((m) => m.period >= "M2026-12"), total];

describe("embargo: what readers see of the stored counts", () => {
  test("a publication counts in all time, its year and its month", () => {
    expect(periodsOf("2020-04")).toEqual(["T", "Y2020", "M2020-04"]);
  });

  test("the current month needs a live count only while it holds an embargo", () => {
    expect(currentMonthPending(months, "2026-12", NOW)).toBe(true);
    expect(currentMonthPending(months, "2026-12", at("2026-12-20T00:00:00Z"))).toBe(false);
    expect(currentMonthPending(months, "2026-10", NOW)).toBe(false);
  });

  test("total: the stored total minus later months and the hidden part of this one", () => {
    expect(visibleTotal(head, "2026-12", 3)).toBe(14 - 2 - 2);
    expect(visibleTotal(head, "2026-12", null)).toBe(14 - 2); // the embargo of December has passed
    expect(visibleTotal([], "2026-12", null)).toBe(0);
  });

  test("years: later years hidden, this one less its embargoed part, empty ones left out, newest first", () => {
    expect(visibleYears(years, head, "2026-12", 3)).toEqual([
      { year: 2026, count: 7 },
      { year: 2024, count: 3 },
    ]);
    expect(totalOf(visibleYears(years, head, "2026-12", 3))).toBe(visibleTotal(head, "2026-12", 3));
  });

  test("months: later ones hidden, the current one counted live, empty ones left out, newest first", () => {
    expect(visibleMonths(months, "2026-12", 3)).toEqual([
      { month: "2026-12", count: 3 },
      { month: "2026-11", count: 4 },
      { month: "2024-02", count: 3 },
    ]);
    expect(visibleMonths(months, "2026-12", 0).map((m) => m.month)).toEqual(["2026-11", "2024-02"]);
    expect(visibleMonths(months, "2026-12", null)[0]).toEqual({ month: "2026-12", count: 5 });
  });

  test("lastmod: the later of the last write and an embargo end that has passed", () => {
    const changedAt = at("2026-11-01T00:00:00Z");
    expect(periodLastmod({ changedAt, latestAt: at("2026-11-30T10:00:00Z") }, NOW)).toEqual(at("2026-11-30T10:00:00Z"));
    expect(periodLastmod({ changedAt, latestAt: at("2026-12-20T00:00:00Z") }, NOW)).toEqual(changedAt);
    expect(periodLastmod({ changedAt, latestAt: at("2026-10-01T00:00:00Z") }, NOW)).toEqual(changedAt);
  });
});

describe("locate: where a page starts, without counting what comes before it", () => {
  const list = [
    { month: "2026-12", count: 3 },
    { month: "2026-11", count: 4 },
    { month: "2024-02", count: 3 },
  ];
  test.each([
    [0, "2026-12", 0],
    [2, "2026-12", 2],
    [3, "2026-11", 0],
    [6, "2026-11", 3],
    [7, "2024-02", 0],
    [9, "2024-02", 2],
  ])("item %i", (skip, month, within) => {
    expect(locate(list, skip)).toEqual({ bucket: list.find((m) => m.month === month), skipWithin: within });
  });

  test("past the end: null", () => {
    expect(locate(list, 10)).toBeNull();
    expect(locate([], 0)).toBeNull();
  });

  test("years then months find the same item as counting through the whole list", () => {
    const flat = list.flatMap((m) => Array.from({ length: m.count }, (_, i) => ({ month: m.month, i })));
    const byYear = [
      { year: 2026, count: 7 },
      { year: 2024, count: 3 },
    ];
    flat.forEach((item, skip) => {
      const y = locate(byYear, skip)!;
      const inYear = list.filter((m) => m.month.startsWith(String(y.bucket.year)));
      const m = locate(inYear, y.skipWithin)!;
      expect({ month: m.bucket.month, i: m.skipWithin }).toEqual(item);
    });
  });
});
