import { expect, test } from "vitest";
import { BlockBuilder } from "./build";
import { bodyService, partBuilder, type BodyReply, type KeyedBlock } from "./build-part";
import { decodeIds } from "./codec";

// Small limits, so that a few documents fill the builder and a drain takes several parts.
const LIMITS = { docs: 4, positions: 12, lists: 30, words: 1 << 20 };

const BODIES = Array.from({ length: 40 }, (_, i) =>
  i % 3 === 0
    ? `Press office ${i} answers journalists about release ${i % 7} and patents.`
    : `国家知识产权局第${i}次发布专利统计数据，答记者问${i % 5}。`,
);
const IDS = BODIES.map((_, i) => 10 + 3 * i);
const text = (body: string) => ({ title: "", summary: "", body });

/** Every block a builder driven call by call writes: add, and a whole flush whenever it is full. */
function reference(): KeyedBlock[] {
  const out: KeyedBlock[] = [];
  const builder = new BlockBuilder((key, b) => out.push({ key, ...b }), LIMITS);
  IDS.forEach((id, i) => {
    builder.add(id, text(BODIES[i]!), ["body"]);
    if (builder.full) builder.flush();
  });
  builder.flush();
  return out;
}

/** key → document ids, over all blocks: what a search reads. */
function postings(blocks: readonly KeyedBlock[]): Map<string, number[]> {
  const lists = new Map<string, number[]>();
  for (const b of blocks) lists.set(b.key, [...(lists.get(b.key) ?? []), ...decodeIds(b.docs, b.last)]);
  return lists;
}

const sameBlocks = (a: readonly KeyedBlock[], b: readonly KeyedBlock[]) => {
  const order = (x: KeyedBlock, y: KeyedBlock) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.last - y.last);
  const plain = (bs: readonly KeyedBlock[]) =>
    [...bs].sort(order).map((x) => ({ key: x.key, last: x.last, n: x.n, docs: [...x.docs], pos: [...x.pos] }));
  expect(plain(a)).toEqual(plain(b));
};

test("a full part builder drains in parts of at most `max` blocks, and writes the blocks of one flush", () => {
  const part = partBuilder(["body"], LIMITS);
  const out: KeyedBlock[] = [];
  let drains = 0;
  const drain = () => {
    for (let blocks = part.drain(5); blocks.length > 0; blocks = part.drain(5)) {
      expect(blocks.length).toBeLessThanOrEqual(5);
      out.push(...blocks);
    }
    drains++;
  };
  IDS.forEach((id, i) => {
    out.push(...part.add([id], [text(BODIES[i]!)]));
    if (part.full) drain();
  });
  drain();
  expect(drains).toBeGreaterThan(3);
  sameBlocks(out, reference());
});

test("documents added during a drain are refused, not lost", () => {
  const part = partBuilder(["body"], LIMITS);
  part.add(IDS.slice(0, 10), BODIES.slice(0, 10).map(text));
  expect(part.full).toBe(true);
  expect(part.drain(2)).toHaveLength(2);
  expect(() => part.add([1_000], [text("迟到")])).toThrow(/during a drain/);
  while (part.drain(50).length > 0);
  expect(part.add([1_000], [text("迟到的文件")])).toEqual([]); // the drain has ended: accepted
});

test("the body service holds adds sent ahead until the drain their predecessor prompted has ended", () => {
  const replies: BodyReply[] = [];
  const send = bodyService((r) => replies.push(r), LIMITS);
  let id = 0;
  const out: KeyedBlock[] = [];
  const reply = (n: number) => replies.find((r) => r.id === n);
  // The rebuild's pace: step k is sent before step k-1's reply has been read.
  let ahead = ++id;
  send({ id: ahead, ids: [IDS[0]!], bodies: [BODIES[0]!] });
  let fullSeen = 0;
  const drainAll = () => {
    for (;;) {
      const d = ++id;
      send({ id: d, drain: 3 });
      const blocks = reply(d)!.blocks;
      if (blocks.length === 0) return;
      out.push(...blocks);
    }
  };
  for (let i = 1; i <= IDS.length; i++) {
    const previous = ahead;
    if (i < IDS.length) send({ id: (ahead = ++id), ids: [IDS[i]!], bodies: [BODIES[i]!] });
    const r = reply(previous)!;
    expect(r).toBeDefined();
    out.push(...r.blocks);
    if (r.full) {
      fullSeen++;
      if (i < IDS.length) expect(reply(ahead)).toBeUndefined(); // waits for the drain
      drainAll();
    }
  }
  drainAll();
  expect(fullSeen).toBeGreaterThan(3);
  sameBlocks(out, reference());
  expect(postings(out).get("bpatent")).toEqual(IDS.filter((_, i) => i % 3 === 0));
});

test("parts asked for ahead of a drain's end come back empty, and never start another drain", () => {
  const replies: BodyReply[] = [];
  const send = bodyService((r) => replies.push(r), LIMITS);
  const reply = (n: number) => replies.find((r) => r.id === n);
  const out: KeyedBlock[] = [];
  let id = 0;
  const add = (i: number) => {
    send({ id: ++id, ids: [IDS[i]!], bodies: [BODIES[i]!] });
    return id;
  };
  /** A whole drain, three parts asked for ahead of the one read; the ids of the parts. */
  const drain = () => {
    const asked: number[] = [];
    const ask = (more: boolean) => {
      asked.push(++id);
      send(more ? { id, drain: 4, more: true } : { id, drain: 4 });
    };
    [false, true, true, true].forEach(ask);
    for (let k = 0; ; k++) {
      const blocks = reply(asked[k]!)!.blocks;
      if (blocks.length === 0) return asked.slice(k);
      out.push(...blocks);
      ask(true);
    }
  };
  let i = 0;
  let drains = 0;
  while (i < IDS.length) {
    const r = reply(add(i++))!;
    out.push(...r.blocks);
    if (!r.full || i === IDS.length) continue;
    // Full: the next add waits for the drain, and goes in once it has ended.
    const waiting = add(i++);
    expect(reply(waiting)).toBeUndefined();
    const beyond = drain();
    drains++;
    expect(beyond).toHaveLength(4);
    expect(beyond.every((n) => reply(n)!.blocks.length === 0)).toBe(true);
    const late = reply(waiting)!;
    out.push(...late.blocks);
    // A late part asked for ahead does not drain the documents added since.
    send({ id: ++id, drain: 4, more: true });
    expect(reply(id)!.blocks).toEqual([]);
    if (late.full) {
      drain();
      drains++;
    }
  }
  drain();
  expect(drains).toBeGreaterThan(3);
  sameBlocks(out, reference());
});
