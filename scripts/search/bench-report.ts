// The search benchmark's report, as Markdown tables for docs/BENCHMARKS.md.
import type { HttpRun } from "./bench-http";
import type { Timing } from "./bench-measure";
import type { WriteTimings } from "./bench-writes";

export interface EngineReport {
  engine: string;
  releases: number;
  documents: number;
  /** each full rebuild, one after the other (--index-runs); the figures are their medians */
  rebuilds: IndexRun[];
  indexBytes: number;
  rawBytes: number;
  classes: { name: string; timing: Timing; shares?: number[] }[];
  topChars: { char: string; share: number; ms: number; total: number }[];
  writes: WriteTimings | null;
  http: HttpRun[];
}

export interface IndexRun {
  s: number;
  /** CPU time of this process during the rebuild (with SQLite's, which runs in it) */
  cpuS: number;
  /** load average when the rebuild started (2 cores) */
  load: number;
}

const f = (v: number, digits = 1) => v.toFixed(digits);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The rebuilds' median, and every run's figure beside it when there were several. */
const runs = (r: EngineReport, pick: (run: IndexRun) => number, digits = 1) => {
  const all = r.rebuilds.map(pick);
  return all.length > 1 ? `${f(median(all), digits)} (${all.map((x) => f(x, digits)).join(", ")})` : f(all[0]!, digits);
};
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const pct = (share: number) => `${(share * 100).toFixed(2)}%`;

function shares(s: number[] | undefined): string {
  if (!s) return "—";
  const sorted = [...s].sort((a, b) => a - b);
  return `${pct(sorted[Math.floor(sorted.length / 2)]!)} / ${pct(sorted[sorted.length - 1]!)}`;
}

export function printReport(reports: EngineReport[], run: { count: number; samples: number }) {
  const out: string[] = [];
  out.push(
    `${run.count} releases; ${run.samples} queries per class; public search, 10 per page, count up to 1,000, snippets.`,
  );
  out.push(
    "",
    "| engine | class | matches (avg) | term share (median / max) | p50 ms | p95 ms | p99 ms | max ms | CPU p95 ms | slowest |",
  );
  out.push("|---|---|---:|---|---:|---:|---:|---:|---:|---|");
  for (const r of reports)
    for (const c of r.classes) {
      const t = c.timing;
      out.push(
        `| ${r.engine} | ${c.name} | ${t.matches} | ${shares(c.shares)} | ${f(t.p50)} | ${f(t.p95)} | ${f(t.p99)} | ${f(t.max)} | ${f(t.cpuP95)} | ${t.slowest} |`,
      );
    }
  out.push("", "The 20 most frequent characters, each alone (slowest of 3 runs, ms):", "");
  out.push(`| engine | ${reports[0]?.topChars.map((c) => `${c.char} ${pct(c.share)}`).join(" | ") ?? ""} | max |`);
  out.push(`|---|${reports[0]?.topChars.map(() => "---:").join("|") ?? ""}|---:|`);
  for (const r of reports)
    out.push(
      `| ${r.engine} | ${r.topChars.map((c) => f(c.ms)).join(" | ")} | ${f(Math.max(...r.topChars.map((c) => c.ms)))} |`,
    );
  out.push(
    "",
    "| engine | releases | documents | indexing s | releases/s | CPU s (this process) | load | raw text MB | index MB | index / raw |",
  );
  out.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of reports)
    out.push(
      `| ${r.engine} | ${r.releases} | ${r.documents} | ${runs(r, (x) => x.s)} | ${runs(r, (x) => r.releases / x.s, 0)} | ${runs(r, (x) => x.cpuS)} | ${runs(r, (x) => x.load)} | ${mb(r.rawBytes)} | ${mb(r.indexBytes)} | ${f(r.indexBytes / r.rawBytes, 2)} |`,
    );
  out.push(
    "",
    "| engine | index work of a save p50 / p95 / max ms | of a publish p50 / p95 / max ms | save p50 / p95 ms | publish p50 / p95 ms | merge: changes, ms per change |",
  );
  out.push("|---|---|---|---|---|---|");
  for (const r of reports) {
    const w = r.writes;
    if (!w) continue;
    out.push(
      `| ${r.engine} | ${f(w.syncSave.p50)} / ${f(w.syncSave.p95)} / ${f(w.syncSave.max)} | ${f(w.syncPublish.p50)} / ${f(w.syncPublish.p95)} / ${f(w.syncPublish.max)} | ${f(w.save.p50)} / ${f(w.save.p95)} | ${f(w.publish.p50)} / ${f(w.publish.p95)} | ${w.merged}, ${f(w.mergeMs / Math.max(1, w.merged))} |`,
    );
  }
  out.push(
    "",
    "| engine | pages | readers | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | rendered | publishes | errors |",
  );
  out.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of reports)
    for (const h of r.http)
      out.push(
        `| ${r.engine} | ${label(h)} | ${h.readers} | ${h.requests} | ${f(h.perSecond)} | ${f(h.p50)} | ${f(h.p95)} | ${f(h.p99)} | ${f(h.max)} | ${h.renders} | ${h.publishes ?? "—"} | ${h.errors} |`,
      );
  out.push("", "| engine | goal (issue 12) | measured | met |", "|---|---|---|---|");
  for (const r of reports)
    for (const g of goals(r)) out.push(`| ${r.engine} | ${g.goal} | ${g.measured} | ${g.met ? "yes" : "**no**"} |`);
  console.log(`\n${out.join("\n")}`);
}

