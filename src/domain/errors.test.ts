import { describe, expect, test } from "vitest";
import en from "../../locales/en/errors.json";
import zh from "../../locales/zh/errors.json";
import { WORKFLOW_ERRORS } from "./release/errors";

// Every error code the server can return has text in both languages (the ErrorCode type is the
// English keys, so code without English text does not compile; this covers the Chinese).

describe("error codes", () => {
  test("Chinese and English texts have the same codes", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  test.each(Object.keys(en))("%s has non-empty text in both languages", (code) => {
    expect((en as Record<string, string>)[code]?.trim()).toBeTruthy();
    expect((zh as Record<string, string>)[code]?.trim()).toBeTruthy();
  });

  test("every workflow refusal is a code with text", () => {
    for (const code of WORKFLOW_ERRORS) expect(Object.keys(en)).toContain(code);
  });
});
