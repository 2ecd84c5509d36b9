import { Arena, BlockTable, CLASSES, TokenGroups } from "./build-arena";
import { FIELD_SPAN, NAME_SPAN, NAMED, orderedKeys, pairToken, tokenName } from "./build-order";
import { BlockEncoder, type EncodedBlock } from "./codec";
import { FIELDS, listKey, MAX_POSITIONS, type DocText, type Field } from "./lists";
import { scanTokens, type TokenSink } from "./text";

// Cuts lists into blocks as documents arrive in ascending id order (a full rebuild): a list's
// block is written when it holds MAX_BLOCK_DOCS documents or MAX_BLOCK_POSITIONS positions, and
// every open block by drain(): at the end, and whenever open blocks take too much memory (`full`;
// rarer tokens then get more, smaller blocks).
//
// A rebuild adds hundreds of millions of postings, so open blocks live in typed arrays (an open
// addressing table and an arena, build-arena.ts), not in JS maps and arrays: no object per
// posting or per list for the garbage collector, and one probe per posting. An open block's
// words are, per document: the id (two words), the count of positions, the positions. Tokens are
// numbers (build-order.ts) from the text's scan to the block: a document's positions are grouped
// by token in typed arrays too, and a pair of words is two word numbers, not a string.

export const MAX_BLOCK_DOCS = 128;
export const MAX_BLOCK_POSITIONS = 1_024;
/** An id's high and low words in an open block. */
const TWO32 = 2 ** 32;

const { AT, USED, DOCS, CLS } = BlockTable;
const UNSET = -1;
const encoder = new BlockEncoder(); // blocks are taken one at a time

export interface BuilderLimits {
  /** documents per block */
  docs: number;
  /** positions per block */
  positions: number;
  /** open lists before everything is written out */
  lists: number;
  /** arena words before everything is written out */
  words: number;
}

export const BUILDER_LIMITS: BuilderLimits = {
  docs: MAX_BLOCK_DOCS,
  positions: MAX_BLOCK_POSITIONS,
  lists: 3_000_000,
  words: 64 * 2 ** 20,
};

export class BlockBuilder {
  private table = new BlockTable();
  private arena: Arena;
  private prefixes = new Map<string, number>();
  private prefixNames: string[] = [];
  private names = new Map<string, number>();
  private nameList: string[] = [];
  private lastId = Number.NEGATIVE_INFINITY;
  private coded = new TokenGroups();
  private named = new TokenGroups();
  private previous = UNSET; // the name of the word at the previous position, while scanning
  private sink: TokenSink = {
    code: (code, at) => this.coded.push(code, at),
    name: (token, at) => this.named.push(NAMED + this.name(token), at),
    word: (word, at, paired) => {
      const name = this.name(word);
      if (paired) this.named.push(pairToken(this.previous, name), at - 1);
      this.named.push(NAMED + name, at);
      this.previous = name;
    },
  };

  constructor(
    private readonly emit: (key: string, block: EncodedBlock) => void,
    private readonly limits: BuilderLimits = BUILDER_LIMITS,
  ) {
    this.arena = new Arena(limits.words);
  }

  /** The document's lists of these fields. */
  add(id: number, text: DocText, fields: readonly Field[] = FIELDS): void {
    if (id <= this.lastId) throw new Error("search index: documents must come in ascending id order");
    this.lastId = id;
    const { coded, named } = this;
    for (const field of fields) {
      const base = this.intern(this.prefixes, this.prefixNames, listKey(field, "")) * FIELD_SPAN;
      scanTokens(text[field], MAX_POSITIONS[field], this.sink);
      this.previous = UNSET;
      // Codes before names, each in the order they first occur: the order of the string maps
      // this replaced, so that blocks are cut where they were (the same index, byte for byte).
      for (const group of [coded, named]) {
        group.group();
        for (let t = 0; t < group.size; t++) {
          this.post(base + group.tokens[t]!, id, group.positions, group.start[t]!, group.count[t]!);
        }
      }
    }
  }

  /** Open blocks take more than the limits allow: time to drain(). */
  get full(): boolean {
    return this.table.size > this.limits.lists || this.arena.size > this.limits.words;
  }

  /** Every open block, in (nearly) key order (build-order.ts); then none is open. */
  *drain(): Generator<[string, EncodedBlock]> {
    const open = this.table.openKeys();
    const keys = orderedKeys({ keys: open, prefixes: this.prefixNames, names: this.nameList });
    for (const key of keys) yield [this.keyName(key), this.take(this.table.find(key))];
    this.table.clear();
    this.arena.clear();
    // No open block names a token now: the names start over, so they do not grow with the archive.
    this.names.clear();
    this.nameList.length = 0;
  }

  /** Writes every open block through `emit`, in key order. */
  flush(): void {
    for (const [key, block] of this.drain()) this.emit(key, block);
  }

  private intern(map: Map<string, number>, list: string[], name: string): number {
    let i = map.get(name);
    if (i === undefined) map.set(name, (i = list.push(name) - 1));
    return i;
  }

  /** A token's name index; names start over at each drain, so the lists limit bounds them. */
  private name(token: string): number {
    const i = this.intern(this.names, this.nameList, token);
    if (i >= NAME_SPAN) throw new Error("search index: too many names for one builder");
    return i;
  }

  /** A posting: `count` positions of `positions` from `from`. */
  private post(key: number, id: number, positions: Int32Array, from: number, count: number): void {
    const { table, arena } = this;
    let c = table.find(key);
    if (c < 0) c = table.add(key, c, arena.alloc(0));
    const cells = table.cells;
    const need = cells[c + USED]! + 3 + count;
    if (need > 8 << cells[c + CLS]!) this.move(c, need);
    const words = arena.words;
    let w = cells[c + AT]! + cells[c + USED]!;
    words[w++] = Math.floor(id / TWO32);
    words[w++] = (id % TWO32) | 0;
    words[w++] = count;
    for (let p = from; p < from + count; p++) words[w++] = positions[p]!;
    cells[c + USED] = need;
    const docs = ++cells[c + DOCS]!;
    if (docs >= this.limits.docs || need - 3 * docs >= this.limits.positions) this.write(c);
  }

  /** Moves the open block of cell `c` to a region of at least `words` words. */
  private move(c: number, words: number): void {
    const { arena } = this;
    const cells = this.table.cells;
    let cls = cells[c + CLS]!;
    while (8 << cls < words) cls++;
    if (cls >= CLASSES) throw new Error("search index: too many positions for one posting");
    const at = arena.alloc(cls);
    arena.words.copyWithin(at, cells[c + AT]!, cells[c + AT]! + cells[c + USED]!);
    arena.release(cells[c + AT]!, cells[c + CLS]!);
    cells[c + AT] = at;
    cells[c + CLS] = cls;
  }

  private write(c: number): void {
    this.emit(this.keyName(this.table.key(c)), this.take(c));
  }

  /** The open block of cell `c`, encoded; the block is then empty. */
  private take(c: number): EncodedBlock {
    const words = this.arena.words;
    const cells = this.table.cells;
    const n = cells[c + DOCS]!;
    for (let w = cells[c + AT]!, i = 0; i < n; i++) {
      const count = words[w + 2]!;
      encoder.doc(words[w]! * TWO32 + (words[w + 1]! >>> 0), words, w + 3, count);
      w += 3 + count;
    }
    cells[c + USED] = 0;
    cells[c + DOCS] = 0;
    return encoder.block();
  }

  private keyName(key: number): string {
    return this.prefixNames[Math.floor(key / FIELD_SPAN)]! + tokenName(key % FIELD_SPAN, this.nameList);
  }
}
