// How long keeping the index current takes: the index work of a save (inside its transaction,
// from the old text to the pending rows) and of a publish, then merging those changes into the
// blocks (what the server does in the background after each save).
import { textToDoc } from "../../src/domain/release/content";
import type { Db } from "../../src/server/db/client";
import { runWorkflow, saveContent } from "../../src/server/releases/lifecycle";
import { beginSearchSync, mergeSearchIndex } from "../../src/server/search";
import { summarize, type Sample, type Timing } from "./bench-measure";

export interface WriteTimings {
  /** index work inside a save's transaction */
  syncSave: Timing;
  /** index work inside a publish's transaction (the live snapshot replaced) */
  syncPublish: Timing;
  /** a whole save through the app (transaction, revision, audit, index) */
  save: Timing;
  /** a whole publish through the app */
  publish: Timing;
  /** merging the changes of all those saves and publishes */
  mergeMs: number;
  merged: number;
}

async function editors(db: Db) {
  const user = await db.user.findFirst({
    where: { role: { in: ["EDITOR", "ADMIN"] } },
    select: { id: true, role: true },
  });
  if (!user) throw new Error("the corpus has no editor");
  return { id: user.id, role: user.role } as const;
}

export async function timeWrites(db: Db, saves: number): Promise<WriteTimings> {
  const actor = await editors(db);
  const releases = await db.release.findMany({
    where: { status: "PUBLISHED", contents: { some: { locale: "en" } } },
    select: { id: true, version: true },
    orderBy: { id: "desc" },
    take: saves,
  });
  // The index work alone: the old text captured, the rows changed as a save (working copy) or a
  // publish (live snapshot) changes them, the index brought in line.
  const syncOf = async (table: "releaseContent" | "publication") => {
    const out: Sample[] = [];
    for (const r of releases) {
      await db.$transaction(async (tx) => {
        const done = await beginSearchSync(tx, r.id);
        const text = `基准测试修改${r.id}。`;
        if (table === "releaseContent")
          await tx.releaseContent.updateMany({
            where: { releaseId: r.id, locale: "zh" },
            data: { bodyText: text, updatedAt: new Date() },
          });
        else await tx.publication.updateMany({ where: { releaseId: r.id, locale: "zh" }, data: { bodyText: text } });
        const t0 = performance.now();
        await done();
        out.push({ ms: performance.now() - t0, cpu: 0, query: r.id, total: 0 });
      });
    }
    return out;
  };
  const sync = await syncOf("releaseContent");
  const syncPublished = await syncOf("publication");
  const save: Sample[] = [];
  const publish: Sample[] = [];
  for (const r of releases) {
    const current = await db.release.findUniqueOrThrow({ where: { id: r.id }, select: { version: true } });
    const en = await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale: "en" } });
    const input = {
      title: en.title,
      summary: en.summary,
      slug: en.slug,
      body: JSON.stringify(textToDoc(`${en.bodyText} Edited.`)),
    };
    let t0 = performance.now();
    const saved = await saveContent(db, actor, r.id, "en", input, current.version);
    save.push({ ms: performance.now() - t0, cpu: 0, query: r.id, total: 0 });
    if (!saved.ok) throw new Error(`save failed: ${saved.code}`);
    t0 = performance.now();
    const published = await runWorkflow(db, actor, r.id, { type: "publish" }, saved.value.version);
    publish.push({ ms: performance.now() - t0, cpu: 0, query: r.id, total: 0 });
    if (!published.ok) throw new Error(`publish failed: ${published.code}`);
  }
  const t0 = performance.now();
  const merged = await mergeSearchIndex(db);
  return {
    syncSave: summarize(sync),
    syncPublish: summarize(syncPublished),
    save: summarize(save),
    publish: summarize(publish),
    mergeMs: performance.now() - t0,
    merged,
  };
}
