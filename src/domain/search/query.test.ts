import { expect, test } from "vitest";
import { MAX_QUERY_CHARS, parseQuery } from "./query";

test.each([
  ["专利", [{ tokens: ["专利"], prefix: false }]],
  ["疫", [{ tokens: ["疫"], prefix: true }]],
  ["知识产权局", [{ tokens: ["知识", "识产", "产权", "权局"], prefix: false }]],
  [
    "IP5 合作",
    [
      { tokens: ["ip5"], prefix: false },
      { tokens: ["合作"], prefix: false },
    ],
  ],
  ["IP5合作", [{ tokens: ["ip5", "合作"], prefix: false }]],
  ["合作IP5", [{ tokens: ["合作", "作", "ip5"], prefix: false }]],
  [
    "在 IP5在",
    [
      { tokens: ["在"], prefix: true },
      { tokens: ["ip5", "在"], prefix: true },
    ],
  ],
  ["Conferences", [{ tokens: ["conference"], prefix: false }]],
  [
    '"video conferences" KIPO',
    [
      { tokens: ["video", "conference"], prefix: false },
      { tokens: ["kipo"], prefix: false },
    ],
  ],
  ["「知识 产权」", [{ tokens: ["知识", "识", "产权"], prefix: false }]],
  ["专利 专利", [{ tokens: ["专利"], prefix: false }]],
])("parseQuery(%s)", (q, terms) => {
  const parsed = parseQuery(q);
  expect(parsed.ok && parsed.terms).toEqual(terms);
});

test.each([
  ["", "empty"],
  ["   \t\n", "empty"],
  [undefined, "empty"],
  [42, "empty"],
  ["!!!", "no_terms"],
  ['" * ( ) - ^ : ,。、？', "no_terms"],
  ['"', "no_terms"],
])("parseQuery(%j) is rejected as %s", (q, rejected) => {
  expect(parseQuery(q)).toMatchObject({ ok: false, rejected });
});

test.each([
  ['NEAR(a b) AND -c OR "d', ["near", "a", "b", "and", "c", "or", "d"]],
  ["title:专利^2 (x)", ["title", "专利", "利", "2", "x"]],
])("FTS syntax in %s is only text", (q, tokens) => {
  const parsed = parseQuery(q);
  expect(parsed.ok && parsed.terms.flatMap((t) => t.tokens)).toEqual(tokens);
});

test("a long query is cut to the cap and says so; terms are capped too", () => {
  const parsed = parseQuery("专".repeat(MAX_QUERY_CHARS * 5));
  expect(parsed).toMatchObject({ ok: true, truncated: true });
  expect(Array.from(parsed.query)).toHaveLength(MAX_QUERY_CHARS);
  const many = parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "));
  expect(many.ok && many.terms).toHaveLength(10);
});
