import "server-only";
import { minHashKeys, normalizeSegment } from "@/domain/tm/keys";
import { releasePairs } from "@/domain/tm/pairs";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { isPostgres, type Client } from "./engine";
import { learnFromMemory, stopGrams } from "./stop-grams";
import { replaceReleasesPairs } from "./store";

// `npm run tm:rebuild`: every published release's pairs (from the live snapshots), then the stop
// bigrams learned again and every unit's keys recomputed with them. `ensureTranslationMemory` runs
// at start: a first build, or new keys once the memory has grown four times since they were learned.

const PAGE = 100;
const REKEY_PAGE = 1_000;
const RELEARN_FROM = 5_000;

type Progress = (step: "pairs" | "keys", done: number, total: number) => void;

/**
 * Set while a rebuild runs, removed when it ends: a rebuild stopped halfway (Ctrl-C during the
 * first start's build) left some units, which alone would pass for a built memory.
 */
const UNFINISHED = "tm.rebuildUnfinished";

export async function rebuildTranslationMemory(
  db: Db,
  onProgress?: Progress,
): Promise<{ releases: number; units: number }> {
  const since = new Date().toISOString();
  await db.appSetting.upsert({
    where: { key: UNFINISHED },
    create: { key: UNFINISHED, value: since },
    update: { value: since },
  });
  const releases = await addPublishedPairs(db, onProgress);
  await learnFromMemory(db);
  await rekeyMemory(db, onProgress);
  await db.appSetting.deleteMany({ where: { key: UNFINISHED } });
  return { releases, units: await db.tmUnit.count({ where: { deletedAt: null } }) };
}

async function addPublishedPairs(db: Db, onProgress?: Progress): Promise<number> {
  const total = await db.publication.count({ where: { locale: "en" } });
  let after = "";
  let done = 0;
  for (;;) {
    const page = await db.publication.findMany({
      where: { locale: "en", releaseId: { gt: after } },
      orderBy: { releaseId: "asc" },
      take: PAGE,
      select: { releaseId: true },
    });
    if (page.length === 0) return done;
    const ids = page.map((p) => p.releaseId);
    const live = await db.publication.findMany({ where: { releaseId: { in: ids } } });
    const of = (id: string, locale: string) => live.find((p) => p.releaseId === id && p.locale === locale);
    const releases = ids.flatMap((releaseId) => {
      const zh = of(releaseId, "zh");
      const en = of(releaseId, "en");
      return zh && en ? [{ releaseId, pairs: releasePairs(zh, en) }] : [];
    });
    await db.$transaction((tx) => replaceReleasesPairs(tx, releases), { timeout: 120_000, maxWait: 10_000 });
    after = ids.at(-1)!;
    done += ids.length;
    onProgress?.("pairs", done, total);
  }
}

/** Recomputes every live unit's keys with the current stop bigrams. */
export async function rekeyMemory(db: Db, onProgress?: Progress): Promise<void> {
  const stop = (await stopGrams(db)).set;
  const total = await db.tmUnit.count({ where: { deletedAt: null } });
  let after = 0;
  let done = 0;
  for (;;) {
    const page = await db.tmUnit.findMany({
      where: { id: { gt: after }, deletedAt: null },
      orderBy: { id: "asc" },
      take: REKEY_PAGE,
      select: { id: true, source: true },
    });
    if (page.length === 0) return;
    const rows = page.map((u) => ({
      id: u.id,
      keys: minHashKeys(normalizeSegment(u.source), stop) ?? Array(8).fill(1),
    }));
    await db.$transaction((tx) => writeKeys(tx, rows), { timeout: 120_000 });
    after = page.at(-1)!.id;
    done += page.length;
    onProgress?.("keys", done, total);
  }
}

async function writeKeys(tx: Client, rows: { id: number; keys: number[] }[]) {
  if (isPostgres(tx)) {
    const col = (i: number) => rows.map((r) => r.keys[i]!);
    await tx.$executeRaw`UPDATE "TmUnit" AS u SET "k0" = v.k0, "k1" = v.k1, "k2" = v.k2, "k3" = v.k3, "k4" = v.k4, "k5" = v.k5, "k6" = v.k6, "k7" = v.k7
      FROM unnest(${rows.map((r) => r.id)}::int[], ${col(0)}::int[], ${col(1)}::int[], ${col(2)}::int[], ${col(3)}::int[], ${col(4)}::int[], ${col(5)}::int[], ${col(6)}::int[], ${col(7)}::int[])
        AS v(id, k0, k1, k2, k3, k4, k5, k6, k7)
      WHERE u."id" = v.id`;
    return;
  }
  // One statement for the page (SQLite 3.33+: UPDATE … FROM), not one update per unit.
  const values = Prisma.join(rows.map((r) => Prisma.sql`(${r.id}, ${Prisma.join(r.keys)})`));
  await tx.$executeRaw`UPDATE "TmUnit" SET "k0" = v.column2, "k1" = v.column3, "k2" = v.column4, "k3" = v.column5,
      "k4" = v.column6, "k5" = v.column7, "k6" = v.column8, "k7" = v.column9
    FROM (VALUES ${values}) AS v
    WHERE "TmUnit"."id" = v.column1`;
}

/**
 * At start: a first build when there are published releases but no memory (or a rebuild was
 * stopped halfway: it is done again, and what it had stored is kept); new keys once it has grown.
 */
export async function ensureTranslationMemory(db: Db, onProgress?: Progress): Promise<"built" | "rekeyed" | null> {
  const unfinished = await db.appSetting.findUnique({ where: { key: UNFINISHED }, select: { key: true } });
  if (unfinished || !(await db.tmUnit.findFirst({ select: { id: true } }))) {
    if (!unfinished && !(await db.publication.findFirst({ where: { locale: "en" }, select: { id: true } }))) {
      return null;
    }
    await rebuildTranslationMemory(db, onProgress);
    return "built";
  }
  const units = await db.tmUnit.count({ where: { deletedAt: null } });
  const { learnedFrom } = await stopGrams(db);
  if (units < RELEARN_FROM || units < learnedFrom * 4) return null;
  await learnFromMemory(db);
  await rekeyMemory(db, onProgress);
  return "rekeyed";
}
