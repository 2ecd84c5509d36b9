import { expect, test } from "vitest";
import { diffBlocks } from "./diff";

test.each([
  [["a", "b", "c"], ["a", "b", "c"], "= a|= b|= c"],
  [["a", "b"], ["a", "x", "b"], "= a|+ x|= b"],
  [["a", "b", "c"], ["a", "c"], "= a|- b|= c"],
  [["a"], ["b"], "- a|+ b"],
  [[], ["a"], "+ a"],
])("diff %j → %j", (before, after, expected) => {
  const sign = { same: "=", added: "+", removed: "-" } as const;
  expect(
    diffBlocks(before, after)
      .map((p) => `${sign[p.kind]} ${p.text}`)
      .join("|"),
  ).toBe(expected);
});
