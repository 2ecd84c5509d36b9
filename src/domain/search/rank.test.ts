import fc from "fast-check";
import { expect, test } from "vitest";
import { BlockBuilder } from "./build";
import type { EncodedBlock } from "./codec";
import type { BlockRequest, BlockRow, ExtraPostings } from "./cursor";
import { documentListMap, FIELDS, type DocText } from "./lists";
import { parseQuery, type Term } from "./query";
import { rank, type RankQuery } from "./rank";
import { rewriteList, type ListChange } from "./rewrite";
import { positionalTokens } from "./text";

// rank() over blocks (built, then changed by rewriteList), pending postings and dead ids, against
// a plain reading of the same documents: same page, same capped count.

interface Doc {
  id: number;
  /** role and language: the id's lowest three bits */
  tag: number;
  text: DocText;
}

const LIMITS = { docs: 3, positions: 6, lists: 40, words: 1 << 20 };
const alphabet = ["国", "家", "知", "识", "产", "权", "ip5", " patent ", " office ", " of ", " the ", " ", "，", "5G"];
const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 14 }).map((a) => a.join(""));
const docArb = fc.record({
  tag: fc.integer({ min: 0, max: 7 }),
  text: fc.record({ title: textArb, summary: textArb, body: textArb }),
});
const queryArb = fc
  .array(fc.constantFrom(...alphabet, '"', " "), { minLength: 1, maxLength: 6 })
  .map((a) => a.join(""));

/** Fields (bits: title 1, summary 2, body 4) where the term's tokens sit at their offsets. */
function fieldsOf(doc: Doc, term: Term): number {
  let bits = 0;
  FIELDS.forEach((field, f) => {
    const tokens = positionalTokens(doc.text[field], 1_000);
    const first = tokens.get(term.tokens[0]!.token) ?? [];
    const hit = first.some((p) => {
      const start = p - term.tokens[0]!.offset;
      return term.tokens.every((t) => (tokens.get(t.token) ?? []).includes(start + t.offset));
    });
    if (hit) bits |= 1 << f;
  });
  return bits;
}

function oracle(docs: Doc[], q: RankQuery): { ids: number[]; counted: number } {
  const hits: { id: number; tier: number }[] = [];
  for (const d of docs) {
    if (((q.tags >> d.tag) & 1) === 0 || d.id < q.from || q.dead.has(d.id)) continue;
    const masks = q.terms.map((t) => fieldsOf(d, t));
    if (masks.some((m) => m === 0)) continue;
    const tier = masks.every((m) => m & 1) ? 0 : masks.every((m) => m & 3) ? 1 : 2;
    hits.push({ id: d.id, tier });
  }
  hits.sort((a, b) => a.tier - b.tier || a.id - b.id);
  return { ids: hits.slice(0, q.need).map((h) => h.id), counted: Math.min(hits.length, q.cap + 1) };
}

class MemoryIndex {
  lists = new Map<string, EncodedBlock[]>();
  fetches = 0;

  build(docs: Doc[]) {
    const builder = new BlockBuilder((key, block) => this.put(key, [block]), LIMITS);
    for (const d of [...docs].sort((a, b) => a.id - b.id)) {
      builder.add(d.id, d.text);
      if (builder.full) builder.flush();
    }
    builder.flush();
  }

  change(key: string, change: ListChange) {
    const blocks = this.lists.get(key) ?? [];
    const { removed, added } = rewriteList(blocks, change, LIMITS);
    this.lists.set(
      key,
      blocks.filter((b) => !removed.includes(b.last)),
    );
    this.put(key, added);
  }

  fetch = async (requests: BlockRequest[]): Promise<BlockRow[][]> => {
    // A search that fetches without end would spin on resolved promises: no timeout could stop it.
    if (++this.fetches > 1_000) throw new Error("too many fetches");
    return requests.map((r) =>
      (this.lists.get(r.key) ?? [])
        .filter((b) => b.last >= r.from)
        .slice(0, r.limit)
        .map((b) => ({ last: b.last, docs: b.docs, pos: r.positions ? b.pos : null })),
    );
  };

  private put(key: string, blocks: EncodedBlock[]) {
    const list = [...(this.lists.get(key) ?? []), ...blocks].sort((a, b) => a.last - b.last);
    this.lists.set(key, list);
  }
}

