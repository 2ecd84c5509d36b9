// `npm run bench`: throughput of a cached public article page in the production server (`node
// scripts/start.mjs`, what `npm start` runs: built if needed, fresh seeded SQLite database, free
// loopback port, its response cache answering) against a bare node:http server returning the same
// bytes, measured in the same run with the same autocannon settings; plus the article's first-load
// JavaScript (the script chunks its HTML references), raw and gzipped.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { freePort, waitFor } from "./lib/net";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 20;
const ARTICLE = "/en/news/cnipa-kipo-video-conference";

interface Run {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string): Promise<Run> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, pipelining: 1 });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

async function firstLoadJs(base: string, html: string) {
  // noModule scripts (legacy polyfills) are not loaded by the browsers we serve; they are left out.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/noModule/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  let editor = false;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
    editor ||= /prosemirror|@tiptap/i.test(body.toString("utf8"));
  }
  return { files: srcs.length, raw, gzip, editor };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function main() {
  const port = await freePort();
  const dbFile = `/tmp/newsroom-bench-${port}.db`;
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const app = spawn("node", ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true, // own process group, so the whole tree (npm → next-server) stops with it
  });
  const stop = () => {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  let exited = false;
  app.on("exit", () => (exited = true));
  let bare: Server | undefined;
  try {
    const base = `http://127.0.0.1:${port}`;
    console.log(`Starting the app on ${base} (builds first if the sources changed)…`);
    await waitFor(`${base}/api/health`, () => !exited);
    const url = `${base}${ARTICLE}`;
    const html = await (await fetch(url)).text(); // first render fills the caches
    const cached = (await fetch(url)).headers.get("x-cache");
    if (cached !== "HIT") throw new Error(`the article is not served from the response cache (X-Cache: ${cached})`);
    const js = await firstLoadJs(base, html);

    bare = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(html);
    });
    await new Promise<void>((resolve) => bare!.listen(0, "127.0.0.1", resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

    console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s each, loopback`);
    const next = await load(url);
    const plain = await load(bareUrl);
    const row = (name: string, r: Run) =>
      `${name.padEnd(26)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors} non-2xx ${r.non2xx}`;
    console.log(`\nArticle page ${ARTICLE} (${kb(Buffer.byteLength(html))} HTML)`);
    console.log(row("npm start (cached page)", next));
    console.log(row("bare node:http, same HTML", plain));
    console.log(`ratio server/bare: ${(next.rps / plain.rps).toFixed(2)}`);
    console.log(
      `first-load JS: ${js.files} scripts, ${kb(js.raw)} raw, ${kb(js.gzip)} gzipped; editor code: ${js.editor ? "YES" : "none"}`,
    );
  } finally {
    bare?.close();
    stop();
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
