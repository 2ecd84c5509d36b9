import { createHash } from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import { gzipSync } from "node:zlib";

// A whole response held in memory: what the response cache stores and what the pipeline sends
// after buffering. Built once, never changed afterwards: everything the sender needs (the gzip
// variant, the header objects for 200, gzip and 304) is computed here.

export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

export const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|rss\+xml|atom\+xml)|image\/svg\+xml)/i;
const MIN_GZIP = 1024;

export interface StoredResponse {
  readonly status: number;
  readonly headers: HeaderPairs;
  readonly body: Buffer;
  readonly etag: string | undefined;
  readonly gzip: Buffer | undefined;
  readonly head: { readonly plain: OutgoingHttpHeaders; readonly gzip?: OutgoingHttpHeaders };
  readonly notModifiedHead: OutgoingHttpHeaders;
  /** Bytes held: bodies plus a rough allowance for headers and bookkeeping. */
  readonly size: number;
}

export const etagOf = (body: Buffer) => `"${createHash("sha1").update(body).digest("base64url")}"`;

export const headerOf = (pairs: HeaderPairs, name: string) => pairs.find(([n]) => n.toLowerCase() === name)?.[1];

/** One object, repeated names (Set-Cookie) as arrays: writeHead with a flat list keeps only the last. */
function headObject(pairs: HeaderPairs): OutgoingHttpHeaders {
  const all: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const have = all[name];
    all[name] = have === undefined ? value : [have, value].flat();
  }
  return all;
}

function withVaryAcceptEncoding(pairs: HeaderPairs): HeaderPairs {
  const vary = headerOf(pairs, "vary");
  if (vary === undefined) return [...pairs, ["Vary", "Accept-Encoding"]];
  if (/accept-encoding/i.test(vary)) return pairs;
  return pairs.map(([n, v]) => (n.toLowerCase() === "vary" ? [n, `${v}, Accept-Encoding`] : [n, v]));
}

export interface ResponseParts {
  status: number;
  headers: HeaderPairs;
  body: Buffer;
  etag: string | undefined;
}

/** `gzip`: compute the gzip variant now (for entries that will be stored, or a client that takes it). */
export function storedResponse(parts: ResponseParts, { gzip }: { gzip: boolean }): StoredResponse {
  const type = headerOf(parts.headers, "content-type") ?? "";
  const gzipable = COMPRESSIBLE.test(type) && parts.body.length >= MIN_GZIP;
  const base = gzipable ? withVaryAcceptEncoding(parts.headers) : parts.headers;
  const headers: HeaderPairs = parts.etag ? [...base, ["ETag", parts.etag]] : base;
  const all = headObject(headers);
  const zipped = gzipable && gzip ? gzipSync(parts.body) : undefined;
  const kept = ["etag", "cache-control", "vary", "content-security-policy"];
  let size = 512 + parts.body.length + (zipped?.length ?? 0);
  for (const [name, value] of headers) size += name.length + value.length;
  return {
    status: parts.status,
    headers,
    body: parts.body,
    etag: parts.etag,
    gzip: zipped,
    head: {
      plain: { ...all, "Content-Length": String(parts.body.length) },
      gzip: zipped && { ...all, "Content-Encoding": "gzip", "Content-Length": String(zipped.length) },
    },
    notModifiedHead: headObject(headers.filter(([n]) => kept.includes(n.toLowerCase()) || isSecurityHeader(n))),
    size,
  };
}

const SECURITY = new Set(["x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy"]);
const isSecurityHeader = (name: string) => SECURITY.has(name.toLowerCase());
