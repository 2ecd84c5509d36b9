import { beforeEach, expect, test } from "vitest";
import type { Exchange, RequestScope } from "../exchange";
import { ResponseCache } from "../response-cache";
import { storedResponse, type StoredResponse } from "../stored-response";
import type { NextFacts } from "./render";
import { keep, keepUntil, type StoreDeps } from "./store";

/** What afterRender does with a rendered answer: whether to keep it, then keep it. */
function store(
  ex: Pick<Exchange, "key">,
  answer: StoredResponse,
  f: NextFacts,
  scope: RequestScope,
  deps: StoreDeps,
): boolean {
  const until = keepUntil(ex, answer.status, f, scope, deps);
  return until !== null && keep(ex.key!, answer, until, f, scope, deps.cache);
}

const NOW = 1_000_000;
const response = (status = 200) =>
  storedResponse(
    { status, headers: [["Content-Type", "text/html"]], body: Buffer.from("<p>x</p>"), etag: '"e"' },
    { gzip: true },
  );
const facts = (change: Partial<NextFacts> = {}): NextFacts => ({
  cacheControl: "s-maxage=60, stale-while-revalidate=10",
  nextCache: "MISS",
  etag: '"e"',
  setsCookie: false,
  ...change,
});
let cache: ResponseCache;
let scope: RequestScope;
beforeEach(() => {
  cache = new ResponseCache();
  scope = {
    path: "/zh",
    generation: cache.generation,
    horizon: undefined,
    pendingPurge: undefined,
    tags: new Set(["publication:1"]),
  };
});

test("kept for Next's lifetime, with the tags the app reported", () => {
  expect(store({ key: "/zh" }, response(), facts(), scope, { cache, now: NOW })).toBe(true);
  const entry = cache.get("/zh")!;
  expect(entry.expiresAt).toBe(NOW + 60_000);
  expect([...entry.tags]).toEqual(["publication:1"]);
});

test("never past the embargo horizon the app noted", () => {
  scope.horizon = NOW + 5_000;
  store({ key: "/zh" }, response(), facts(), scope, { cache, now: NOW });
  expect(cache.get("/zh")!.expiresAt).toBe(NOW + 5_000);
});

test("not when uncacheable, not when the request purged, not after a purge since it began", () => {
  expect(store({ key: null }, response(), facts(), scope, { cache, now: NOW })).toBe(false);
  expect(store({ key: "/zh" }, response(500), facts(), scope, { cache, now: NOW })).toBe(false);
  expect(store({ key: "/zh" }, response(), facts({ setsCookie: true }), scope, { cache, now: NOW })).toBe(false);
  expect(store({ key: "/zh" }, response(), facts(), { ...scope, pendingPurge: "all" }, { cache, now: NOW })).toBe(
    false,
  );
  cache.purge();
  expect(store({ key: "/zh" }, response(), facts(), scope, { cache, now: NOW })).toBe(false);
  expect(cache.size).toBe(0);
});

test("a HIT from Next right after an embargo ended is not kept: Next may still hold the page from before it", () => {
  cache.noteHorizon(NOW - 200, scope.generation); // a render before the end noted it…
  cache.noteHorizon(Infinity, scope.generation); // …and one after it: no embargo left
  expect(store({ key: "/zh/news" }, response(), facts({ nextCache: "HIT" }), scope, { cache, now: NOW })).toBe(false);
  expect(store({ key: "/zh/news" }, response(), facts({ nextCache: "HIT" }), scope, { cache, now: NOW + 1_200 })).toBe(
    false,
  );
  expect(store({ key: "/zh/news" }, response(), facts({ nextCache: "HIT" }), scope, { cache, now: NOW + 2_000 })).toBe(
    true,
  );
});
