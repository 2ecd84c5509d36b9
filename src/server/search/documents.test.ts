import { expect, test } from "vitest";
import { assignIds, ID_SLOTS, idFloor, type IndexDoc } from "./documents";
import { tsqueryLiteral } from "./postgres";
import { ftsQuery } from "./sqlite";

const doc = (releaseId: string, sortAt: number, locale: "zh" | "en" = "zh"): IndexDoc => ({
  kind: "live",
  releaseId,
  locale,
  sortAt,
  hash: "h",
  fields: { title: [], summary: [], body: [] },
});
const none = async () => [];

test.each([
  ["a millisecond later", [doc("a", 1_001), doc("b", 1_000)]],
  ["1970", [doc("a", 5), doc("b", 1)]],
  ["2100 and 2026", [doc("a", Date.UTC(2100, 0, 1)), doc("b", Date.UTC(2026, 0, 1))]],
])("newer documents have lower ids: %s", async (_, docs) => {
  const ids = await assignIds(docs, none);
  expect([...ids].sort((x, y) => (x < y ? -1 : 1))).toEqual(ids);
  ids.forEach((id, i) => {
    // visible at sortAt (id >= floor), not a millisecond before
    expect(id >= idFloor(docs[i]!.sortAt)).toBe(true);
    expect(id < idFloor(docs[i]!.sortAt - 1)).toBe(true);
    expect(id > 0n && id < 2n ** 63n).toBe(true);
  });
});

test("the same millisecond: distinct ids, a fixed order, and stored ids are avoided", async () => {
  const docs = Array.from({ length: 500 }, (_, i) => doc(`r${i}`, 1_000, i % 2 ? "en" : "zh"));
  const ids = await assignIds(docs, none);
  expect(new Set(ids).size).toBe(500);
  expect(await assignIds(docs, none)).toEqual(ids);
  // Every preferred id is taken: each document moves to a free one.
  const stored = new Set(ids);
  const moved = await assignIds(docs, async (c) => c.filter((id) => stored.has(id)));
  expect(moved.filter((id) => stored.has(id))).toEqual([]);
  expect(new Set(moved).size).toBe(500);
  expect(moved.every((id) => id >= idFloor(1_000) && id < idFloor(999))).toBe(true);
  expect(ID_SLOTS).toBe(2n ** 21n);
});

const terms = [
  { tokens: ["知识", "识产"], prefix: false },
  { tokens: ["疫"], prefix: true },
];
test.each([
  [undefined, `scope : "livezh" AND {title summary body} : ("知识 识产" AND "疫" *)`, `('知识' <-> '识产') & ('疫':*)`],
  [
    ["title"] as const,
    `scope : "livezh" AND {title} : ("知识 识产" AND "疫" *)`,
    `('知识':A <-> '识产':A) & ('疫':*A)`,
  ],
  [
    ["title", "summary"] as const,
    `scope : "livezh" AND {title summary} : ("知识 识产" AND "疫" *)`,
    `('知识':AB <-> '识产':AB) & ('疫':*AB)`,
  ],
])("tier %j as FTS5 and tsquery", (fields, fts, tsq) => {
  expect(ftsQuery(terms, "livezh", fields)).toBe(fts);
  expect(tsqueryLiteral(terms, fields)).toBe(tsq);
});
