import { expect, test } from "vitest";
import { isNextErrorShell, loadUnavailableStrings, unavailablePage } from "./pages";
import { ROOT } from "./test-support";

test("Next's empty error shell is recognised, a real page is not", () => {
  expect(isNextErrorShell('<!DOCTYPE html><html id="__next_error__"><head>')).toBe(true);
  expect(isNextErrorShell('<!DOCTYPE html><html lang="zh-CN"><body>__next_error__</body>')).toBe(false);
});

test("the 503 page speaks the request's language, or both, and escapes its strings", () => {
  const strings = {
    zh: { errorTitle: "服务暂时不可用", errorBody: "请稍后再试。", backHome: "返回首页" },
    "zh-Hant": { errorTitle: "服務暫時不可用", errorBody: "請稍後再試。", backHome: "返回首頁" },
    en: { errorTitle: "Service unavailable", errorBody: "Try <later>.", backHome: "Home" },
  };
  const zh = unavailablePage(strings, "zh");
  expect(zh).toContain('<html lang="zh-CN">');
  expect(zh).toContain("<h1>服务暂时不可用</h1>");
  expect(zh).not.toContain("Service unavailable");
  expect(unavailablePage(strings, "en")).toContain("Try &#60;later&#62;.");
  const hant = unavailablePage(strings, "zh-Hant");
  expect(hant).toContain('<html lang="zh-Hant">');
  expect(hant).toContain("<h1>服務暫時不可用</h1>");
  const both = unavailablePage(strings, undefined);
  expect(both).toContain("服务暂时不可用");
  expect(both).toContain("Service unavailable");
  expect(both).not.toContain("<script");
});

test("its strings come from locales/*/common.json", () => {
  const strings = loadUnavailableStrings(ROOT);
  expect(strings.zh.errorTitle).toBeTruthy();
  expect(strings.en.errorTitle).toBeTruthy();
  expect(strings["zh-Hant"].errorTitle).not.toBe(strings.zh.errorTitle);
});
