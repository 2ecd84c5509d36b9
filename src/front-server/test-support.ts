import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { INTERNAL_HEADERS, STATIC_SECURITY_HEADERS, UNCHECKED_INLINE_CSP } from "@/contract";
import { createPipeline, type Log, type Pipeline, type PipelineOptions } from "./pipeline";

// For the pipeline's tests: a fake Next handler in a real node:http server (streams, statuses and
// headers as Next sends them, next.config.ts headers included), so every stage runs without a build.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const PAGE = (n: number, extra = "") =>
  `<!DOCTYPE html><html lang="zh-CN"><head><script>(self.__next_f=self.__next_f||[]).push([0])</script>` +
  `<script>self.__next_f.push([1,"render ${n}"])</script></head><body>${"x".repeat(2000)}<p>render ${n}</p>${extra}</body></html>`;

export interface Fake {
  renders: number;
  /** renders under way now, and the most there were at once */
  rendering: number;
  maxRendering: number;
  mode: "ok" | "down";
  horizon: number | undefined;
  /** Extra HTML the next rendered page carries (an "injected" script). */
  inject: string;
  /** The request headers Next saw last. */
  seen: IncomingHttpHeaders;
  /** How long a page takes to render. */
  delayMs: number;
  /** Pages come from Next's own page cache (x-nextjs-cache: HIT): the app runs nothing, reports nothing. */
  nextHit: boolean;
  /** When the front server's loopback asked the app to revalidate (ms since epoch). */
  revalidations: number[];
  /** A running POST /zh/publish (it has purged) waits for this before it answers. */
  publishing: { purged: Promise<void>; finish: () => void } | undefined;
  pipeline: Pipeline;
}

const pause = () => new Promise<void>((r) => setImmediate(r));

async function streamPage(fake: Fake, req: IncomingMessage, res: ServerResponse) {
  fake.renders += 1;
  fake.maxRendering = Math.max(fake.maxRendering, ++fake.rendering);
  try {
    await renderPage(fake, req, res);
  } finally {
    fake.rendering -= 1;
  }
}

async function renderPage(fake: Fake, req: IncomingMessage, res: ServerResponse) {
  if (fake.horizon !== undefined && !fake.nextHit) fake.pipeline.bridge.noteHorizon(fake.horizon);
  const query = new URL(req.url ?? "/", "http://x").searchParams;
  // The data a page shows reports its tags (?tag=a,b), as the app's read models would.
  const tags = query.get("tag");
  if (tags && !fake.nextHit) fake.pipeline.bridge.noteTags(tags.split(","));
  // ?dynamic: what Next says of a page that reads its query (the search page); ?storable: the app allows it.
  if (query.has("storable")) fake.pipeline.bridge.allowStore();
  if (fake.delayMs) await new Promise((r) => setTimeout(r, fake.delayMs));
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  if (query.has("dynamic")) res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
  else {
    res.setHeader("Cache-Control", "s-maxage=3600, stale-while-revalidate=10");
    res.setHeader("x-nextjs-cache", fake.nextHit ? "HIT" : "MISS");
  }
  res.flushHeaders();
  const html = PAGE(fake.renders, fake.inject);
  for (let i = 0; i < html.length; i += 700) {
    res.write(html.slice(i, i + 700)); // streamed in chunks, as React does
    await pause();
  }
  await new Promise<void>((resolve) => {
    res.once("finish", resolve);
    res.end();
  });
}

