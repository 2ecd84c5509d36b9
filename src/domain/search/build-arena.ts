// Typed-array storage for a full rebuild (build.ts): for the open blocks, an arena of regions,
// per-block bookkeeping and an open-addressing table from list key to block; for the document
// being added, its tokens' positions grouped by token.

/** Region sizes: 8 << class words, up to a posting with the most positions a field keeps. */
export const CLASSES = 12;

/** Regions of an Int32Array in power-of-two sizes (8 << class words), reused through free lists. */
export class Arena {
  words = new Int32Array(1 << 20);
  private top = 0;
  private free: number[][] = Array.from({ length: CLASSES }, () => []);

  /**
   * `expected`: the words a full builder stops at. Doubling stops there plus an eighth (what one
   * step may add past the limit) rather than at twice the limit, which would double the peak.
   */
  constructor(private readonly expected = Number.POSITIVE_INFINITY) {}

  alloc(cls: number): number {
    const reused = this.free[cls]!.pop();
    if (reused !== undefined) return reused;
    const at = this.top;
    this.top += 8 << cls;
    if (this.top > this.words.length) {
      const grown = new Int32Array(Math.max(this.top, this.nextLength()));
      grown.set(this.words);
      this.words = grown;
    }
    return at;
  }

  private nextLength(): number {
    const doubled = this.words.length * 2;
    const cap = Math.ceil((this.expected * 9) / 8);
    return this.words.length < cap && doubled > cap ? cap : doubled;
  }

  release(at: number, cls: number): void {
    this.free[cls]!.push(at);
  }

  get size(): number {
    return this.top;
  }

  clear(): void {
    this.top = 0;
    this.free.forEach((f) => (f.length = 0));
  }
}

/**
 * An open block per list: where its words are, how many, how many documents, the region class,
 * side by side in one array (one cache line per posting), and its key.
 */
export class Slots {
  static readonly AT = 0;
  static readonly USED = 1; // words: per document id (two words), count, positions
  static readonly DOCS = 2;
  static readonly CLS = 3;
  count = 0;
  info = new Int32Array(4 << 16);
  key = new Float64Array(1 << 16);

  add(key: number, at: number): number {
    if (this.count === this.key.length) {
      const info = new Int32Array(this.info.length * 2);
      info.set(this.info);
      this.info = info;
      const keys = new Float64Array(this.key.length * 2);
      keys.set(this.key);
      this.key = keys;
    }
    const s = this.count++;
    this.key[s] = key;
    this.info.fill(0, 4 * s, 4 * s + 4);
    this.info[4 * s + Slots.AT] = at;
    return s;
  }
}

/** Open addressing, linear probing: numeric key (up to 2^53) → slot, side by side. Cleared as a whole. */
export class KeyTable {
  private cells = new Float64Array(2 << 16).fill(-1); // key, slot
  private mask = (1 << 16) - 1;
  private shift = 16;
  private size = 0;

  get(key: number): number {
    for (let i = this.hash(key); ; i = (i + 1) & this.mask) {
      const k = this.cells[2 * i]!;
      if (k === key) return this.cells[2 * i + 1]!;
      if (k === -1) return -1;
    }
  }

  set(key: number, slot: number): void {
    if ((this.size + 1) * 4 > this.cells.length) this.rehash(this.cells.length);
    let i = this.hash(key);
    while (this.cells[2 * i] !== -1 && this.cells[2 * i] !== key) i = (i + 1) & this.mask;
    if (this.cells[2 * i] === -1) this.size++;
    this.cells[2 * i] = key;
    this.cells[2 * i + 1] = slot;
  }

  clear(): void {
    this.cells.fill(-1);
    this.size = 0;
  }

  private hash(key: number): number {
    return hashKey(key) >>> this.shift;
  }

  /** Twice the cells: `capacity` entries. */
  private rehash(capacity: number) {
    const old = this.cells;
    this.cells = new Float64Array(2 * capacity).fill(-1);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== -1) this.set(old[i]!, old[i + 1]!);
  }
}

/** A numeric key's (up to 2^53) hash: keep its highest bits. */
function hashKey(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296);
  return Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
}

const atLeast = <T extends Int32Array | Float64Array>(a: T, length: number): T => {
  if (length <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(length, 2 * a.length));
  b.set(a);
  return b;
};

/**
 * One document's tokens (numeric keys) and their positions, pushed in position order, then grouped
 * by token: the tokens in the order they first occur, each with its positions in order. Typed
 * arrays reused from document to document: no map or array per token for the garbage collector.
 */
export class TokenGroups {
  private keys = new Float64Array(1 << 12);
  private at = new Int32Array(1 << 12);
  private n = 0;
  private slots = new Int32Array(1 << 13); // 1 + token index, 0: empty
  private of = new Int32Array(1 << 12); // per pushed position: its token's index
  private next = new Int32Array(1 << 12); // per token: where its next position goes
  /** the distinct tokens, in the order they first occur */
  tokens = new Float64Array(1 << 12);
  /** per token: how many positions, and where they start in `positions` */
  count = new Int32Array(1 << 12);
  start = new Int32Array(1 << 12);
  /** token count after group() */
  size = 0;
  /** the positions, token after token */
  positions = new Int32Array(1 << 12);

  push(key: number, at: number): void {
    if (this.n === this.keys.length) {
      this.keys = atLeast(this.keys, this.n + 1);
      this.at = atLeast(this.at, this.n + 1);
    }
    this.keys[this.n] = key;
    this.at[this.n++] = at;
  }

  /** Groups the pushed positions by token (tokens, count, start, positions); then takes new ones. */
  group(): void {
    const n = this.n;
    let bits = 1;
    while (1 << bits < 2 * n) bits++;
    const mask = (1 << bits) - 1;
    this.slots = atLeast(this.slots, mask + 1);
    this.slots.fill(0, 0, mask + 1);
    this.of = atLeast(this.of, n);
    this.tokens = atLeast(this.tokens, n);
    this.count = atLeast(this.count, n);
    this.start = atLeast(this.start, n);
    this.positions = atLeast(this.positions, n);
    const { keys, slots, of, tokens, count } = this;
    let size = 0;
    for (let e = 0; e < n; e++) {
      const key = keys[e]!;
      let h = hashKey(key) >>> (32 - bits);
      let t = slots[h]! - 1;
      while (t >= 0 && tokens[t] !== key) {
        h = (h + 1) & mask;
        t = slots[h]! - 1;
      }
      if (t < 0) {
        t = size++;
        slots[h] = t + 1;
        tokens[t] = key;
        count[t] = 0;
      }
      of[e] = t;
      count[t]!++;
    }
    this.next = atLeast(this.next, size);
    const { start, next, positions, at } = this;
    for (let t = 0, sum = 0; t < size; t++) {
      start[t] = next[t] = sum;
      sum += count[t]!;
    }
    for (let e = 0; e < n; e++) positions[next[of[e]!]!++] = at[e]!;
    this.size = size;
    this.n = 0;
  }
}
