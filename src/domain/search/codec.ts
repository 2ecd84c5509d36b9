// Posting blocks as bytes: unsigned varints (7 bits a byte, low first), numbers up to 2^53.
// A block lists documents of one index list in ascending id order (newest first, see
// docs/SEARCH.md), with the positions of the token in each document.
//
// docs: n, last − first id, then the gaps between consecutive ids, minus one
// pos:  per document: count − 1, first position, then gaps minus one

export class ByteWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }

  reset(): this {
    this.len = 0;
    return this;
  }

  uint(value: number): void {
    if (this.len + 8 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    let v = value;
    while (v >= 2 ** 31) {
      this.buf[this.len++] = (v % 128) + 128;
      v = Math.floor(v / 128);
    }
    while (v >= 128) {
      this.buf[this.len++] = (v & 127) | 128; // the common case in 32-bit arithmetic
      v >>>= 7;
    }
    this.buf[this.len++] = v;
  }

  get length(): number {
    return this.len;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export class ByteReader {
  at = 0;
  constructor(private readonly buf: Uint8Array) {}

  uint(): number {
    let b = this.buf[this.at++]!;
    if (b < 128) return b;
    let value = b - 128;
    let scale = 128;
    for (;;) {
      b = this.buf[this.at++]!;
      if (b === undefined) throw new Error("search index: truncated block");
      if (b < 128) return value + b * scale;
      value += (b - 128) * scale;
      scale *= 128;
    }
  }
}

export interface EncodedBlock {
  /** the highest (oldest) document id in the block: its place in the list */
  last: number;
  n: number;
  docs: Uint8Array;
  pos: Uint8Array;
}

/**
 * Encodes one block at a time, document by document, straight from where its postings are held
 * (a rebuild's arena, build.ts): no array of ids or positions per block.
 */
export class BlockEncoder {
  private ids = new Float64Array(256);
  private n = 0;
  private readonly docs = new ByteWriter(1 << 12);
  private readonly pos = new ByteWriter(1 << 14);

  /** The next document, ids ascending: its `count` positions (ascending) are from[at ..]. */
  doc(id: number, from: ArrayLike<number>, at: number, count: number): void {
    if (this.n === this.ids.length) {
      const ids = new Float64Array(2 * this.n);
      ids.set(this.ids);
      this.ids = ids;
    }
    this.ids[this.n++] = id;
    const pos = this.pos;
    let prev = from[at]!;
    pos.uint(count - 1);
    pos.uint(prev);
    for (let j = 1; j < count; j++) {
      const p = from[at + j]!;
      pos.uint(p - prev - 1);
      prev = p;
    }
  }

  /** The block of the documents given since the last one. */
  block(): EncodedBlock {
    const { ids, n } = this;
    const docs = this.docs.reset();
    const last = ids[n - 1]!;
    docs.uint(n);
    docs.uint(last - ids[0]!);
    for (let i = 1; i < n; i++) docs.uint(ids[i]! - ids[i - 1]! - 1);
    const block = { last, n, docs: docs.bytes(), pos: this.pos.bytes() };
    this.n = 0;
    this.pos.reset();
    return block;
  }
}

// Blocks are encoded one at a time: one encoder serves them all.
const encoder = new BlockEncoder();

/**
 * `ids` ascending and distinct; `positions` holds, for each document in turn, its count of
 * positions followed by the positions, ascending.
 */
export function encodeBlock(ids: readonly number[], positions: readonly number[]): EncodedBlock {
  for (let i = 0, at = 0; i < ids.length; i++) {
    const count = positions[at]!;
    encoder.doc(ids[i]!, positions, at + 1, count);
    at += 1 + count;
  }
  return encoder.block();
}

/** The `positions` argument of encodeBlock for these lists of positions. */
export function flatPositions(lists: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (const list of lists) out.push(list.length, ...list);
  return out;
}

export function decodeIds(docs: Uint8Array, last: number): number[] {
  const r = new ByteReader(docs);
  const n = r.uint();
  const ids = new Array<number>(n);
  let id = last - r.uint();
  ids[0] = id;
  for (let i = 1; i < n; i++) ids[i] = id += r.uint() + 1;
  if (id !== last) throw new Error("search index: block ids do not end at its key");
  return ids;
}

/** Positions of every document of a block: those of document i are values[start[i] .. start[i+1]). */
export interface BlockPositions {
  start: Int32Array;
  values: Int32Array;
}

export function decodePositions(pos: Uint8Array, n: number): BlockPositions {
  const r = new ByteReader(pos);
  const start = new Int32Array(n + 1);
  let values = new Int32Array(Math.max(16, n * 2));
  let len = 0;
  for (let i = 0; i < n; i++) {
    start[i] = len;
    const count = r.uint() + 1;
    if (len + count > values.length) {
      const next = new Int32Array(Math.max(values.length * 2, len + count));
      next.set(values);
      values = next;
    }
    let p = r.uint();
    values[len++] = p;
    for (let j = 1; j < count; j++) values[len++] = p += r.uint() + 1;
  }
  start[n] = len;
  return { start, values: values.subarray(0, len) };
}
