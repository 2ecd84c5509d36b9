import { expect, test } from "vitest";
import { MAX_QUERY_CHARS, parseQuery } from "./query";

// A term as "offset:token" pairs.
const show = (q: string) => {
  const parsed = parseQuery(q);
  return parsed.ok ? parsed.terms.map((t) => t.tokens.map((x) => `${x.offset}:${x.token}`).join(" ")) : parsed.rejected;
};

test.each([
  ["专利", ["0:专利"]],
  ["疫", ["0:疫"]],
  ["知识产权局", ["0:知识 1:识产 2:产权 3:权局"]],
  ["IP5 合作", ["0:ip5", "0:合作"]],
  ["IP5合作", ["0:ip5 1:合作"]],
  ["合作IP5", ["0:合作 2:ip5"]],
  // a lone character inside a phrase is the character token at its place
  ["在 IP5在", ["0:在", "0:ip5 1:在"]],
  ["Conferences", ["0:conference"]],
  ['"video conferences" KIPO', ["0:video conference", "0:kipo"]],
  // words in a row are read as the pairs covering them
  ['"office of the patent"', ["0:office of 1:of the 2:the patent"]],
  ['"in the office of the"', ["0:in the 1:the office 2:office of 3:of the"]],
  ["IP5合作 office", ["0:ip5 1:合作", "0:office"]],
  ['"IP5 office 合作 WIPO"', ["0:ip5 office 2:合作 4:wipo"]],
  // quotes make one phrase: CJK runs in a row, whatever spaces or punctuation part them
  ["「知识 产权」", ["0:知识 2:产权"]],
  ['"5G 专利"', ["0:5g 1:专利"]],
  ["5G 专利", ["0:5g", "0:专利"]],
  ["专利 专利", ["0:专利"]],
])("parseQuery(%s)", (q, terms) => {
  expect(show(q)).toEqual(terms);
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
  ['NEAR(a b) AND -c OR "d', ["near a", "b", "and", "c", "or", "d"]],
  ["title:专利^2 (x)", ["title", "专利", "2", "x"]],
])("FTS syntax in %s is only text", (q, tokens) => {
  const parsed = parseQuery(q);
  expect(parsed.ok && parsed.terms.flatMap((t) => t.tokens.map((x) => x.token))).toEqual(tokens);
});

test("a long query is cut to the cap and says so; terms are capped too", () => {
  const parsed = parseQuery("专".repeat(MAX_QUERY_CHARS * 5));
  expect(parsed).toMatchObject({ ok: true, truncated: true });
  expect(Array.from(parsed.query)).toHaveLength(MAX_QUERY_CHARS);
  const many = parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "));
  expect(many.ok && many.terms).toHaveLength(10);
});
