import { describe, expect, test } from "vitest";
import { textToDoc } from "../release/content";
import { containsPhrase, findTerms, indexTerms, type GlossaryEntry } from "../glossary/terms";
import { checkTranslation } from "./check";
import { enFacts } from "./en-numbers";
import { parseChineseNumeral, zhFacts } from "./zh-numbers";

const entry = (term: string, approved: string[], forbidden: string[] = []): GlossaryEntry => ({
  id: term,
  term,
  approved,
  forbidden,
  note: "",
  category: "",
});
const GLOSSARY = indexTerms([
  entry("国家知识产权局", ["China National Intellectual Property Administration", "CNIPA"], ["SIPO"]),
  entry("知识产权", ["intellectual property", "IP"]),
  entry("五局", ["IP5"]),
]);

describe("Chinese numerals", () => {
  test.each([
    ["二十三", 23],
    ["十五", 15],
    ["一百零五", 105],
    ["三千五百万", 35_000_000],
    ["二〇二〇", 2020],
    ["两", 2],
    ["一亿二千万", 120_000_000],
  ])("%s = %d", (s, v) => expect(parseChineseNumeral(s)).toBe(v));
  test("not a numeral", () => expect(parseChineseNumeral("统一")).toBeNull());
});

describe("facts of the Chinese", () => {
  const facts = (s: string) => zhFacts(s).map((f) => ({ ...f, text: undefined }));
  test("dates in Arabic and Chinese digits, with or without the year", () => {
    expect(facts("2020年4月9日，会议举行")).toEqual([{ kind: "date", year: 2020, month: 4, day: 9 }]);
    expect(facts("二〇二〇年四月九日")).toEqual([{ kind: "date", year: 2020, month: 4, day: 9 }]);
    expect(facts("4月9日")).toEqual([{ kind: "date", month: 4, day: 9, year: undefined }]);
    expect(facts("2019年中国专利调查报告")).toEqual([{ kind: "date", year: 2019 }]);
  });
  test("percentages, magnitudes, counts; words that contain numerals are not numbers", () => {
    expect(facts("增长百分之五，占比35.5%")).toEqual([
      { kind: "percent", value: 5 },
      { kind: "percent", value: 35.5 },
    ]);
    expect(facts("投入3.5万元，共1,200人")).toEqual([
      { kind: "number", value: 35_000 },
      { kind: "number", value: 1200 },
    ]);
    expect(facts("第二十三次会议，三家企业")).toEqual([
      { kind: "number", value: 23 },
      { kind: "number", value: 3 },
    ]);
    expect(facts("一些企业统一行动，举行一次会议，进一步推动一带一路")).toEqual([]);
  });
});

describe("facts of the English", () => {
  test("digits, words, ordinals, scales, percentages and months", () => {
    const f = enFacts("On April 9, 2020, the 23rd meeting; twenty-five firms; 3.5 million yuan; five per cent; 35%.");
    expect([...f.months]).toEqual([4]);
    expect(f.numbers).toEqual(new Set([9, 2020, 23, 25, 3.5, 3_500_000, 5, 35]));
    expect(f.percents).toEqual(new Set([5, 35]));
    expect([...enFacts("on 2020-04-09").months]).toEqual([4]);
  });
});

describe("glossary matching", () => {
  test("longest term first, offsets in the original text (full-width forms fold)", () => {
    const text = "国家知识产权局与ＩＰ五局";
    const hits = findTerms(text, GLOSSARY);
    expect(hits.map((h) => [h.entry.term, text.slice(h.start, h.end)])).toEqual([
      ["国家知识产权局", "国家知识产权局"],
      ["五局", "五局"],
    ]);
  });
  test("English renderings match as words: case, plural and punctuation do not matter", () => {
    expect(containsPhrase("Intellectual-Property rights", "intellectual property")).toBe(true);
    expect(containsPhrase("the IP5 offices", "IP5")).toBe(true);
    expect(containsPhrase("the IP50 offices", "IP5")).toBe(false);
  });
});

describe("checkTranslation", () => {
  const zh = (paragraphs: string[], title = "国家知识产权局举行会议", summary = "") => ({
    title,
    summary,
    body: JSON.stringify(textToDoc(paragraphs.join("\n\n"))),
  });
  test("a faithful translation has no problems", () => {
    const problems = checkTranslation(
      zh(["2020年4月9日，国家知识产权局与五局举行会议，增长百分之五。"]),
      {
        title: "CNIPA holds a meeting",
        summary: "",
        body: JSON.stringify(textToDoc("On April 9, 2020, CNIPA met the IP5 offices; growth of 5%.")),
      },
      GLOSSARY,
    );
    expect(problems).toEqual([]);
  });
  test("missing approved term, forbidden variant, missing date and number, empty paragraph", () => {
    const problems = checkTranslation(
      zh([
        "2020年4月9日，国家知识产权局举行会议。",
        "共有三家企业参加。",
        "第三段介绍了会议的主要成果和下一步工作安排，双方表示将继续加强合作。",
      ]),
      {
        title: "SIPO holds a meeting",
        summary: "",
        body: JSON.stringify(textToDoc("On April 10, the office held a meeting.\n\nSeveral firms took part.")),
      },
      GLOSSARY,
    );
    expect(problems).toEqual([
      {
        segment: "title",
        kind: "term_missing",
        zh: "国家知识产权局",
        en: ["China National Intellectual Property Administration", "CNIPA"],
      },
      { segment: "title", kind: "term_forbidden", zh: "国家知识产权局", en: ["SIPO"] },
      {
        segment: "body-1",
        kind: "term_missing",
        zh: "国家知识产权局",
        en: ["China National Intellectual Property Administration", "CNIPA"],
      },
      { segment: "body-1", kind: "number_missing", zh: "2020年4月9日", en: ["April 9, 2020"] },
      { segment: "body-2", kind: "number_missing", zh: "三家", en: ["3"] },
      { segment: "body-3", kind: "empty" },
    ]);
  });
  test("no English at all: every segment is empty", () => {
    expect(checkTranslation(zh(["一段。"], "标题", "摘要"), null, GLOSSARY).map((p) => p.segment)).toEqual([
      "title",
      "summary",
      "body-1",
    ]);
  });
});

test("a Chinese numeral ending in 万 or 亿 is a quantity by itself", () => {
  expect(zhFacts("投资两千万，其中三千五百万元").map((f) => (f.kind === "number" ? f.value : null))).toEqual([
    20_000_000, 35_000_000,
  ]);
});
