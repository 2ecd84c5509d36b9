import { BLOCKED, END, type Cursor } from "./cursor";

// Cursors over cursors, all in ascending id order: a union (either language, any of some fields),
// a phrase (tokens at fixed offsets from one another, in one list per token) and the query (all
// terms). Each answers advance(target) with the first match at or after target, END, or BLOCKED
// when some list below needs a fetch; asking again after the fetch resumes where it stopped.

export class Union implements Cursor {
  /** which children are at the current document, as bits */
  mask = 0;
  private current = -1;
  private heads: number[];

  constructor(
    private readonly children: Cursor[],
    private readonly bits: number[] = children.map((_, i) => 1 << i),
  ) {
    this.heads = children.map(() => -1);
  }

  advance(target: number): number {
    let min = END;
    let blocked = false;
    this.children.forEach((c, i) => {
      const d = this.heads[i]! >= target ? this.heads[i]! : c.advance(target);
      this.heads[i] = d;
      if (d === BLOCKED) blocked = true;
      else if (d < min) min = d;
    });
    if (blocked) return BLOCKED;
    this.mask = 0;
    this.children.forEach((_, i) => {
      if (this.heads[i] === min) this.mask |= this.bits[i]!;
    });
    return (this.current = min);
  }

  positions(): ArrayLike<number> {
    const i = this.heads.findIndex((d) => d === this.current);
    return this.children[i]!.positions();
  }
}

/** Documents where each child's token sits at its offset from a common start. */
export class Phrase implements Cursor {
  constructor(
    private readonly children: Cursor[],
    private readonly offsets: number[],
  ) {}

  advance(target: number): number {
    for (let t = target; ; t++) {
      t = leapfrog(this.children, t);
      if (t === BLOCKED || t === END || this.children.length === 1 || this.aligned()) return t;
    }
  }

  positions(): ArrayLike<number> {
    return this.children[0]!.positions();
  }

  private aligned(): boolean {
    const lists = this.children.map((c) => c.positions());
    const at = lists.map(() => 0);
    const first = lists[0]!;
    for (let i = 0; i < first.length; i++) {
      const start = first[i]! - this.offsets[0]!;
      let all = true;
      for (let k = 1; k < lists.length && all; k++) {
        const list = lists[k]!;
        const want = start + this.offsets[k]!;
        while (at[k]! < list.length && list[at[k]!]! < want) at[k]!++;
        all = at[k]! < list.length && list[at[k]!] === want;
      }
      if (all) return true;
    }
    return false;
  }
}

/**
 * The first id at or after `target` on which every cursor agrees (or END / BLOCKED). When one
 * cursor is blocked, the others still move up to the target, so every fetch they need is known
 * at once (one round trip instead of one per cursor).
 */
export function leapfrog(cursors: Cursor[], target: number): number {
  let t = target;
  for (let agreed = 0, i = 0; agreed < cursors.length; i = (i + 1) % cursors.length) {
    const d = cursors[i]!.advance(t);
    if (d === END) return END;
    if (d === BLOCKED) {
      for (const c of cursors) if (c.advance(t) === END) return END;
      return BLOCKED;
    }
    if (d === t) agreed++;
    else {
      t = d;
      agreed = 1;
    }
  }
  return t;
}
