import { beforeEach, expect, test } from "vitest";
import { ResponseCache } from "../response-cache";
import { loadUnavailableStrings } from "../pages";
import { storedResponse } from "../stored-response";
import { ROOT } from "../test-support";
import type { Rendered } from "./render";
import { replaceOnError, type ReplaceDeps } from "./replace-on-error";

let healthy = true;
let deps: ReplaceDeps;
beforeEach(() => {
  healthy = true;
  deps = {
    cache: new ResponseCache(),
    strings: loadUnavailableStrings(ROOT),
    databaseHealthy: () => Promise.resolve(healthy),
    notFoundHtml: (locale) => Promise.resolve(`<html lang="${locale}"><h1>not found</h1></html>`),
  };
});

const rendered = (status: number, body: string, type = "text/html; charset=utf-8"): Rendered => ({
  status,
  body: Buffer.from(body),
  headers: [["content-type", type]],
  facts: { cacheControl: undefined, nextCache: undefined, etag: undefined, setsCookie: false },
});
const at = (path: string, key: string | null = path) => ({
  path,
  key,
  locale: /^\/(zh|en)/.exec(path)?.[1] as "zh" | "en" | undefined,
});

test("a 5xx on a public URL with a held entry: that entry, stale", async () => {
  const response = storedResponse(
    { status: 200, headers: [], body: Buffer.from("old"), etag: undefined },
    { gzip: false },
  );
  deps.cache.set("/zh/a", { response, expiresAt: 0, tags: new Set() });
  const answer = await replaceOnError(at("/zh/a"), rendered(500, "boom"), deps);
  expect(answer.kind === "stale" && answer.entry.response.body.toString()).toBe("old");
});

test("a 5xx with the database down: 503 in the URL's language, JSON for the API, text for feeds", async () => {
  healthy = false;
  const page = await replaceOnError(at("/zh/news"), rendered(500, "boom"), deps);
  expect(page).toMatchObject({ kind: "answer", status: 503, replaced: true });
  expect(page.kind === "answer" && page.body.toString()).toContain('<html lang="zh-CN">');
  const api = await replaceOnError(at("/api/v1/releases"), rendered(500, "{}", "application/json"), deps);
  expect(api.kind === "answer" && JSON.parse(api.body.toString())).toEqual({
    error: { code: "unavailable", message: "database unavailable" },
  });
  const feed = await replaceOnError(at("/en/feed.xml"), rendered(500, ""), deps);
  expect(feed.kind === "answer" && feed.body.toString()).toBe("Service unavailable\n");
});

test("a 5xx with the database fine stays a 5xx (a bug, to be seen); non-public paths are not replaced", async () => {
  expect(await replaceOnError(at("/zh/news"), rendered(500, "boom"), deps)).toMatchObject({
    status: 500,
    replaced: false,
  });
  healthy = false;
  expect(await replaceOnError(at("/admin", null), rendered(500, "boom"), deps)).toMatchObject({
    status: 500,
    replaced: false,
  });
});

test("Next's empty 404 shell becomes the rendered not-found page; a real 404 page stays", async () => {
  const shell = await replaceOnError(
    at("/en/news/x"),
    rendered(404, '<!DOCTYPE html><html id="__next_error__"><head>'),
    deps,
  );
  expect(shell).toMatchObject({ status: 404, replaced: true });
  expect(shell.kind === "answer" && shell.body.toString()).toContain('<html lang="en">');
  const real = await replaceOnError(at("/en/news/x"), rendered(404, '<html lang="en"><h1>Page not found</h1>'), deps);
  expect(real).toMatchObject({ replaced: false });
});
