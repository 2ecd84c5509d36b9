import { BlockBuilder, BUILDER_LIMITS, type BuilderLimits } from "./build";
import type { EncodedBlock } from "./codec";
import type { DocText, Field } from "./lists";

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

/** A BlockBuilder for `fields`: documents in ascending id order in, their blocks out. */
export function partBuilder(fields: readonly Field[], limits: BuilderLimits = BUILDER_LIMITS) {
  const out: KeyedBlock[] = [];
  const builder = new BlockBuilder((key, block) => out.push(keyed(key, block)), limits);
  let draining: Generator<[string, EncodedBlock]> | undefined;
  return {
    /** The blocks these documents completed, in key order (rows reach the key index in runs). */
    add(ids: readonly number[], texts: readonly DocText[]): KeyedBlock[] {
      // A drain clears the builder when it ends: documents added meanwhile would be lost.
      if (draining) throw new Error("search index: documents added during a drain");
      ids.forEach((id, i) => builder.add(id, texts[i]!, fields));
      out.sort(byKey);
      return out.splice(0);
    },
    /** Open blocks take too much memory: drain them (in parts) before adding more documents. */
    get full(): boolean {
      return builder.full;
    },

    /**
     * The next `max` open blocks in key order; none once every open block is out, which ends the
     * drain. In parts, so that a drain of millions of blocks never sits in memory at once.
     */
    drain(max: number): KeyedBlock[] {
      draining ??= builder.drain();
      const blocks: KeyedBlock[] = [];
      while (blocks.length < max) {
        const next = draining.next();
        if (next.done) {
          draining = undefined;
          break;
        }
        blocks.push(keyed(...next.value));
      }
      return blocks;
    },
  };
}

/**
 * Documents to add, or the next part of a drain: `more` asks only for the next part of a drain
 * under way (none when it has ended), so that parts asked for ahead never start another drain.
 */
export type BodyRequest = { id: number; ids: number[]; bodies: string[] } | { id: number; drain: number; more?: true };

export interface BodyReply {
  id: number;
  blocks: KeyedBlock[];
  /** after an add: the builder is full, and further adds wait until a drain has ended */
  full: boolean;
}

/**
 * The body lists' builder behind requests (the rebuild's worker thread, or its one-thread
 * fallback). The rebuild sends a step's bodies before it has read the previous step's reply, so
 * an add may arrive when the builder is full: it waits, and the drain requests that the reply
 * prompted go first. The builder drains at the same point as one driven call by call, and the
 * drain goes at the pace of whoever writes its blocks.
 */
export function bodyService(
  reply: (r: BodyReply) => void,
  limits: BuilderLimits = BUILDER_LIMITS,
): (request: BodyRequest) => void {
  const part = partBuilder(["body"], limits);
  const text = (body: string): DocText => ({ title: "", summary: "", body });
  const waiting: { id: number; ids: number[]; bodies: string[] }[] = [];
  let full = false;
  let draining = false; // from a drain request until its empty reply
  const add = (r: { id: number; ids: number[]; bodies: string[] }) => {
    const blocks = part.add(r.ids, r.bodies.map(text));
    full = part.full;
    reply({ id: r.id, blocks, full });
  };
  return (request) => {
    if ("drain" in request) {
      if (request.more && !draining) return reply({ id: request.id, blocks: [], full: false });
      draining = true;
      const blocks = part.drain(request.drain);
      reply({ id: request.id, blocks, full: false });
      if (blocks.length > 0) return;
      draining = false;
      full = false;
      while (!full && waiting.length > 0) add(waiting.shift()!);
    } else if (full) waiting.push(request);
    else add(request);
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
