import { describe, expect, test } from "vitest";
import { all, child, parseXml } from "../../../tests/support/xml";
import { inlineSignature, toInline, type Inline } from "./inline";
import { MAX_UNITS, readXliff, XliffError } from "./read";
import { writeXliff, type ExportFile } from "./write";

const bold = { type: "bold" };
const link = { type: "link", attrs: { href: "https://example.gov/?a=1&b=2" } };
const source = toInline([
  { type: "text", text: "第一段 <script>&" },
  { type: "text", text: "加粗", marks: [bold] },
  { type: "hardBreak" },
  { type: "text", text: "链接", marks: [link] },
]);
const target: Inline[] = [
  { kind: "text", text: "First <b> & " },
  { kind: "span", id: 1, mark: bold, children: [{ kind: "text", text: "bold" }] },
  { kind: "break", id: 2 },
  { kind: "span", id: 3, mark: link, children: [{ kind: "text", text: "link" }] },
];
const file: ExportFile = {
  releaseId: "rel_1",
  sourceFingerprint: "f".repeat(64),
  units: [
    {
      id: "title",
      source: [{ kind: "text", text: "标题" }],
      target: { inline: [{ kind: "text", text: "Title" }], state: "final" },
    },
    { id: "body-1", source, target: { inline: target, state: "translated" } },
    { id: "body-2", source: [{ kind: "text", text: "未译" }], target: null },
  ],
};

const signatures = (units: { source: Inline[] }[]) => units.map((u) => inlineSignature(u.source));

describe.each(["1.2", "2.0"] as const)("XLIFF %s", (version) => {
  const xml = writeXliff(version, file);

  test("round trip: release, fingerprint, languages, units, inline markup and states", () => {
    const read = readXliff(xml);
    expect(read).toMatchObject({
      version,
      srcLang: "zh-CN",
      trgLang: "en",
      releaseId: "rel_1",
      sourceFingerprint: "f".repeat(64),
      original: "newsroom/releases/rel_1",
    });
    expect(read.units.map((u) => u.id)).toEqual(["title", "body-1", "body-2"]);
    expect(signatures(read.units)).toEqual(signatures(file.units));
    expect(inlineSignature(read.units[1]!.target!)).toBe(inlineSignature(target));
    expect(read.units[2]!.target).toBeNull();
    expect(read.units[0]!.state).toBe("final");
  });

  test("a strict XML parser accepts it; text and attributes are escaped", () => {
    const root = parseXml(xml);
    expect(root.uri).toBe(`urn:oasis:names:tc:xliff:document:${version}`);
    expect(root.attrs.version).toBe(version);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("第一段 &lt;script&gt;&amp;");
    expect(xml).toContain("First &lt;b&gt; &amp; ");
  });
});

test("XLIFF 2.0 structure: srcLang/trgLang on the root, unit → segment → source/target", () => {
  const root = parseXml(writeXliff("2.0", file));
  expect(root.attrs).toMatchObject({ srcLang: "zh-CN", trgLang: "en", version: "2.0" });
  const units = all(root, "unit");
  expect(units.map((u) => u.attrs.id)).toEqual(["title", "body-1", "body-2"]);
  for (const u of units) {
    const segments = u.children.filter((c) => c.local === "segment");
    expect(segments).toHaveLength(1);
    expect(child(segments[0]!, "source")).toBeDefined();
    expect(segments[0]!.attrs.state).toMatch(/^(initial|translated|reviewed|final)$/);
  }
  const pcs = all(root, "pc");
  expect(pcs.map((p) => [p.attrs.type, p.attrs.subType])).toContainEqual(["fmt", "xlf:b"]);
  expect(all(root, "ph").map((p) => p.attrs.subType)).toContain("xlf:lb");
  expect(all(root, "mda:meta").map((m) => m.text)).toEqual(["rel_1", "f".repeat(64)]);
});

describe("hostile or broken files are refused with a code", () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body><trans-unit id="a"><source>&lol2;</source></trans-unit></body></file></xliff>';
  const external =
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body><trans-unit id="a"><source>&xxe;</source></trans-unit></body></file></xliff>';
  const undefinedEntity =
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body><trans-unit id="a"><source>&nbsp;</source></trans-unit></body></file></xliff>';
  const code = (xml: string) => {
    try {
      readXliff(xml);
      return "accepted";
    } catch (error) {
      if (error instanceof XliffError) return error.code;
      throw error;
    }
  };
  test.each([
    ["billion laughs", laughs, "xliff_doctype"],
    ["external entity", external, "xliff_doctype"],
    ["undefined entity", undefinedEntity, "xliff_malformed"],
    ["not well-formed", "<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'><file>", "xliff_malformed"],
    ["not XML at all", "hello", "xliff_malformed"],
    ["another vocabulary", '<html xmlns="http://www.w3.org/1999/xhtml"/>', "xliff_not_xliff"],
    ["XLIFF 1.1", '<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1"/>', "xliff_not_xliff"],
    [
      "two files",
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/><file/></xliff>',
      "xliff_multiple_files",
    ],
    [
      "too many units",
      `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body>${'<trans-unit id="u"><source>x</source></trans-unit>'.repeat(MAX_UNITS + 1)}</body></file></xliff>`,
      "xliff_too_many_units",
    ],
    [
      "deep nesting",
      `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">${"<a>".repeat(100)}`,
      "xliff_malformed",
    ],
  ])("%s → %s", (_name, xml, expected) => {
    expect(code(xml)).toBe(expected);
  });
});

test("segmented 2.0 units are joined; notes, original data and alternatives are not text", () => {
  const xml = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en">
    <file id="f"><unit id="body-1"><notes><note>不是原文</note></notes>
      <segment state="translated"><source>第一句。</source><target>One.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment state="final"><source>第二句<cp hex="4E2D"/>。</source><target>Two<mrk id="m1" translate="yes">!</mrk></target></segment>
    </unit></file></xliff>`;
  const [unit] = readXliff(xml).units;
  expect(inlineSignature(unit!.source)).toBe("第一句。 第二句中。");
  expect(inlineSignature(unit!.target!)).toBe("One. Two!");
  expect(unit!.state).toBe("translated");
});
