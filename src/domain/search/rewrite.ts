import { BUILDER_LIMITS, type BuilderLimits } from "./build";
import { decodeIds, decodePositions, encodeBlock, type EncodedBlock } from "./codec";

// Folds added and removed documents into the stored blocks of one list. Each document goes to the
// first block whose last id is at or above its id (else to the list's last block), so blocks
// never overlap; a block that grows too big is split evenly, an emptied one disappears.

export interface ListChange {
  /** id → positions */
  add: Map<number, number[]>;
  remove: Set<number>;
}

export interface Rewrite {
  /** `last` of the blocks to delete */
  removed: number[];
  added: EncodedBlock[];
}

interface Posting {
  id: number;
  positions: ArrayLike<number>;
}

function postingsOf(block: EncodedBlock): Posting[] {
  const ids = decodeIds(block.docs, block.last);
  const pos = decodePositions(block.pos, ids.length);
  return ids.map((id, i) => ({ id, positions: pos.values.subarray(pos.start[i], pos.start[i + 1]) }));
}

type Limits = Pick<BuilderLimits, "docs" | "positions">;

/** Even pieces within the block limits. */
function encodePieces(postings: Posting[], limits: Limits): EncodedBlock[] {
  const positions = postings.reduce((sum, p) => sum + p.positions.length, 0);
  const pieces = Math.max(Math.ceil(postings.length / limits.docs), Math.ceil(positions / limits.positions));
  const perPiece = Math.ceil(postings.length / pieces);
  const out: EncodedBlock[] = [];
  for (let start = 0; start < postings.length; start += perPiece) {
    const part = postings.slice(start, start + perPiece);
    const flat: number[] = [];
    for (const p of part) flat.push(p.positions.length, ...Array.from(p.positions));
    out.push(
      encodeBlock(
        part.map((p) => p.id),
        flat,
      ),
    );
  }
  return out;
}

/**
 * The blocks of a list to delete and to insert. `blocks` holds, for every id of the change, the
 * first block of the list whose last id is ≥ that id, else the list's last block (any order).
 */
export function rewriteList(blocks: EncodedBlock[], change: ListChange, limits: Limits = BUILDER_LIMITS): Rewrite {
  const sorted = [...blocks].sort((a, b) => a.last - b.last);
  const targets = sorted.map(() => ({ add: [] as Posting[], remove: false }));
  const ids = new Set([...change.add.keys(), ...change.remove]);
  for (const id of ids) {
    let t = sorted.findIndex((b) => b.last >= id);
    if (t < 0) t = sorted.length - 1;
    if (t < 0) continue;
    const positions = change.add.get(id);
    if (positions) targets[t]!.add.push({ id, positions });
    else targets[t]!.remove = true;
  }
  const removed: number[] = [];
  const added: EncodedBlock[] = [];
  sorted.forEach((block, i) => {
    const { add, remove } = targets[i]!;
    if (add.length === 0 && !remove) return;
    const kept = postingsOf(block).filter((p) => !change.remove.has(p.id) && !change.add.has(p.id));
    const merged = [...kept, ...add].sort((a, b) => a.id - b.id);
    removed.push(block.last);
    if (merged.length > 0) added.push(...encodePieces(merged, limits));
  });
  if (sorted.length === 0 && change.add.size > 0) {
    const fresh = [...change.add].map(([id, positions]) => ({ id, positions })).sort((a, b) => a.id - b.id);
    added.push(...encodePieces(fresh, limits));
  }
  return { removed, added };
}
