import { expect, test } from "vitest";
import { localeFromAcceptLanguage } from "./settings";

test.each([
  [null, "zh"],
  ["", "zh"],
  ["en-US,en;q=0.9", "en"],
  ["zh-CN,zh;q=0.9,en;q=0.8", "zh"],
  ["fr-FR,en;q=0.5,zh;q=0.4", "en"],
  ["en;q=0.2,zh-TW;q=0.8", "zh"],
  ["fr,de", "zh"],
  ["en;q=0, zh;q=0.1", "zh"],
  ["garbage;;;q=x", "zh"],
])("Accept-Language %j → %s", (header, expected) => {
  expect(localeFromAcceptLanguage(header)).toBe(expected);
});
