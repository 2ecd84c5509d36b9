import "server-only";
import type { Pair } from "@/domain/tm/pairs";
import { Prisma } from "../db/generated/sqlite/client";
import { textIndexFor, type Client } from "./engine";
import { preparePairs, type PreparedPair } from "./prepare";
import { stopGrams } from "./stop-grams";

// Writes to the translation memory. A pair is stored once (source and target hashes are unique)
// and linked to each release it came from; concurrent writers of the same pair both succeed
// (ON CONFLICT DO NOTHING), so a publish never fails because of the memory.

export type Via = "publish" | "xliff";
const BATCH = 100;

const pairKey = (p: { sourceHash: string; targetHash: string }) => p.sourceHash + p.targetHash;

/** Stores the pairs (new ones also in the text index) and links them to the release; returns their ids. */
export async function addPairs(tx: Client, pairs: readonly Pair[], releaseId: string, via: Via): Promise<number[]> {
  const prepared = preparePairs(pairs, (await stopGrams(tx)).set);
  const kept = [...(await storePrepared(tx, prepared)).values()]; // one per pair: its hashes are unique
  await linkUnits(
    tx,
    kept.map((unitId) => ({ unitId, releaseId })),
    via,
  );
  return kept;
}

/** Inserts prepared pairs (skipping those already stored); returns the ids of all of them. */
export async function storeBatch(tx: Client, batch: PreparedPair[]): Promise<number[]> {
  return [...(await storeKeyed(tx, batch)).values()];
}

/** Stores pairs, BATCH at a time: pair key (hashes) → unit id, for every pair not deleted for good. */
async function storePrepared(tx: Client, prepared: readonly PreparedPair[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < prepared.length; i += BATCH) {
    for (const [key, id] of await storeKeyed(tx, prepared.slice(i, i + BATCH))) ids.set(key, id);
  }
  return ids;
}

/** One batch: inserted (and put in the text index) unless already stored; key → id of each. */
async function storeKeyed(tx: Client, batch: readonly PreparedPair[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (batch.length === 0) return ids;
  const now = new Date();
  const values = Prisma.join(
    batch.map(
      (p) =>
        Prisma.sql`(${p.sourceHash}, ${p.targetHash}, ${p.source}, ${p.target}, ${p.sourceLength}, ${Prisma.join(p.keys)}, ${now}, ${now})`,
    ),
  );
  const inserted = await tx.$queryRaw<{ id: number; sourceHash: string; targetHash: string }[]>`
    INSERT INTO "TmUnit" ("sourceHash", "targetHash", "source", "target", "sourceLength",
      "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "createdAt", "updatedAt")
    VALUES ${values}
    ON CONFLICT ("sourceHash", "targetHash") DO NOTHING
    RETURNING "id", "sourceHash", "targetHash"`;
  for (const r of inserted) ids.set(pairKey(r), Number(r.id));
  await textIndexFor(tx).insert(
    tx,
    batch
      .filter((p) => ids.has(pairKey(p)))
      .map((p) => ({ id: ids.get(pairKey(p))!, source: p.source, target: p.target })),
  );
  const existing = batch.filter((p) => !ids.has(pairKey(p)));
  if (existing.length === 0) return ids;
  const found = await tx.tmUnit.findMany({
    where: { OR: existing.map((p) => ({ sourceHash: p.sourceHash, targetHash: p.targetHash })), deletedAt: null },
    select: { id: true, sourceHash: true, targetHash: true },
  });
  for (const u of found) ids.set(pairKey(u), u.id);
  return ids;
}

const LINKS_PER_INSERT = 500;

async function linkUnits(tx: Client, links: readonly { unitId: number; releaseId: string }[], via: Via) {
  const now = new Date();
  for (let i = 0; i < links.length; i += LINKS_PER_INSERT) {
    const rows = Prisma.join(
      links.slice(i, i + LINKS_PER_INSERT).map((l) => Prisma.sql`(${l.unitId}, ${l.releaseId}, ${via}, ${now})`),
    );
    await tx.$executeRaw`INSERT INTO "TmSource" ("unitId", "releaseId", "via", "createdAt") VALUES ${rows} ON CONFLICT DO NOTHING`;
  }
}

/**
 * Makes the release's "publish" pairs exactly `pairs`: new ones are added, links to pairs it no
 * longer has are dropped, and a pair that no release or import holds any more is removed.
 */
export async function replaceReleasePairs(tx: Client, releaseId: string, pairs: readonly Pair[]): Promise<void> {
  await replaceReleasesPairs(tx, [{ releaseId, pairs }]);
}

/**
 * replaceReleasePairs for many releases at once (a rebuild: a page of releases in a few
 * statements, not a few per release; a pair several of them share is stored once).
 */
export async function replaceReleasesPairs(
  tx: Client,
  releases: readonly { releaseId: string; pairs: readonly Pair[] }[],
): Promise<void> {
  if (releases.length === 0) return;
  const stop = (await stopGrams(tx)).set;
  const prepared = releases.map((r) => ({ releaseId: r.releaseId, pairs: preparePairs(r.pairs, stop) }));
  const unique = new Map<string, PreparedPair>();
  for (const r of prepared) for (const p of r.pairs) if (!unique.has(pairKey(p))) unique.set(pairKey(p), p);
  const ids = await storePrepared(tx, [...unique.values()]);
  const keep = new Map<string, Set<number>>(
    prepared.map((r) => [
      r.releaseId,
      new Set(
        r.pairs.flatMap((p) => {
          const id = ids.get(pairKey(p));
          return id === undefined ? [] : [id]; // none: deleted for good
        }),
      ),
    ]),
  );
  await linkUnits(
    tx,
    [...keep].flatMap(([releaseId, units]) => [...units].map((unitId) => ({ unitId, releaseId }))),
    "publish",
  );
  const linked = await tx.tmSource.findMany({
    where: { releaseId: { in: [...keep.keys()] }, via: "publish" },
    select: { unitId: true, releaseId: true },
  });
  const stale = linked.filter((l) => !keep.get(l.releaseId)!.has(l.unitId));
  if (stale.length === 0) return;
  for (const [releaseId, units] of groupUnits(stale)) {
    await tx.tmSource.deleteMany({ where: { releaseId, via: "publish", unitId: { in: units } } });
  }
  const orphans = await tx.tmUnit.findMany({
    where: { id: { in: [...new Set(stale.map((s) => s.unitId))] }, sources: { none: {} }, deletedAt: null },
    select: { id: true },
  });
  if (orphans.length) await tx.tmUnit.deleteMany({ where: { id: { in: orphans.map((o) => o.id) } } });
}

function groupUnits(links: readonly { unitId: number; releaseId: string }[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const l of links) {
    const units = out.get(l.releaseId);
    if (units) units.push(l.unitId);
    else out.set(l.releaseId, [l.unitId]);
  }
  return out;
}

/**
 * Deletes a bad pair for good: the row stays as a tombstone (keys zeroed, out of the text index,
 * never matched) so that republishing the release it came from does not bring it back.
 */
export async function tombstoneUnit(tx: Client, id: number): Promise<{ source: string; target: string } | null> {
  const unit = await tx.tmUnit.findFirst({ where: { id, deletedAt: null }, select: { source: true, target: true } });
  if (!unit) return null;
  const zero = { k0: 0, k1: 0, k2: 0, k3: 0, k4: 0, k5: 0, k6: 0, k7: 0 };
  await tx.tmUnit.update({ where: { id }, data: { deletedAt: new Date(), ...zero } });
  await textIndexFor(tx).remove(tx, [id]);
  return unit;
}
