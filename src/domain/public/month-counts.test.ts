import { describe, expect, test } from "vitest";
import {
  byYear,
  currentMonthPending,
  locate,
  monthLastmod,
  totalOf,
  visibleMonths,
  type StoredMonth,
} from "./month-counts";

const NOW = new Date("2026-12-15T12:00:00Z");
const at = (iso: string) => new Date(iso);
const stored: StoredMonth[] = [
  { month: "2026-11", count: 4, latestAt: at("2026-11-30T10:00:00Z") },
  { month: "2027-01", count: 2, latestAt: at("2027-01-03T00:00:00Z") }, // all embargoed
  { month: "2026-12", count: 5, latestAt: at("2026-12-20T00:00:00Z") }, // some embargoed
  { month: "2025-06", count: 0, latestAt: at("2025-06-01T00:00:00Z") }, // everything withdrawn
  { month: "2024-02", count: 3, latestAt: at("2024-02-10T00:00:00Z") },
];

describe("embargo: what readers see of the stored counts", () => {
  test("the current month needs a live count only while it holds an embargo", () => {
    expect(currentMonthPending(stored, "2026-12", NOW)).toBe(true);
    expect(currentMonthPending(stored, "2026-12", at("2026-12-20T00:00:00Z"))).toBe(false);
    expect(currentMonthPending(stored, "2026-10", NOW)).toBe(false);
  });

  test("later months are hidden, the current one takes its live count, empty ones disappear, newest first", () => {
    expect(visibleMonths(stored, "2026-12", 3)).toEqual([
      { month: "2026-12", count: 3 },
      { month: "2026-11", count: 4 },
      { month: "2024-02", count: 3 },
    ]);
    expect(visibleMonths(stored, "2026-12", 0).map((m) => m.month)).toEqual(["2026-11", "2024-02"]);
    // once the embargo has passed (no live count needed) the stored count is exact
    expect(visibleMonths(stored, "2026-12", null)[0]).toEqual({ month: "2026-12", count: 5 });
    expect(totalOf(visibleMonths(stored, "2026-12", 3))).toBe(10);
  });

  test("lastmod: the later of the last write and an embargo end that has passed", () => {
    const changedAt = at("2026-11-01T00:00:00Z");
    expect(monthLastmod({ changedAt, latestAt: at("2026-11-30T10:00:00Z") }, NOW)).toEqual(at("2026-11-30T10:00:00Z"));
    expect(monthLastmod({ changedAt, latestAt: at("2026-12-20T00:00:00Z") }, NOW)).toEqual(changedAt);
    expect(monthLastmod({ changedAt, latestAt: at("2026-10-01T00:00:00Z") }, NOW)).toEqual(changedAt);
  });
});

describe("locate: where a page starts, without counting what comes before it", () => {
  const months = [
    { month: "2026-12", count: 3 },
    { month: "2026-11", count: 4 },
    { month: "2024-02", count: 3 },
  ];
  test.each([
    [0, { month: "2026-12", skipWithin: 0 }],
    [2, { month: "2026-12", skipWithin: 2 }],
    [3, { month: "2026-11", skipWithin: 0 }],
    [6, { month: "2026-11", skipWithin: 3 }],
    [7, { month: "2024-02", skipWithin: 0 }],
    [9, { month: "2024-02", skipWithin: 2 }],
    [10, null],
  ])("item %i", (skip, expected) => {
    expect(locate(months, skip)).toEqual(expected);
  });

  test("the position found is the same as counting through the whole list", () => {
    const flat = months.flatMap((m) => Array.from({ length: m.count }, (_, i) => ({ month: m.month, i })));
    flat.forEach((item, skip) => expect(locate(months, skip)).toEqual({ month: item.month, skipWithin: item.i }));
  });

  test("byYear groups newest first", () => {
    expect(byYear(months)).toEqual([
      { year: 2026, months: months.slice(0, 2) },
      { year: 2024, months: months.slice(2) },
    ]);
  });
});
