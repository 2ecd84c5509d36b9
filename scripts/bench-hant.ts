// npm run bench:hant — what the Traditional edition adds to a render: converting one article
// (title, summary, body document) and one list page (10 titles and summaries), with the OpenCC
// instance built once as in the app; cold (no memo: a first render after a restart or a fix)
// and warm (memo hit: the same texts rendered again). Figures in docs/BENCHMARKS.md.
import { convertDocJson } from "../src/domain/hant/doc";
import { hantConverter } from "../src/domain/hant/edition";
import { openccToHant } from "../src/domain/hant/opencc";
import { compileOverrides, type HantOverride } from "../src/domain/hant/overrides";
import { textToDoc } from "../src/domain/release/content";
import { SAMPLE_RELEASE } from "../src/server/seed/demo-content";

const zh = SAMPLE_RELEASE.zh;
const body = JSON.stringify(textToDoc(zh.paragraphs.join("\n\n")));
const long = JSON.stringify(
  textToDoc(Array.from({ length: 8 }, (_, i) => zh.paragraphs.map((p) => `${i}${p}`).join("\n\n")).join("\n\n")),
);
const chars = (json: string) => zh.title.length + zh.summary.length + JSON.stringify(json).length;
const overrides: HantOverride[] = Array.from({ length: 200 }, (_, i) => ({ wrong: `詞語${i}號`, right: `词语${i}` }));

type Convert = (s: string) => string;
const article = (t: Convert, doc: string) => [t(zh.title), t(zh.summary), convertDocJson(doc, t)];
const listPage = (t: Convert) => Array.from({ length: 10 }, (_, i) => [t(`${zh.title}${i}`), t(`${zh.summary}${i}`)]);

/** cold: OpenCC and the overrides on every text (no memo); warm: the app's memoised converter, texts seen before. */
function time(name: string, runs: number, cold: boolean, work: (t: Convert) => unknown, list = overrides) {
  const fix = compileOverrides(list);
  const t: Convert = cold ? (s) => fix(openccToHant(s)) : hantConverter(list);
  work(t); // warm the JIT (and the memo)
  const start = performance.now();
  for (let i = 0; i < runs; i++) work(t);
  const ms = (performance.now() - start) / runs;
  console.log(`${name.padEnd(52)} ${ms.toFixed(3).padStart(8)} ms`);
}

const started = performance.now();
hantConverter([])("国");
console.log(
  `${"OpenCC cn→hk instance, built once per process".padEnd(52)} ${(performance.now() - started).toFixed(1).padStart(8)} ms`,
);
console.log(`article: ${chars(body)} characters of JSON text; long article: ${chars(long)}`);
time("article, cold (no memo), 200 overrides", 200, true, (t) => article(t, body));
time("article, cold, no overrides", 200, true, (t) => article(t, body), []);
time("article, warm (memo hit)", 2_000, false, (t) => article(t, body));
time("long article (8x), cold", 50, true, (t) => article(t, long));
time("list page (10 items), cold", 200, true, listPage);
time("list page (10 items), warm", 2_000, false, listPage);
