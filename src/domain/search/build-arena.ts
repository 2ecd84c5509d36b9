// Typed-array storage for the open blocks of a full rebuild (build.ts): an arena of regions,
// per-block bookkeeping, and an open-addressing table from list key to block.

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
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296);
    return Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
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
