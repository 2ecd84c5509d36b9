import { expect, test } from "vitest";
import { joinedKeys } from "./postgres";

test("block keys go joined by U+0001, and a key holding it is refused rather than shifting the columns", () => {
  expect(joinedKeys([{ key: "b国家" }, { key: "bpatent office" }, { key: "t5g" }])).toBe(
    "b国家\u0001bpatent office\u0001t5g",
  );
  expect(joinedKeys([])).toBe("");
  expect(() => joinedKeys([{ key: "ba\u0001b" }, { key: "bc" }])).toThrow(/U\+0001/);
});
