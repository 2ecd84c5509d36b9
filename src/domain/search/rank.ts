import { BLOCKED, END, ListCursor, type BlockRequest, type BlockRow, type Cursor, type ExtraPostings } from "./cursor";
import { FIELDS, listKey, type Field } from "./lists";
import { leapfrog, Phrase, Union } from "./nodes";
import type { Term } from "./query";

// Ranking (docs/SEARCH.md): tier 0 when every term is in the title, tier 1 when every term is in
// the title or the summary, tier 2 otherwise; newest (lowest id) first within a tier. Matches are
// counted up to cap + 1. Work is bounded: one walk over all fields stops after cap + 1 matches;
// when it stopped early and the page still lacks title (or summary) matches, walks over the
// title (and summary) lists alone, which are short, go on from there.

export type Fetch = (requests: BlockRequest[]) => Promise<BlockRow[][]>;

export interface RankQuery {
  terms: Term[];
  /** the first id to consider (newer documents are not visible yet) */
  from: number;
  /** the id tags this search may see (lists.ts: visibleTags) */
  tags: number;
  /** how many ids of the ranking the page needs (offset + page size), at most `cap` */
  need: number;
  cap: number;
  extra: ReadonlyMap<string, ExtraPostings>;
  dead: ReadonlySet<number>;
}

export interface Ranked {
  /** the first `need` ids in rank order */
  ids: number[];
  /** matches counted, at most cap + 1 */
  counted: number;
}

const FIELD_BIT: Record<Field, number> = { title: 1, summary: 2, body: 4 };

class Query {
  readonly leaves: ListCursor[] = [];
  private readonly terms: Union[];

  constructor(q: RankQuery, fields: readonly Field[]) {
    this.terms = q.terms.map((term) => {
      const phrase = term.tokens.length > 1;
      const perField = fields.map((field) => {
        const lists = term.tokens.map(({ token }) => this.list(q, field, token, phrase));
        return lists.length === 1
          ? lists[0]!
          : new Phrase(
              lists,
              term.tokens.map((t) => t.offset),
            );
      });
      return new Union(
        perField,
        fields.map((f) => FIELD_BIT[f]),
      );
    });
  }

  advance(target: number): number {
    return leapfrog(this.terms, target);
  }

  /** 0: every term in the title; 1: in the title or summary; 2: elsewhere. */
  tier(): number {
    if (this.terms.every((t) => t.mask & FIELD_BIT.title)) return 0;
    return this.terms.every((t) => t.mask & (FIELD_BIT.title | FIELD_BIT.summary)) ? 1 : 2;
  }

  private list(q: RankQuery, field: Field, token: string, positions: boolean): Cursor {
    const key = listKey(field, token);
    const cursor = new ListCursor(key, positions, q.extra.get(key), q.dead, q.tags);
    this.leaves.push(cursor);
    return cursor;
  }
}

/** Calls `visit` with each match from `from` on, in id order, until it returns false or the end. */
async function walk(query: Query, fetch: Fetch, from: number, visit: (id: number) => boolean): Promise<void> {
  for (let t = from; ;) {
    const id = query.advance(t);
    if (id === END) return;
    if (id === BLOCKED) {
      const waiting = query.leaves.filter((l) => l.request() !== null);
      const rows = await fetch(waiting.map((l) => l.request()!));
      waiting.forEach((l, i) => l.receive(rows[i]!));
      continue;
    }
    if (!visit(id)) return;
    t = id + 1;
  }
}

export async function rank(q: RankQuery, fetch: Fetch): Promise<Ranked> {
  const tiers: number[][] = [[], [], []];
  const { need, cap } = q;
  let counted = 0;
  let last = q.from - 1;
  const all = new Query(q, FIELDS);
  await walk(all, fetch, q.from, (id) => {
    const tier = tiers[all.tier()]!;
    if (tier.length < need) tier.push(id);
    last = id;
    return ++counted <= cap;
  });
  if (counted > cap && tiers[0]!.length < need) {
    await walk(new Query(q, ["title"]), fetch, last + 1, (id) => tiers[0]!.push(id) < need);
  }
  if (counted > cap && tiers[0]!.length + tiers[1]!.length < need) {
    const upper = new Query(q, ["title", "summary"]);
    await walk(upper, fetch, last + 1, (id) => {
      if (upper.tier() === 1) tiers[1]!.push(id);
      return tiers[0]!.length + tiers[1]!.length < need;
    });
  }
  return { ids: tiers.flat().slice(0, need), counted };
}