type Route = (fake: Fake, req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const internalOnly = (fake: Fake, req: IncomingMessage) => {
  if (!fake.pipeline.bridge.verifyInternal(req.headers[INTERNAL_HEADERS.internal] as string))
    throw new Error("secret missing");
};

const ROUTES: Record<string, Route> = {
  "/api/health": (fake, _req, res) => {
    res.writeHead(fake.mode === "down" ? 503 : 200, { "Content-Type": "application/json" });
    res.end("{}");
  },
  "/_newsroom/not-found": (fake, req, res) => {
    internalOnly(fake, req);
    const locale = req.headers[INTERNAL_HEADERS.locale];
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" });
    res.end(
      `<!DOCTYPE html><html lang="${locale === "en" ? "en" : "zh-CN"}"><body><h1>${String(locale)} not found</h1><script>self.__next_f.push([1,"nf"])</script></body></html>`,
    );
  },
  "/api/internal/revalidate": async (fake, req, res) => {
    internalOnly(fake, req); // the route handler checks the secret again
    fake.revalidations.push(Date.now());
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const { tags } = (body ? JSON.parse(body) : {}) as { tags?: string[] };
    fake.pipeline.bridge.purge({ broadcast: false, ...(tags && { tags }) });
    res.end("ok");
  },
  "/zh/publish": async (fake, _req, res) => {
    // A server action: write, revalidate (purge), and the data changes for the next render; the
    // test decides when it answers (fake.publishing).
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    let purged!: () => void;
    fake.publishing = { purged: new Promise<void>((r) => (purged = r)), finish };
    fake.pipeline.bridge.purge({ broadcast: true });
    purged();
    await finished;
    res.writeHead(303, { Location: "/zh" });
    res.end();
  },
  "/zh/news/nope": (_fake, _req, res) => {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", "s-maxage=3600");
    res.end(
      '<!DOCTYPE html><html id="__next_error__"><head></head><body><script>self.__next_f.push([1,"shell"])</script></body></html>',
    );
  },
  "/zh/cookie": (_fake, _req, res) => {
    res.setHeader("Set-Cookie", ["a=1", "b=2"]);
    res.setHeader("Content-Type", "text/html");
    res.end("<p>cookie</p>");
  },
  "/media/x": (_fake, _req, res) => {
    res.writeHead(404, { "Content-Type": "text/plain", "Content-Security-Policy": "default-src 'none'; sandbox" });
    res.end("Not found");
  },
  "/_next/static/a.js": (_fake, _req, res) => {
    res.setHeader("Content-Type", "application/javascript");
    res.end("x".repeat(5000));
  },
  "/zh/rsc": (_fake, _req, res) => {
    res.setHeader("Content-Type", "text/x-component");
    res.setHeader("Cache-Control", "s-maxage=3600, stale-while-revalidate=10");
    res.end("0:[]");
  },
};

export function fakeNext(fake: Fake) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    fake.seen = { ...req.headers };
    const { pathname } = new URL(req.url ?? "/", "http://x");
    if (req.headers["accept-encoding"] && !pathname.startsWith("/_next/static/"))
      throw new Error("accept-encoding reached Next");
    // next.config.ts headers(), as Next applies them before the route answers.
    for (const [name, value] of STATIC_SECURITY_HEADERS) res.setHeader(name, value);
    res.setHeader("Content-Security-Policy", UNCHECKED_INLINE_CSP);
    const route = ROUTES[pathname];
    if (route) return route(fake, req, res);
    if (fake.mode === "down") {
      res.writeHead(500, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" });
      res.end("<html><body>error</body></html>");
      return;
    }
    return streamPage(fake, req, res);
  };
}

export interface Harness {
  fake: Fake;
  base: string;
  warnings: unknown[][];
  close(): Promise<void>;
}

/** A pipeline around the fake Next in a real server on a free loopback port. */
export async function startHarness(options: Partial<PipelineOptions> = {}): Promise<Harness> {
  const warnings: unknown[][] = [];
  const logger: Log = { info() {}, error() {}, warn: (...args: unknown[]) => void warnings.push(args) };
  let port = 0;
  const pipeline = createPipeline({
    handle: (req, res) => fakeNext(fake)(req, res),
    logger,
    root: ROOT,
    selfUrl: () => `http://127.0.0.1:${port}`,
    ...options,
  });
  const fake: Fake = {
    renders: 0,
    rendering: 0,
    maxRendering: 0,
    mode: "ok",
    horizon: undefined,
    inject: "",
    seen: {},
    delayMs: 0,
    nextHit: false,
    revalidations: [],
    publishing: undefined,
    pipeline,
  };
  const server: Server = createServer((req, res) => void fake.pipeline.handleRequest(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  return {
    fake,
    base: `http://127.0.0.1:${port}`,
    warnings,
    close() {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/** A real node:http server running `handler` for each request (for the stages' own tests). */
export async function withServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
