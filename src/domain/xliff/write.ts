// Writes one release as XLIFF 1.2 or 2.0: title, summary, body blocks and image alt texts as units
// with stable ids, inline formatting as <g>/<x> (1.2) or <pc>/<ph> (2.0), the fingerprint of the
// Chinese it was made from, and the existing English as targets with their state. Pure.
import { xmlEscape } from "../public/xml";
import { NS, spanAttrs, type XliffVersion } from "./codes";
import type { Inline } from "./inline";

export type TargetState = "translated" | "final" | "outdated";

export interface ExportUnit {
  id: string;
  source: Inline[];
  target: { inline: Inline[]; state: TargetState } | null;
}

export interface ExportFile {
  releaseId: string;
  /** fingerprint of the Chinese working copy the units come from */
  sourceFingerprint: string;
  units: ExportUnit[];
}

export const SOURCE_LANG = "zh-CN";
export const TARGET_LANG = "en";
/** `original` names the release, so a tool that drops our own attributes still keeps it. */
export const originalOf = (releaseId: string) => `newsroom/releases/${releaseId}`;

const attrs = (a: Record<string, string | undefined>) =>
  Object.entries(a)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join("");

function inlineXml(version: XliffVersion, nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      if (n.kind === "text") return xmlEscape(n.text);
      if (n.kind === "break") {
        return version === "1.2"
          ? `<x${attrs({ id: String(n.id), ctype: "lb" })}/>`
          : `<ph${attrs({ id: String(n.id), type: "fmt", subType: "xlf:lb" })}/>`;
      }
      const tag = version === "1.2" ? "g" : "pc";
      return `<${tag}${attrs(spanAttrs(version, n))}>${inlineXml(version, n.children)}</${tag}>`;
    })
    .join("");
}

const STATE_12: Record<TargetState, string> = {
  translated: "translated",
  final: "final",
  outdated: "needs-review-translation",
};
const STATE_20: Record<TargetState, string> = { translated: "translated", final: "final", outdated: "initial" };

function unit12(u: ExportUnit): string {
  const approved = u.target?.state === "final" ? "yes" : undefined;
  const target = u.target
    ? `\n        <target${attrs({ state: STATE_12[u.target.state] })}>${inlineXml("1.2", u.target.inline)}</target>`
    : "";
  return (
    `      <trans-unit${attrs({ id: u.id, resname: u.id, approved, "xml:space": "preserve" })}>\n` +
    `        <source>${inlineXml("1.2", u.source)}</source>${target}\n      </trans-unit>`
  );
}

function unit20(u: ExportUnit): string {
  const state = u.target ? STATE_20[u.target.state] : "initial";
  const target = u.target ? `<target>${inlineXml("2.0", u.target.inline)}</target>` : "";
  return (
    `    <unit${attrs({ id: u.id, name: u.id })}>\n` +
    `      <segment${attrs({ state })}><source>${inlineXml("2.0", u.source)}</source>${target}</segment>\n    </unit>`
  );
}

export function writeXliff(version: XliffVersion, file: ExportFile): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n`;
  if (version === "1.2") {
    const fileAttrs = attrs({
      original: originalOf(file.releaseId),
      "source-language": SOURCE_LANG,
      "target-language": TARGET_LANG,
      datatype: "plaintext",
      "newsroom:release": file.releaseId,
      "newsroom:source-fingerprint": file.sourceFingerprint,
    });
    return (
      head +
      `<xliff version="1.2" xmlns="${NS["1.2"]}" xmlns:newsroom="${NS.newsroom}">\n` +
      `  <file${fileAttrs}>\n    <header>\n      <tool tool-id="newsroom" tool-name="Newsroom"/>\n    </header>\n` +
      `    <body>\n${file.units.map(unit12).join("\n")}\n    </body>\n  </file>\n</xliff>\n`
    );
  }
  const meta = (type: string, value: string) => `        <mda:meta${attrs({ type })}>${xmlEscape(value)}</mda:meta>`;
  return (
    head +
    `<xliff${attrs({ xmlns: NS["2.0"], "xmlns:mda": NS.mda, version: "2.0", srcLang: SOURCE_LANG, trgLang: TARGET_LANG })}>\n` +
    `  <file${attrs({ id: "f1", original: originalOf(file.releaseId) })}>\n` +
    `    <mda:metadata>\n      <mda:metaGroup category="newsroom">\n` +
    `${meta("release", file.releaseId)}\n${meta("source-fingerprint", file.sourceFingerprint)}\n` +
    `      </mda:metaGroup>\n    </mda:metadata>\n` +
    `${file.units.map(unit20).join("\n")}\n  </file>\n</xliff>\n`
  );
}
