import { decodeIds, decodePositions, type BlockPositions } from "./codec";

// A cursor over one index list: stored blocks, fetched lazily in growing batches, merged with
// postings not yet folded into blocks (`extra`), skipping documents known to be gone (`dead`).
// advance() never waits: when it needs blocks it has not fetched, it answers BLOCKED and says
// which (request()); the caller fetches them, hands them over (receive()) and asks again.

export const END = Number.POSITIVE_INFINITY;
export const BLOCKED = -1;

export interface BlockRow {
  last: number;
  docs: Uint8Array;
  pos: Uint8Array | null;
}

export interface BlockRequest {
  key: string;
  /** blocks whose last id is at least this */
  from: number;
  limit: number;
  positions: boolean;
}

/** Postings of one list outside its blocks, ascending by id. */
export interface ExtraPostings {
  ids: number[];
  positions: number[][];
}

export interface Cursor {
  advance(target: number): number;
  /** positions of the token in the current document (after advance returned its id) */
  positions(): ArrayLike<number>;
}

interface Loaded {
  ids: number[];
  raw: Uint8Array | null;
  pos: BlockPositions | null;
}

const FIRST_BATCH = 4;
const MAX_BATCH = 256;

export class ListCursor implements Cursor {
  private blocks: Loaded[] = [];
  private at = 0; // posting index in blocks[0]
  private exhausted = false;
  private want: number | null = null;
  private batch = FIRST_BATCH;
  private e = 0; // index in extra
  private fromExtra = false;
  private floor = Number.NEGATIVE_INFINITY; // the highest target asked for

  /** Only ids whose lowest three bits are in `tags` (a bit set, lists.ts: visibleTags) count. */
  constructor(
    readonly key: string,
    private readonly withPositions: boolean,
    private readonly extra: ExtraPostings | undefined,
    private readonly dead: ReadonlySet<number>,
    private readonly tags = 0xff,
  ) {}

  advance(target: number): number {
    // A cursor only moves forward. Callers that resume after a fetch may ask again from an older
    // target; the fetch this cursor waits for must still start where it stopped, or it would
    // reload the blocks it has passed, again and again (a phrase of common tokens never ended).
    if (target > this.floor) this.floor = target;
    for (;;) {
      const stored = this.storedFrom(this.floor);
      const extra = this.extraFrom(this.floor);
      if (stored === BLOCKED) return BLOCKED;
      const id = Math.min(stored, extra);
      if (id === END || (((this.tags >> (id % 8)) & 1) === 1 && !this.dead.has(id))) {
        this.fromExtra = extra < stored;
        return id;
      }
      this.floor = id + 1; // skipped: another role or language, or a removed document
    }
  }

  positions(): ArrayLike<number> {
    if (this.fromExtra) return this.extra!.positions[this.e]!;
    const block = this.blocks[0]!;
    block.pos ??= decodePositions(block.raw!, block.ids.length);
    return block.pos.values.subarray(block.pos.start[this.at], block.pos.start[this.at + 1]);
  }

  /** The fetch this cursor waits for, if any. */
  request(): BlockRequest | null {
    if (this.want === null) return null;
    return { key: this.key, from: this.want, limit: this.batch, positions: this.withPositions };
  }

  receive(rows: BlockRow[]): void {
    const asked = this.batch;
    this.exhausted = rows.length < asked;
    this.batch = Math.min(MAX_BATCH, this.batch * 4);
    for (const row of rows) this.blocks.push({ ids: decodeIds(row.docs, row.last), raw: row.pos, pos: null });
    this.want = null;
  }

  private storedFrom(target: number): number {
    while (this.blocks.length > 0) {
      const ids = this.blocks[0]!.ids;
      if (ids[ids.length - 1]! >= target) {
        while (ids[this.at]! < target) this.at++;
        return ids[this.at]!;
      }
      this.blocks.shift();
      this.at = 0;
    }
    if (this.exhausted) return END;
    this.want = target;
    return BLOCKED;
  }

  private extraFrom(target: number): number {
    const ids = this.extra?.ids;
    if (!ids) return END;
    while (this.e < ids.length && ids[this.e]! < target) this.e++;
    return this.e < ids.length ? ids[this.e]! : END;
  }
}
