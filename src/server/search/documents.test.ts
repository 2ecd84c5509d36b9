import { expect, test } from "vitest";
import { assignIds, idFloor, SLOTS, type Placed } from "./documents";

const doc = (releaseId: string, sortAt: number, role: Placed["role"] = "live", locale: "zh" | "en" = "zh"): Placed => ({
  role,
  releaseId,
  locale,
  sortAt,
});
const none = async () => [];
const MINUTE = 60_000;

test.each([
  ["a minute later", [doc("a", 2 * MINUTE), doc("b", MINUTE)]],
  ["a minute later (working copies)", [doc("a", 2 * MINUTE, "work"), doc("b", MINUTE, "work")]],
  ["1970", [doc("a", 5 * MINUTE), doc("b", MINUTE)]],
  ["2100 and 2026", [doc("a", Date.UTC(2100, 0, 1)), doc("b", Date.UTC(2026, 0, 1))]],
])("newer documents have lower ids: %s", async (_, docs) => {
  const ids = await assignIds(docs, none);
  expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  ids.forEach((id, i) => {
    const d = docs[i]!;
    // visible (id ≥ floor) from its own tick on, not in the tick before
    expect(id >= idFloor(d.sortAt)).toBe(true);
    expect(id < idFloor(d.sortAt - MINUTE)).toBe(true);
    expect(Number.isSafeInteger(id) && id > 0).toBe(true);
  });
});

test("the same minute: distinct ids in a fixed order, stored ids avoided, a full minute spills into the next", async () => {
  const docs = Array.from({ length: 6 }, (_, i) => doc(`r${i}`, 10 * MINUTE, "live", i % 2 ? "en" : "zh"));
  const ids = await assignIds(docs, none);
  expect(new Set(ids).size).toBe(6);
  expect(await assignIds(docs, none)).toEqual(ids);
  // Every preferred id is taken: each document moves to a free one.
  const stored = new Set(ids);
  const moved = await assignIds(docs, async (c) => c.filter((id) => stored.has(id)));
  expect(moved.filter((id) => stored.has(id))).toEqual([]);
  expect(new Set(moved).size).toBe(6);
  // 16 documents of one language do not fit one minute: the rest go to the next (newer) minute.
  const many = Array.from({ length: 2 * SLOTS }, (_, i) => doc(`m${i}`, 10 * MINUTE));
  const spread = await assignIds(many, none);
  expect(new Set(spread).size).toBe(2 * SLOTS);
  expect(spread.every((id) => id >= idFloor(11 * MINUTE) && id < idFloor(9 * MINUTE))).toBe(true);
  expect(spread.filter((id) => id < idFloor(10 * MINUTE))).toHaveLength(SLOTS);
});
