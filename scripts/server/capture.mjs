// Holding back what Next writes to a ServerResponse, so the pipeline can look at (hash, cache,
// replace) the whole response before anything reaches the client.

function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function applyHeaders(res, headers) {
  if (!headers) return;
  if (Array.isArray(headers)) {
    const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((v, i) => (i % 2 ? [] : [[v, headers[i + 1]]]));
    for (const [name, value] of pairs) res.setHeader(name, value);
    return;
  }
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
}

/**
 * Intercepts `res`. On Next's first writeHead/flushHeaders/write/end, `decide(res)` chooses:
 * true → buffer everything and resolve `done` with `{ status, body }` when Next ends (headers stay
 * on `res`); false → forward every call to the real methods, resolve `null`.
 * `send(status, body)` writes a buffered response with the real methods; `abandon()` resolves
 * `done` with null (the client went away, or Next finished without ending the response).
 */
export function captureResponse(res, decide) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks = [];
  let mode;
  let resolve;
  const done = new Promise((r) => (resolve = r));

  const choose = () => {
    if (mode) return mode;
    mode = decide(res) ? "buffer" : "pass";
    // Passing through, the wrappers stay and forward: Next's compression middleware may have
    // wrapped them in turn, and putting the originals back would cut it out.
    if (mode === "pass") resolve(null);
    return mode;
  };

  res.writeHead = function writeHead(status, reason, headers) {
    if (typeof reason !== "string") [headers, reason] = [reason, undefined];
    res.statusCode = status;
    if (reason) res.statusMessage = reason;
    applyHeaders(res, headers);
    if (choose() === "pass") return original.writeHead.call(res, res.statusCode);
    return res;
  };
  res.flushHeaders = function flushHeaders() {
    if (choose() === "pass") original.flushHeaders.call(res);
  };
  res.write = function write(chunk, encoding, cb) {
    if (choose() === "pass") return original.write.call(res, chunk, encoding, cb);
    if (mode === "ended") return true;
    if (chunk != null) chunks.push(toBuffer(chunk, encoding));
    const callback = typeof encoding === "function" ? encoding : cb;
    if (callback) queueMicrotask(() => callback());
    return true;
  };
  res.end = function end(chunk, encoding, cb) {
    if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    if (choose() === "pass") return original.end.call(res, chunk, encoding, cb);
    if (mode === "ended") return res;
    if (chunk != null) chunks.push(toBuffer(chunk, encoding));
    mode = "ended";
    if (cb) res.once("finish", cb);
    resolve({ status: res.statusCode, body: Buffer.concat(chunks) });
    return res;
  };

  return {
    done,
    abandon: () => resolve(null),
    /** Gives `res` back its real methods (Next threw before ending: the caller answers). */
    release() {
      if (mode !== "pass") Object.assign(res, original);
      mode = "pass";
      resolve(null);
    },
    send(status, body) {
      original.writeHead.call(res, status);
      original.end.call(res, body);
    },
  };
}