/** Pending additions as the extra postings a search reads. */
function extraOf(docs: Doc[]): Map<string, ExtraPostings> {
  const extra = new Map<string, ExtraPostings>();
  for (const d of [...docs].sort((a, b) => a.id - b.id)) {
    for (const [key, positions] of documentListMap(d.text)) {
      const list = extra.get(key) ?? { ids: [], positions: [] };
      list.ids.push(d.id);
      list.positions.push(positions);
      extra.set(key, list);
    }
  }
  return extra;
}

// The lowest three bits of an id are its tag (lists.ts).
const withIds = (docs: Omit<Doc, "id">[], ids: number[]): Doc[] =>
  docs.map((d, i) => ({ ...d, id: ids[i]! * 8 + d.tag }));

test("rank agrees with a plain reading: built, merged, pending and dead documents", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(docArb, { minLength: 1, maxLength: 30 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 5_000 }), { minLength: 30, maxLength: 30 }),
      fc.array(queryArb, { minLength: 1, maxLength: 4 }),
      fc.record({
        merged: fc.nat(30),
        pending: fc.nat(30),
        dead: fc.nat(30),
        removedAfter: fc.nat(30),
        floor: fc.integer({ min: 0, max: 20_000 }),
        tags: fc.integer({ min: 1, max: 255 }),
        cap: fc.integer({ min: 1, max: 12 }),
        need: fc.nat(12),
      }),
      async (raw, ids, queries, o) => {
        const docs = withIds(raw, ids);
        // Built in bulk, then some added through rewriteList, some left pending, some removed.
        const built = docs.filter((_, i) => i % 3 !== 1 || i >= o.merged);
        const merged = docs.filter((_, i) => i % 3 === 1 && i < o.merged);
        const index = new MemoryIndex();
        index.build(built.filter((_, i) => i < o.pending || i % 2 === 0));
        const pending = built.filter((_, i) => !(i < o.pending || i % 2 === 0));
        for (const [key, list] of extraOf(merged)) {
          index.change(key, { add: new Map(list.ids.map((id, i) => [id, list.positions[i]!])), remove: new Set() });
        }
        const removed = docs.filter((_, i) => i >= o.removedAfter && i % 4 === 0 && !pending.includes(docs[i]!));
        for (const d of removed)
          for (const key of documentListMap(d.text).keys()) {
            index.change(key, { add: new Map(), remove: new Set([d.id]) });
          }
        const alive = docs.filter((d) => !removed.includes(d));
        const dead = new Set(alive.filter((_, i) => i < o.dead && i % 5 === 0).map((d) => d.id));
        for (const query of queries) {
          const parsed = parseQuery(query);
          if (!parsed.ok) continue;
          const q: RankQuery = {
            terms: parsed.terms,
            from: o.floor,
            tags: o.tags,
            need: Math.min(o.need, o.cap),
            cap: o.cap,
            extra: extraOf(pending),
            dead,
          };
          expect(await rank(q, index.fetch)).toEqual(oracle(alive, q));
        }
      },
    ),
    { numRuns: 300 },
  );
}, 120_000);

test("a phrase of common tokens that rarely line up reads each block once, however long the lists", async () => {
  // Every document holds the three bigrams of 知识产权 apart; only the oldest holds the phrase.
  // The body lists outgrow the largest fetch (256 blocks of 3), so cursors must ask for more
  // from where they stopped, not from where the walk started.
  const apart = Array.from({ length: 1_200 }, (_, i) => ({
    id: (i + 1) * 8,
    tag: 0,
    text: { title: "", summary: "", body: "知识 识产 产权" },
  }));
  const docs: Doc[] = [...apart, { id: 1_201 * 8, tag: 0, text: { title: "", summary: "", body: "知识产权" } }];
  const index = new MemoryIndex();
  index.build(docs);
  const parsed = parseQuery("知识产权");
  if (!parsed.ok) throw new Error("query rejected");
  const q: RankQuery = {
    terms: parsed.terms,
    from: 0,
    tags: 1,
    need: 10,
    cap: 1_000,
    extra: new Map(),
    dead: new Set(),
  };
  expect(await rank(q, index.fetch)).toEqual({ ids: [1_201 * 8], counted: 1 });
  // 401 blocks per list in batches of 4, 16, 64, 256, 256: five round trips.
  expect(index.fetches).toBeLessThanOrEqual(6);
});
