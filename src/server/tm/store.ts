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

/** Stores the pairs (new ones also in the text index) and links them to the release; returns their ids. */
export async function addPairs(tx: Client, pairs: readonly Pair[], releaseId: string, via: Via): Promise<number[]> {
  const prepared = preparePairs(pairs, (await stopGrams(tx)).set);
  const ids: number[] = [];
  for (let i = 0; i < prepared.length; i += BATCH) {
    ids.push(...(await storeBatch(tx, prepared.slice(i, i + BATCH))));
  }
  if (ids.length) {
    const links = Prisma.join(ids.map((id) => Prisma.sql`(${id}, ${releaseId}, ${via}, ${new Date()})`));
    await tx.$executeRaw`INSERT INTO "TmSource" ("unitId", "releaseId", "via", "createdAt") VALUES ${links} ON CONFLICT DO NOTHING`;
  }
  return ids;
}

/** Inserts prepared pairs (skipping those already stored); returns the ids of all of them. */
export async function storeBatch(tx: Client, batch: PreparedPair[]): Promise<number[]> {
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
  const key = (r: { sourceHash: string; targetHash: string }) => r.sourceHash + r.targetHash;
  const fresh = new Map(inserted.map((r) => [key(r), Number(r.id)]));
  await textIndexFor(tx).insert(
    tx,
    batch.filter((p) => fresh.has(key(p))).map((p) => ({ id: fresh.get(key(p))!, source: p.source, target: p.target })),
  );
  const existing = batch.filter((p) => !fresh.has(key(p)));
  if (existing.length === 0) return [...fresh.values()];
  const found = await tx.tmUnit.findMany({
    where: { OR: existing.map((p) => ({ sourceHash: p.sourceHash, targetHash: p.targetHash })), deletedAt: null },
    select: { id: true },
  });
  return [...fresh.values(), ...found.map((u) => u.id)];
}

/**
 * Makes the release's "publish" pairs exactly `pairs`: new ones are added, links to pairs it no
 * longer has are dropped, and a pair that no release or import holds any more is removed.
 */
export async function replaceReleasePairs(tx: Client, releaseId: string, pairs: readonly Pair[]): Promise<void> {
  const keep = await addPairs(tx, pairs, releaseId, "publish");
  const stale = await tx.tmSource.findMany({
    where: { releaseId, via: "publish", unitId: { notIn: keep } },
    select: { unitId: true },
  });
  if (stale.length === 0) return;
  const unitIds = stale.map((s) => s.unitId);
  await tx.tmSource.deleteMany({ where: { releaseId, via: "publish", unitId: { in: unitIds } } });
  const orphans = await tx.tmUnit.findMany({
    where: { id: { in: unitIds }, sources: { none: {} }, deletedAt: null },
    select: { id: true },
  });
  if (orphans.length) await tx.tmUnit.deleteMany({ where: { id: { in: orphans.map((o) => o.id) } } });
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
