import { expect, test } from "vitest";
import { plainUnits, positionalTokens, scanUnits, stem, tokenOfCode, tokenPositions } from "./text";

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

const show = (tokens: Map<string, number[]>) =>
  [...tokens].sort((x, y) => x[1][0]! - y[1][0]! || x[0].length - y[0].length || (x[0] < y[0] ? -1 : 1));

test.each([
  [
    "知识产权局",
    [
      ["知", [0]],
      ["知识", [0]],
      ["识", [1]],
      ["识产", [1]],
      ["产", [2]],
      ["产权", [2]],
      ["权", [3]],
      ["权局", [3]],
      ["局", [4]],
    ],
  ],
  ["疫", [["疫", [0]]]],
  ["", []],
  [
    "IP5 合作",
    [
      ["ip5", [0]],
      ["合", [1]],
      ["合作", [1]],
      ["作", [2]],
    ],
  ],
  [
    "ＩＰ５合作",
    [
      ["ip5", [0]],
      ["合", [1]],
      ["合作", [1]],
      ["作", [2]],
    ],
  ],
  [
    "China's Conferences, e-mail",
    [
      // each word, and each word with the next (pairs: any phrase of words reads short lists)
      ["china", [0]],
      ["china conference", [0]],
      ["conference", [1]],
      ["conference e", [1]],
      ["e", [2]],
      ["e mail", [2]],
      ["mail", [3]],
    ],
  ],
  [
    "Café déjà-vu",
    [
      ["cafe", [0]],
      ["cafe deja", [0]],
      ["deja", [1]],
      ["deja vu", [1]],
      ["vu", [2]],
    ],
  ],
  // punctuation ends a run (no bigram across it) but takes no position
  [
    "“专利”，疫情。",
    [
      ["专", [0]],
      ["专利", [0]],
      ["利", [1]],
      ["疫", [2]],
      ["疫情", [2]],
      ["情", [3]],
    ],
  ],
  ["!!! --- ***", []],
  [
    "𠀀𠀁 ok",
    [
      ["𠀀", [0]],
      ["𠀀𠀁", [0]],
      ["𠀁", [1]],
      ["ok", [2]],
    ],
  ],
  [
    "国国国",
    [
      ["国", [0, 1, 2]],
      ["国国", [0, 1]],
    ],
  ],
] as const)("positionalTokens(%s)", (text, expected) => {
  expect(show(positionalTokens(text))).toEqual(expected);
});

test("positions stop at the cap", () => {
  expect(show(positionalTokens("一二三四五", 3))).toEqual([
    ["一", [0]],
    ["一二", [0]],
    ["二", [1]],
    ["二三", [1]],
    ["三", [2]],
  ]);
});

test("common CJK tokens are counted as codes, others by name, and codes name the same tokens", () => {
  const { named, coded } = tokenPositions("国家 𠀀国 ok");
  expect([...named.keys()].sort()).toEqual(["ok", "𠀀", "𠀀国"]);
  expect([...coded.keys()].map(tokenOfCode).sort()).toEqual(["国", "国家", "家"]);
  expect(coded.get([...coded.keys()].find((c) => tokenOfCode(c) === "国")!)).toEqual([0, 3]);
});

test("units keep raw offsets", () => {
  const text = "Ｈello 世界";
  expect(scanUnits(text).map((u) => text.slice(u.start, u.end))).toEqual(["Ｈello", "世界"]);
});

test("plainUnits gives the units of eachUnit, or declines text it does not cover", () => {
  // A small seeded generator: the same strings every run.
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pieces = [
    ..."abcxyzABCZ0189",
    "'",
    "’",
    " ",
    ".",
    ",",
    "-",
    "_",
    "\n",
    ..."国家知识产权局专利",
    "，",
    "。",
    "、",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "：",
    "　",
    "'s",
    "ies",
    "es",
    "s",
    "news",
    "Agency's",
    "rock'n'roll",
    "'",
    "5G",
  ];
  const others = ["é", "ー", "か", "ｌ", "１", "𠀀", "\u0301", "한", "々"];
  let compared = 0;
  for (let k = 0; k < 3_000; k++) {
    const length = Math.floor(random() * 30);
    let text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join("");
    const withOther = k % 5 === 0;
    if (withOther) text += others[k % others.length]!;
    const units: string[] = [];
    const covered = plainUnits(
      text,
      (w) => units.push(`w:${w}`) > 0,
      (r) => units.push(`c:${r}`) > 0,
    );
    expect(covered).toBe(!withOther);
    if (!covered) {
      expect(units).toEqual([]);
      continue;
    }
    expect(units).toEqual(scanUnits(text).map((u) => `${u.kind === "word" ? "w" : "c"}:${u.text}`));
    compared++;
  }
  expect(compared).toBeGreaterThan(2_000);
});

test("plainUnits stops when a visit returns false", () => {
  const seen: string[] = [];
  plainUnits(
    "one two 三四 five",
    (w) => seen.push(w) < 2,
    (r) => seen.push(r) < 2,
  );
  expect(seen).toEqual(["one", "two"]);
});
