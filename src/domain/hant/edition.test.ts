import { describe, expect, test } from "vitest";
import { convertDocJson } from "./doc";
import { hantConverter, memoise } from "./edition";
import { openccToHans, openccToHant } from "./opencc";
import { compileOverrides, hantOverrideSchema } from "./overrides";

describe("OpenCC, Hong Kong standard", () => {
  test.each([
    ["国家知识产权局发布", "國家知識產權局發佈"],
    ["头发", "頭髮"],
    ["软件和信息服务", "軟件和信息服務"], // no Taiwan idioms (軟體, 資訊)
    ["着力推进", "着力推進"], // Hong Kong form 着, not Taiwan 著
    ["English stays, 2020年", "English stays, 2020年"],
  ])("%s → %s", (simplified, traditional) => {
    expect(openccToHant(simplified)).toBe(traditional);
  });

  test.each([
    ["國家知識產權局發佈", "国家知识产权局发布"],
    ["裡面 裏面", "里面 里面"], // Taiwan and Hong Kong forms alike
    ["顯著", "显著"],
    ["国家", "国家"], // already Simplified: unchanged
  ])("query %s → %s", (traditional, simplified) => {
    expect(openccToHans(traditional)).toBe(simplified);
  });
});

describe("overrides", () => {
  test("replace OpenCC's output, longest phrase first, in one pass", () => {
    const fix = compileOverrides([
      { wrong: "發佈", right: "發布" },
      { wrong: "發佈會", right: "記者會" },
      { wrong: "記者", right: "never applied to an override's output" },
    ]);
    expect(fix("發佈會上發佈")).toBe("記者會上發布");
  });

  test("regular-expression characters are literal", () => {
    expect(compileOverrides([{ wrong: "a.b(", right: "X" }])("a.b( axb(")).toBe("X axb(");
  });

  test("no overrides: identity", () => {
    expect(compileOverrides([])("發佈")).toBe("發佈");
  });

  test("the edition converter applies them after OpenCC", () => {
    const convert = hantConverter([{ wrong: "知識產權", right: "智慧財產權" }]);
    expect(convert("国家知识产权局")).toBe("國家智慧財產權局");
    expect(hantConverter([])("国家知识产权局")).toBe("國家知識產權局");
  });

  test.each([
    [{ wrong: "", right: "x" }, "wrong", "hant_wrong_required"],
    [{ wrong: "x", right: "  " }, "right", "hant_right_required"],
    [{ wrong: "x".repeat(101), right: "y" }, "wrong", "hant_phrase_too_long"],
    [{ wrong: "發佈", right: " 發佈 " }, "right", "hant_same_phrase"],
    [{ wrong: "x", right: "y", note: "n".repeat(501) }, "note", "hant_note_too_long"],
  ])("schema refuses %j", (input, field, message) => {
    const parsed = hantOverrideSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: [field], message });
  });

  test("schema trims and collapses spaces", () => {
    expect(hantOverrideSchema.parse({ wrong: " 發佈 ", right: "發布\n" })).toEqual({
      wrong: "發佈",
      right: "發布",
      note: "",
    });
  });
});

describe("memoise", () => {
  test("converts each text once while it is held", () => {
    let calls = 0;
    const convert = memoise((t) => (calls++, t.toUpperCase()), 2, 100);
    expect([convert("a"), convert("a"), convert("b")]).toEqual(["A", "A", "B"]);
    expect(calls).toBe(2);
    convert("c"); // evicts "a", the least recently used
    convert("b");
    expect(calls).toBe(3);
    convert("a");
    expect(calls).toBe(4);
  });

  test("a text longer than the character limit is converted, not kept", () => {
    let calls = 0;
    const convert = memoise((t) => (calls++, t), 10, 10);
    convert("x".repeat(6));
    convert("x".repeat(6));
    expect(calls).toBe(2);
  });
});

describe("documents", () => {
  const doc = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "发布", marks: [{ type: "link", attrs: { href: "https://例子.cn/发布" } }] }],
      },
      { type: "image", attrs: { src: "/media/1/发布.png", alt: "头发", title: "国家" } },
    ],
  };

  test("text and image alt and title converted; link targets and sources kept", () => {
    const out = JSON.parse(convertDocJson(JSON.stringify(doc), openccToHant));
    expect(out.content[0].content[0].text).toBe("發佈");
    expect(out.content[0].content[0].marks[0].attrs.href).toBe("https://例子.cn/发布");
    expect(out.content[1].attrs).toEqual({ src: "/media/1/发布.png", alt: "頭髮", title: "國家" });
  });

  test("not JSON: unchanged", () => {
    expect(convertDocJson("{broken", openccToHant)).toBe("{broken");
  });
});