/** The goals of issue 12, each with what this run measured. */
function goals(r: EngineReport): { goal: string; measured: string; met: boolean }[] {
  const worst = (pick: (t: Timing) => number) => Math.max(...r.classes.map((c) => pick(c.timing)));
  const top = Math.max(...r.topChars.map((c) => c.ms));
  const indexS = median(r.rebuilds.map((x) => x.s));
  const out = [
    { goal: "every class p95 < 50 ms", measured: `${f(worst((t) => t.p95))} ms`, met: worst((t) => t.p95) < 50 },
    { goal: "every class p99 < 150 ms", measured: `${f(worst((t) => t.p99))} ms`, met: worst((t) => t.p99) < 150 },
    { goal: "each of the 20 most frequent characters < 100 ms", measured: `${f(top)} ms`, met: top < 100 },
    {
      goal: "index < 3 × raw text",
      measured: `${f(r.indexBytes / r.rawBytes, 2)} ×`,
      met: r.indexBytes < 3 * r.rawBytes,
    },
    {
      goal: "indexing ≥ 500 releases/s",
      measured: `${f(r.releases / indexS, 0)}/s (${f(r.releases / median(r.rebuilds.map((x) => x.cpuS)), 0)} per CPU s of this process)${r.rebuilds.length > 1 ? `, median of ${r.rebuilds.length}` : ""}`,
      met: r.releases / indexS >= 500,
    },
  ];
  if (r.writes) {
    const w = r.writes;
    const p95 = Math.max(w.syncSave.p95, w.syncPublish.p95);
    out.push({ goal: "index work of a save or publish < 50 ms (p95)", measured: `${f(p95)} ms`, met: p95 < 50 });
  }
  // Point 2 names the pages and 8 readers; the rendered runs and the baseline are in the HTTP table.
  for (const h of r.http.filter((h) => !h.uncached && h.readers === 8)) {
    const editing = h.publishes === null ? "" : `, ${h.publishes} publishes meanwhile, ${h.renders} rendered`;
    out.push({
      goal: `HTTP p95 < 100 ms, 8 readers: ${label(h)}`,
      measured: `${f(h.p95)} ms (${f(h.perSecond, 0)} req/s${editing})`,
      met: h.p95 < 100,
    });
  }
  return out;
}

const label = (h: HttpRun) =>
  `${h.paths.join(" + ")}${h.baseline ? " (no query: the page without a search)" : ""}${h.uncached ? " (uncached: every request rendered)" : ""}`;
