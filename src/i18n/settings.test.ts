import { expect, test } from "vitest";
import { localeFromAcceptLanguage } from "./settings";

test.each([
  [null, "zh"],
  ["", "zh"],
  ["en-US,en;q=0.9", "en"],
  ["zh-CN,zh;q=0.9,en;q=0.8", "zh"],
  ["fr-FR,en;q=0.5,zh;q=0.4", "en"],
  ["en;q=0.2,zh-TW;q=0.8", "zh-Hant"],
  ["zh-HK", "zh-Hant"],
  ["zh-MO,en", "zh-Hant"],
  ["zh-Hant-TW;q=0.9,en;q=0.8", "zh-Hant"],
  ["zh-Hans-HK", "zh"],
  ["zh-SG,zh-TW;q=0.5", "zh"],
  ["zh-hantx", "zh"],
  ["fr,de", "zh"],
  ["en;q=0, zh;q=0.1", "zh"],
  ["garbage;;;q=x", "zh"],
])("Accept-Language %j → %s", (header, expected) => {
  expect(localeFromAcceptLanguage(header)).toBe(expected);
});
