import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { inlineScripts, isNextInlineScript } from "./inline-scripts";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
const TURBOPACK =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/1d-3ziz_810o8.js"],"runtimeModuleIds":[94553]});';

test.each([
  ["Next's flight bootstrap", "(self.__next_f=self.__next_f||[]).push([0])", true],
  ["a flight chunk", 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])', true],
  ["a flight chunk with a headline in it", 'self.__next_f.push([1,"中文 \\u003c/script\\u003e"])', true],
  ["the end-of-stream chunk", "self.__next_f.push([2,null])", true],
  ["bootstrap then a chunk", '(self.__next_f=self.__next_f||[]).push([0]);self.__next_f.push([1,"x"])', true],
  ["Turbopack's chunk loader", TURBOPACK, true],
  ["code after a flight chunk", 'self.__next_f.push([1,"x"]);alert(1)', false],
  ["code inside the call", 'self.__next_f.push([1,"x"],alert(1))', false],
  ["code instead of data", "self.__next_f.push([1,alert(1)])", false],
  ["an unknown chunk kind", 'self.__next_f.push([9,"x"])', false],
  ["a look-alike", 'self.__next_f.push([1,"x"])//', false],
  ["code in Turbopack's call", '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(alert(1));', false],
  ["anything else", "alert(document.cookie)", false],
  ["React's streaming runtime (not emitted by this app's pages)", '$RC("B:0","S:0")', false],
])("%s → allowed %s", (_name, text, allowed) => {
  expect(isNextInlineScript(text)).toBe(allowed);
});

test("hashes Next's scripts exactly, skips external and data scripts, reports the others by their start", () => {
  const html =
    '<html><head><script src="/a.js" async=""></script><script>(self.__next_f=self.__next_f||[]).push([0])</script></head>' +
    '<body><script type="application/ld+json">{"headline":"中文 <\\/script>"}</script>' +
    `<script id="_R_">${TURBOPACK}</script>` +
    "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" +
    `<SCRIPT>fetch("/steal?c="+document.cookie+"${"x".repeat(100)}")</SCRIPT>` +
    '<script type="text/javascript">alert(1)</script><script type="module">import("/x.js")</script></body></html>';
  const { allowed, refused } = inlineScripts(html);
  expect(allowed).toEqual([sha("(self.__next_f=self.__next_f||[]).push([0])"), sha(TURBOPACK)]);
  expect(refused).toEqual([`fetch("/steal?c="+document.cookie+"${"x".repeat(5)}`, "alert(1)", 'import("/x.js")']);
  expect(refused.every((s) => s.length <= 40)).toBe(true);
});

test("no inline scripts, nothing to allow", () => {
  expect(inlineScripts('<p>x</p><script src="/x.js"></script>')).toEqual({ allowed: [], refused: [] });
});
