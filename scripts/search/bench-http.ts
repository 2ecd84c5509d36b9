// The search pages through HTTP: `npm start` on the benchmark database, then readers (keep-alive
// connections, each sending its next request when the previous one is answered) fetching the
// search pages for a fixed time. Latency per request as the reader sees it, and throughput.
// Each set runs twice: as readers get it (the server keeps result pages until a change: after the
// first render, a repeated query is answered from memory), and uncached (a parameter unique to
// each request, which the page ignores, so every request misses and Next renders the page).
// Beside them, in the same run: the same search page without a query (rendered, no search: what
// rendering the page costs by itself), and one reader alone (a render's latency without a queue).
// Readers accept gzip, as browsers do. With an editor (bench-editor.ts), the runs as readers get
// them are made while the editor republishes a release every few seconds: each publish drops the
// kept pages, and the readers count the renders that follow (X-Cache: MISS).
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import http from "node:http";
import { waitFor } from "../lib/net";
import { startEditor, type Editor, type EditorAccount } from "./bench-editor";
import { percentile } from "./bench-measure";

export interface HttpRun {
  paths: string[];
  /** every request rendered (a unique parameter defeats the response cache) */
  uncached: boolean;
  /** the search page without a query: the cost of rendering the page, beside the searches */
  baseline: boolean;
  readers: number;
  seconds: number;
  requests: number;
  /** responses the server rendered for this request (X-Cache: MISS) */
  renders: number;
  /** publishes by the editor during the run (null: no editor) */
  publishes: number | null;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function get(agent: http.Agent, base: string, path: string): Promise<{ status: number; rendered: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${encodeURI(path)}`, { agent, headers: { "accept-encoding": "gzip" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, rendered: res.headers["x-cache"] === "MISS" }));
    });
    req.on("error", reject);
  });
}

async function readers(
  base: string,
  paths: string[],
  count: number,
  seconds: number,
  { uncached = false, baseline = false, editor }: { uncached?: boolean; baseline?: boolean; editor?: Editor } = {},
): Promise<HttpRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count });
  const ms: number[] = [];
  let errors = 0;
  let renders = 0;
  const publishedBefore = editor?.publishes() ?? 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: count }, async (_, r) => {
      for (let i = r; performance.now() < until; i++) {
        const t0 = performance.now();
        const path = paths[i % paths.length]! + (uncached ? `&uncached=${r}-${i}-${Date.now()}` : "");
        const answer = await get(agent, base, path).catch(() => ({ status: 0, rendered: false }));
        ms.push(performance.now() - t0);
        if (answer.status !== 200) errors++;
        if (answer.rendered) renders++;
      }
    }),
  );
  agent.destroy();
  ms.sort((a, b) => a - b);
  return {
    paths,
    uncached,
    baseline,
    readers: count,
    seconds,
    requests: ms.length,
    renders,
    publishes: editor ? editor.publishes() - publishedBefore : null,
    errors,
    perSecond: ms.length / seconds,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms[ms.length - 1] ?? 0,
  };
}

/**
 * Starts `npm start` on `dbUrl`, runs the readers against each path set, stops the server. With
 * `editor`, it republishes every `everyMs` during the runs as readers get them.
 */
export async function timeHttp(
  dbUrl: string,
  port: number,
  logFile: string,
  seconds: number,
  editor?: { account: EditorAccount; everyMs: number },
  count = 8,
) {
  const base = `http://127.0.0.1:${port}`;
  const app = spawn("npm", ["start"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: dbUrl,
      SITE_URL: base,
      NODE_ENV: "production",
      SEARCH_BACKGROUND_MERGE: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: stopped as a whole
  });
  const log = createWriteStream(logFile);
  app.stdout.pipe(log);
  app.stderr.pipe(log);
  let exited = false;
  app.on("exit", () => (exited = true));
  try {
    await waitFor(`${base}/api/health`, () => !exited, 900_000);
    const both = ["/zh/search?q=国", "/en/search?q=patent"];
    const sets = [[both[0]!], [both[1]!], both];
    const noQuery = ["/zh/search?q=", "/en/search?q="];
    for (const paths of [...sets, noQuery]) await readers(base, paths, count, 3, { uncached: true }); // warm up
    const runs: HttpRun[] = [];
    const publisher = editor && (await startEditor(base, editor.account, editor.everyMs));
    let failures: string[] = [];
    try {
      for (const paths of sets) runs.push(await readers(base, paths, count, seconds, { editor: publisher }));
    } finally {
      failures = (await publisher?.stop()) ?? [];
    }
    if (failures.length) throw new Error(`the editor's publishes failed: ${failures.join("; ")}`);
    const rendered = { uncached: true };
    const bare = { uncached: true, baseline: true };
    for (const paths of sets) runs.push(await readers(base, paths, count, seconds, rendered));
    runs.push(await readers(base, noQuery, count, seconds, bare));
    runs.push(await readers(base, both, 1, seconds, rendered));
    runs.push(await readers(base, noQuery, 1, seconds, bare));
    return runs;
  } finally {
    if (!exited) process.kill(-app.pid!, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
  }
}
