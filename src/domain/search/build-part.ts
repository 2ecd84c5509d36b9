import { BlockBuilder } from "./build";
import type { EncodedBlock } from "./codec";
import { documentLists, type DocText, type Field } from "./lists";

// A full rebuild's lists of some fields (body in one thread, title and summary in another: see
// src/server/search/build-split.ts), and its blocks packed into a few arrays for postMessage
// (millions of small objects and buffers would be cloned one by one).

export interface KeyedBlock extends EncodedBlock {
  key: string;
}

/** Blocks as arrays: per block its key, last id and count, and where its docs and pos bytes end. */
export interface BlockPack {
  keys: string[];
  last: Float64Array<ArrayBuffer>;
  n: Int32Array<ArrayBuffer>;
  /** per block: end of its docs bytes, end of its pos bytes (in `bytes`, each after the previous) */
  ends: Int32Array<ArrayBuffer>;
  bytes: Uint8Array<ArrayBuffer>;
}

// A literal of one shape, not a spread: millions of blocks pass here.
const keyed = (key: string, b: EncodedBlock): KeyedBlock => ({ key, last: b.last, n: b.n, docs: b.docs, pos: b.pos });

const byKey = (a: KeyedBlock, b: KeyedBlock) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.last - b.last);

/** A BlockBuilder for `fields`: documents in ascending id order in, the blocks they complete out. */
export function partBuilder(fields: readonly Field[]) {
  const out: KeyedBlock[] = [];
  const builder = new BlockBuilder((key, block) => out.push(keyed(key, block)));
  let draining: Generator<[string, EncodedBlock]> | undefined;
  return {
    /**
     * The blocks these documents completed, in key order (rows reach the key index in runs), then,
     * when open blocks take too much memory, every open block (a drain), in key order too.
     */
    add(ids: readonly number[], texts: readonly DocText[]): KeyedBlock[] {
      ids.forEach((id, i) => builder.add(id, documentLists(texts[i]!, fields)));
      out.sort(byKey);
      if (builder.full) builder.flush();
      return out.splice(0);
    },
    /** The next `max` open blocks in key order (none: every block is out), for the end of a rebuild. */
    drain(max: number): KeyedBlock[] {
      draining ??= builder.drain();
      const blocks: KeyedBlock[] = [];
      for (let next = draining.next(); !next.done; next = draining.next()) {
        blocks.push(keyed(...next.value));
        if (blocks.length >= max) break;
      }
      return blocks;
    },
  };
}

/** The body lists alone (the rebuild's worker thread, or its one-thread fallback): bodies in, blocks out. */
export function bodyPart() {
  const part = partBuilder(["body"]);
  const text = (body: string): DocText => ({ title: "", summary: "", body });
  return {
    add: (ids: readonly number[], bodies: readonly string[]) => part.add(ids, bodies.map(text)),
    drain: (max: number) => part.drain(max),
  };
}

export function packBlocks(blocks: readonly KeyedBlock[]): BlockPack {
  const size = blocks.reduce((sum, b) => sum + b.docs.length + b.pos.length, 0);
  const pack: BlockPack = {
    keys: blocks.map((b) => b.key),
    last: new Float64Array(blocks.length),
    n: new Int32Array(blocks.length),
    ends: new Int32Array(2 * blocks.length),
    bytes: new Uint8Array(size),
  };
  let at = 0;
  blocks.forEach((b, i) => {
    pack.last[i] = b.last;
    pack.n[i] = b.n;
    pack.bytes.set(b.docs, at);
    pack.ends[2 * i] = at += b.docs.length;
    pack.bytes.set(b.pos, at);
    pack.ends[2 * i + 1] = at += b.pos.length;
  });
  return pack;
}

/** The blocks of a pack (their bytes are views of the pack's). */
export function unpackBlocks(pack: BlockPack): KeyedBlock[] {
  let at = 0;
  return pack.keys.map((key, i) => {
    const docs = pack.bytes.subarray(at, (at = pack.ends[2 * i]!));
    const pos = pack.bytes.subarray(at, (at = pack.ends[2 * i + 1]!));
    return { key, last: pack.last[i]!, n: pack.n[i]!, docs, pos };
  });
}
