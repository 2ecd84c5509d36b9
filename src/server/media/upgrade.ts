import "server-only";
import { existsSync } from "node:fs";
import pg from "pg";
import type { Db } from "../db/client";
import { isPostgresUrl, type Env } from "../env";
import { moveMedia, type MoveReport } from "./move";
import { DiskStore } from "./store/disk";
import type { MediaStore } from "./store";
import { rebuildMediaUses } from "./uses";

// Work the media migration leaves for the next start (table _newsroom_tasks): record which media
// existing bodies use, and copy the files of the old MEDIA_DIR into the configured store (the
// folder itself is left alone). Several instances starting together: one does it, under a lock.

const LOCK = 7243002;

export async function pendingTasks(db: Db): Promise<string[]> {
  try {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_newsroom_tasks" ORDER BY "name"`);
    return rows.map((r) => r.name);
  } catch {
    return []; // a database from before the media migration has no task table yet
  }
}

export async function finishTask(db: Db, name: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "_newsroom_tasks" WHERE "name" = ${name}`;
}

/** Runs `work` while holding a PostgreSQL advisory lock (one instance at a time); SQLite runs it directly. */
async function underLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  if (!isPostgresUrl(url)) return work();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK]).catch(() => undefined);
    await client.end();
  }
}

export interface TaskLines {
  info: (line: string) => void;
  progress?: (done: number, total: number) => void;
}

/** Copies MEDIA_DIR's files into `store` (kept on disk); a store failure throws and the task stays pending. */
async function copyFromDisk(env: Env, store: MediaStore, out: TaskLines): Promise<MoveReport | null> {
  if (!existsSync(env.MEDIA_DIR)) return null;
  const report = await moveMedia(new DiskStore(env.MEDIA_DIR), store, { keepSource: true, onProgress: out.progress });
  if (report.total === 0) return null;
  out.info(
    `Copied ${report.copied + report.already} media files from ${env.MEDIA_DIR} into the media store (${store.location}).`,
  );
  for (const f of report.failed) out.info(`  not copied: ${f.key}: ${f.reason}`);
  out.info(`${env.MEDIA_DIR} is no longer used: keep it until you have checked the site, then delete it.`);
  return report;
}

/** The pending media tasks, each marked done once it completed. */
export async function runMediaTasks(db: Db, env: Env, store: MediaStore, out: TaskLines): Promise<void> {
  if ((await pendingTasks(db)).length === 0) return;
  await underLock(env.DATABASE_URL, async () => {
    const pending = await pendingTasks(db); // another instance may have done them while we waited
    if (pending.includes("media-uses")) {
      const { uses } = await rebuildMediaUses(db);
      if (uses > 0) out.info(`Recorded ${uses} media uses of existing releases.`);
      await finishTask(db, "media-uses");
    }
    if (pending.includes("media-files-from-disk")) {
      try {
        await copyFromDisk(env, store, out);
      } catch (error) {
        throw new Error(
          `Copying the media files of ${env.MEDIA_DIR} into ${store.location} failed: ${(error as Error).message}\n` +
            "Fix the media storage settings (docs/OPERATIONS.md, Media) and start again: the copy resumes where it stopped.",
          { cause: error },
        );
      }
      await finishTask(db, "media-files-from-disk");
    }
  });
}
