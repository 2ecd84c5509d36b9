import { gunzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { storedResponse } from "./stored-response";

const big = Buffer.from("<p>x</p>".repeat(300));

test("gzip variant for compressible bodies of 1 kB or more, with Vary: Accept-Encoding", () => {
  const r = storedResponse(
    {
      status: 200,
      headers: [
        ["Content-Type", "text/html"],
        ["Vary", "RSC"],
      ],
      body: big,
      etag: '"e"',
    },
    { gzip: true },
  );
  expect(gunzipSync(r.gzip!).equals(big)).toBe(true);
  expect(r.head.gzip).toMatchObject({
    "Content-Encoding": "gzip",
    "Content-Length": String(r.gzip!.length),
    Vary: "RSC, Accept-Encoding",
    ETag: '"e"',
  });
  expect(r.head.plain["Content-Length"]).toBe(String(big.length));
});

test("no gzip for small, binary or not-asked-for bodies", () => {
  const small = storedResponse(
    { status: 200, headers: [["Content-Type", "text/html"]], body: Buffer.from("<p>"), etag: undefined },
    { gzip: true },
  );
  expect(small.gzip).toBeUndefined();
  const image = storedResponse(
    { status: 200, headers: [["Content-Type", "image/png"]], body: big, etag: undefined },
    { gzip: true },
  );
  expect(image.gzip).toBeUndefined();
  const notAsked = storedResponse(
    { status: 200, headers: [["Content-Type", "text/html"]], body: big, etag: undefined },
    { gzip: false },
  );
  expect(notAsked.gzip).toBeUndefined();
  expect(notAsked.head.plain.Vary).toBe("Accept-Encoding"); // the same URL may be gzipped for others
});

test("repeated headers (Set-Cookie) stay separate; the 304 keeps validators, caching and security headers only", () => {
  const r = storedResponse(
    {
      status: 200,
      headers: [
        ["Content-Type", "text/html"],
        ["Set-Cookie", "a=1"],
        ["Set-Cookie", "b=2"],
        ["Cache-Control", "public, max-age=0, must-revalidate"],
        ["X-Frame-Options", "DENY"],
      ],
      body: Buffer.from("x"),
      etag: '"e"',
    },
    { gzip: false },
  );
  expect(r.head.plain["Set-Cookie"]).toEqual(["a=1", "b=2"]);
  expect(Object.keys(r.notModifiedHead).sort()).toEqual(["Cache-Control", "ETag", "X-Frame-Options"]);
  expect(r.size).toBeGreaterThan(512);
});
