// Typed-array storage for a full rebuild (build.ts): for the open blocks, an arena of regions and
// an open-addressing table from list key to block; for the document being added, its tokens'
// positions grouped by token.

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
 * The open blocks, by list key (up to 2^53): open addressing, linear probing, and each cell holds
 * the block's bookkeeping beside its key (where its words are, how many, how many documents, the
 * region class), so a posting costs one cache miss here, not one for the key and one for the
 * block. A cell is an offset into `cells`; cells move when the table grows (in add()).
 */
export class BlockTable {
  static readonly AT = 2;
  static readonly USED = 3; // words: per document id (two words), count, positions
  static readonly DOCS = 4;
  static readonly CLS = 5;
  private static readonly STRIDE = 6; // key's high word (−1: empty), low word, then the above
  cells = new Int32Array(BlockTable.STRIDE << 16).fill(-1);
  private shift = 16;
  /** keys held */
  size = 0;

  /** The key's cell, or, when absent, −1 − the cell where add() would put it. */
  find(key: number): number {
    const hi = Math.floor(key / TWO32);
    const lo = key | 0;
    const { cells } = this;
    const end = cells.length;
    for (let c = (hashOf(lo, hi) >>> this.shift) * BlockTable.STRIDE; ; c += BlockTable.STRIDE) {
      if (c === end) c = 0;
      const h = cells[c]!;
      if (h === hi && cells[c + 1] === lo) return c;
      if (h === -1) return -1 - c;
    }
  }

  /** A new open block for `key` (absent; `found` is what find() returned), its words at `at`. */
  add(key: number, found: number, at: number): number {
    let c = -1 - found;
    if ((this.size + 1) * 2 * BlockTable.STRIDE > this.cells.length) {
      this.grow();
      c = -1 - this.find(key);
    }
    this.size++;
    const { cells } = this;
    cells[c] = Math.floor(key / TWO32);
    cells[c + 1] = key | 0;
    cells[c + BlockTable.AT] = at;
    cells[c + BlockTable.USED] = 0;
    cells[c + BlockTable.DOCS] = 0;
    cells[c + BlockTable.CLS] = 0;
    return c;
  }

  key(c: number): number {
    return this.cells[c]! * TWO32 + (this.cells[c + 1]! >>> 0);
  }

  /** The keys of the blocks that hold documents. */
  openKeys(): number[] {
    const keys: number[] = [];
    const { cells } = this;
    for (let c = 0; c < cells.length; c += BlockTable.STRIDE) {
      if (cells[c] !== -1 && cells[c + BlockTable.DOCS]! > 0) keys.push(this.key(c));
    }
    return keys;
  }

  clear(): void {
    this.cells.fill(-1);
    this.size = 0;
  }

  /** Twice the cells. */
  private grow() {
    const old = this.cells;
    this.cells = new Int32Array(2 * old.length).fill(-1);
    this.shift--;
    for (let o = 0; o < old.length; o += BlockTable.STRIDE) {
      if (old[o] === -1) continue;
      const c = -1 - this.find(old[o]! * TWO32 + (old[o + 1]! >>> 0));
      this.cells.set(old.subarray(o, o + BlockTable.STRIDE), c);
    }
  }
}

const TWO32 = 2 ** 32;

const hashOf = (lo: number, hi: number): number => Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);

/** A numeric key's (up to 2^53) hash: keep its highest bits. */
const hashKey = (key: number): number => hashOf(key | 0, Math.floor(key / TWO32));

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
