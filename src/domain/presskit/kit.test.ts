import { expect, test } from "vitest";
import { formatBytes, kitFileIn, kitTextSchema, parseKit } from "./kit";

const file = {
  id: "a".repeat(24),
  kind: "photo" as const,
  fileName: "p.jpg",
  mime: "image/jpeg",
  bytes: 10,
  width: 2,
  height: 1,
  titleZh: "标题",
  titleEn: "",
  creditZh: "摄影：王",
  creditEn: "Photo: Wang",
};

test("kitFileIn takes the edition's texts, the other language's when one is missing", () => {
  expect(kitFileIn(file, "zh")).toMatchObject({ title: "标题", credit: "摄影：王" });
  expect(kitFileIn(file, "en")).toMatchObject({ title: "标题", credit: "Photo: Wang" });
});

test("parseKit reads a snapshot back and refuses garbage", () => {
  const snapshot = JSON.stringify([kitFileIn(file, "en")]);
  expect(parseKit(snapshot)).toEqual([kitFileIn(file, "en")]);
  expect(parseKit('[{"id":"../x"}]')).toEqual([]);
  expect(parseKit("nope")).toEqual([]);
});

test("kitTextSchema folds whitespace and bounds the texts", () => {
  expect(kitTextSchema.parse({ titleZh: " a\n b ", titleEn: "", creditZh: "", creditEn: "" }).titleZh).toBe("a b");
  const long = kitTextSchema.safeParse({ titleZh: "x".repeat(201), titleEn: "", creditZh: "", creditEn: "" });
  expect(long.error?.issues[0]?.message).toBe("kit_title_too_long");
});

test.each([
  [512, "512 B"],
  [1536, "1.5 KB"],
  [25 * 1024 * 1024, "25 MB"],
])("formatBytes(%d) = %s", (n, text) => {
  expect(formatBytes(n, "en")).toBe(text);
});
