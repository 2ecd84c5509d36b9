import { expect, test } from "vitest";
import { recentRate } from "./progress";

test("the rate comes from the last 30 seconds, so a fast start does not make the ETA lie", () => {
  let t = 0;
  const rate = recentRate(() => t);
  // 10,000 already-imported releases skipped in 10 s, then 10 a second for two minutes
  for (let s = 0; s <= 10; s++) {
    t = s * 1000;
    rate(s * 1000);
  }
  let done = 10_000;
  let last: number | null = null;
  for (let s = 11; s <= 130; s++) {
    t = s * 1000;
    done += 10;
    last = rate(done);
  }
  expect(last! * 1000).toBeCloseTo(10, 5);
  expect(rate(done)).not.toBeNull();
});

test("no rate before any progress", () => {
  let t = 0;
  const rate = recentRate(() => t);
  expect(rate(0)).toBeNull();
  t = 5_000;
  expect(rate(0)).toBeNull();
});
