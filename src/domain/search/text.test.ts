import { expect, test } from "vitest";
import { cjkTokens, scanUnits, stem, textTokens } from "./text";

test.each([
  ["conference", "conference"],
  ["conferences", "conference"],
  ["policies", "policy"],
  ["boxes", "box"],
  ["matches", "match"],
  ["classes", "class"],
  ["class", "class"],
  ["status", "status"],
  ["analysis", "analysis"],
  ["news", "news"],
  ["ip5", "ip5"],
  ["gas", "gas"],
])("stem(%s) = %s", (word, expected) => {
  expect(stem(word)).toBe(expected);
});

test.each([
  ["知识产权局", ["知识", "识产", "产权", "权局", "局"]],
  ["疫", ["疫"]],
  ["", []],
])("cjkTokens(%s)", (run, expected) => {
  expect(cjkTokens(run)).toEqual(expected);
});

test.each([
  ["IP5 合作", ["ip5", "合作", "作"]],
  ["ＩＰ５合作框架", ["ip5", "合作", "作框", "框架", "架"]],
  ["China's Conferences, e-mail", ["china", "conference", "e", "mail"]],
  ["Café déjà-vu", ["cafe", "deja", "vu"]],
  ["“专利”，疫情。", ["专利", "利", "疫情", "情"]],
  ["!!! --- ***", []],
  ["𠀀𠀁 ok", ["𠀀𠀁", "𠀁", "ok"]],
])("textTokens(%s)", (text, expected) => {
  expect(textTokens(text)).toEqual(expected);
});

test("textTokens stops at the cap", () => {
  expect(textTokens("一二三四五", 3)).toEqual(["一二", "二三", "三四"]);
});

test("units keep raw offsets", () => {
  const text = "Ｈello 世界";
  expect(scanUnits(text).map((u) => text.slice(u.start, u.end))).toEqual(["Ｈello", "世界"]);
});
