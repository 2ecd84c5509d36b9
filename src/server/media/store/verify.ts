import "server-only";
import { createHash } from "node:crypto";
import { Readable, Transform, pipeline } from "node:stream";
import { StorageError } from "./types";

// Checking bytes against their recorded size and SHA-256 while they stream.

export const sha256Hex = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Passes bytes through; fails at the end (or as soon as too many arrive) unless size and SHA-256 match. */
export function verifying(expected: { key: string; size: number; sha256: string }): Transform {
  const hash = createHash("sha256");
  let seen = 0;
  const corrupt = (what: string) =>
    new StorageError("corrupt", `${expected.key}: ${what} does not match what was stored (checksum mismatch)`);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > expected.size) return done(corrupt("size"));
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      if (seen !== expected.size) return done(corrupt("size"));
      if (hash.digest("hex") !== expected.sha256) return done(corrupt("content"));
      done();
    },
  });
}

/**
 * Like verifying(), but holds back the last piece until the checksum is known: a consumer (an S3
 * upload) never receives the whole declared length of bytes that turn out wrong.
 */
export function verifyingBeforeEnd(expected: { key: string; size: number; sha256: string }): Transform {
  const hash = createHash("sha256");
  let seen = 0;
  let held: Buffer | null = null;
  const corrupt = () =>
    new StorageError("corrupt", `${expected.key}: the bytes do not match the expected size and SHA-256`);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > expected.size) return done(corrupt());
      hash.update(chunk);
      const previous = held;
      held = chunk;
      done(null, previous ?? undefined);
    },
    flush(done) {
      if (seen !== expected.size || hash.digest("hex") !== expected.sha256) return done(corrupt());
      done(null, held ?? undefined);
    },
  });
}

/** Counts and hashes what passes through; read `result()` after the stream ended. */
export function measuring(): Transform & { result: () => { size: number; sha256: string } } {
  const hash = createHash("sha256");
  let size = 0;
  let digest: string | undefined;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return Object.assign(t, { result: () => ({ size, sha256: (digest ??= hash.digest("hex")) }) });
}

/** `data` as a stream (a Buffer becomes a one-chunk stream). */
export const asStream = (data: Buffer | Readable): Readable =>
  Buffer.isBuffer(data) ? Readable.from([data], { objectMode: false }) : data;

/** Splits a byte stream into pieces of exactly `size` bytes (the last one shorter). */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    let chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (length + chunk.length >= size) {
      const take = size - length;
      pending.push(chunk.subarray(0, take));
      yield Buffer.concat(pending);
      chunk = chunk.subarray(take);
      pending = [];
      length = 0;
    }
    if (chunk.length) {
      pending.push(chunk);
      length += chunk.length;
    }
  }
  if (length) yield Buffer.concat(pending);
}

/** `source` checked against `expected`: the returned stream fails if the bytes do not match. */
export function verifiedStream(source: Readable, expected: { key: string; size: number; sha256: string }): Readable {
  const checked = verifying(expected);
  pipeline(source, checked, () => undefined); // an error in either ends up on `checked`
  return checked;
}
