import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";

// Holding back what Next writes to a ServerResponse, so the pipeline can look at (hash, cache,
// replace) the whole response before anything reaches the client.

export interface Captured {
  status: number;
  body: Buffer;
}

export interface Capture {
  /** `{ status, body }` once Next ended a buffered response; null when passed through or abandoned. */
  done: Promise<Captured | null>;
  /** Resolves `done` with null (the client went away, or Next finished without ending the response). */
  abandon(): void;
  /** Gives `res` back its real methods (to send our own response, or after Next threw). */
  release(): void;
}

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;
type HeadersArg = OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, encoding ?? "utf8");
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function applyHeaders(res: ServerResponse, headers: HeadersArg): void {
  if (!headers) return;
  if (Array.isArray(headers)) {
    // writeHead also takes a flat [name, value, name, value] list, or a list of pairs.
    const list = headers as unknown[];
    const pairs = Array.isArray(list[0])
      ? (list as [string, OutgoingHttpHeader][])
      : list.flatMap((v, i) => (i % 2 ? [] : [[String(v), list[i + 1] as OutgoingHttpHeader] as const]));
    for (const [name, value] of pairs) res.setHeader(name, value);
    return;
  }
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
}

/**
 * Intercepts `res`. On Next's first writeHead/flushHeaders/write/end, `decide(res)` chooses: true →
 * buffer everything and resolve `done` when Next ends (headers stay on `res`); false → forward
 * every call to the real methods and resolve null. `decide` may also adjust headers on `res`.
 */
export function captureResponse(res: ServerResponse, decide: (res: ServerResponse) => boolean): Capture {
  // Bound: they are called on their own, and put back as they were by release().
  const original = {
    writeHead: res.writeHead.bind(res),
    write: res.write.bind(res),
    end: res.end.bind(res),
    flushHeaders: res.flushHeaders.bind(res),
  };
  const chunks: Buffer[] = [];
  let mode: "buffer" | "pass" | "ended" | undefined;
  let resolve!: (value: Captured | null) => void;
  const done = new Promise<Captured | null>((r) => (resolve = r));

  const choose = () => {
    if (mode) return mode;
    mode = decide(res) ? "buffer" : "pass";
    // Passing through, the wrappers stay and forward: Next's compression middleware may have
    // wrapped them in turn, and putting the originals back would cut it out.
    if (mode === "pass") resolve(null);
    return mode;
  };
  const intercepted = res as unknown as Record<keyof typeof original, (...args: unknown[]) => unknown>;

  intercepted.writeHead = (status: unknown, reason?: unknown, headers?: unknown) => {
    if (typeof reason !== "string") [headers, reason] = [reason, undefined];
    res.statusCode = status as number;
    if (reason) res.statusMessage = reason as string;
    applyHeaders(res, headers as HeadersArg);
    if (choose() === "pass") return original.writeHead(res.statusCode);
    return res;
  };
  intercepted.flushHeaders = () => {
    if (choose() === "pass") original.flushHeaders();
  };
  intercepted.write = (chunk: unknown, encoding?: unknown, cb?: unknown) => {
    if (choose() === "pass") return (original.write as (...a: unknown[]) => boolean)(chunk, encoding, cb);
    if (mode === "ended") return true;
    if (chunk != null) chunks.push(toBuffer(chunk as Chunk, encoding as BufferEncoding | undefined));
    const callback = (typeof encoding === "function" ? encoding : cb) as Callback | undefined;
    if (callback) queueMicrotask(() => callback());
    return true;
  };
  intercepted.end = (chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    if (choose() === "pass") return (original.end as (...a: unknown[]) => ServerResponse)(chunk, encoding, cb);
    if (mode === "ended") return res;
    if (chunk != null) chunks.push(toBuffer(chunk as Chunk, encoding as BufferEncoding | undefined));
    mode = "ended";
    if (cb) res.once("finish", cb as () => void);
    resolve({ status: res.statusCode, body: Buffer.concat(chunks) });
    return res;
  };

  return {
    done,
    abandon: () => resolve(null),
    release() {
      if (mode !== "pass") Object.assign(res, original);
      mode = "pass";
      resolve(null);
    },
  };
}
