import "server-only";
import { releasePairs } from "@/domain/tm/pairs";
import type { Db } from "../db/client";
import { replaceReleasePairs } from "./store";

// Builds the memory from every published release (their live snapshots), a page of releases per
// transaction. `npm run tm:rebuild` runs it; `ensureTranslationMemory` at start when it is empty.

const PAGE = 100;

export async function rebuildTranslationMemory(
  db: Db,
  onProgress?: (done: number, total: number) => void,
): Promise<{ releases: number; units: number }> {
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
    if (page.length === 0) break;
    const ids = page.map((p) => p.releaseId);
    const live = await db.publication.findMany({ where: { releaseId: { in: ids } } });
    await db.$transaction(
      async (tx) => {
        for (const id of ids) {
          const zh = live.find((p) => p.releaseId === id && p.locale === "zh");
          const en = live.find((p) => p.releaseId === id && p.locale === "en");
          if (zh && en) await replaceReleasePairs(tx, id, releasePairs(zh, en));
        }
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    after = ids.at(-1)!;
    done += ids.length;
    onProgress?.(done, total);
  }
  return { releases: done, units: await db.tmUnit.count({ where: { deletedAt: null } }) };
}

/** Builds the memory once on a database that has published releases but no memory yet. */
export async function ensureTranslationMemory(db: Db): Promise<boolean> {
  if (await db.tmUnit.findFirst({ select: { id: true } })) return false;
  if (!(await db.publication.findFirst({ where: { locale: "en" }, select: { id: true } }))) return false;
  await rebuildTranslationMemory(db);
  return true;
}
