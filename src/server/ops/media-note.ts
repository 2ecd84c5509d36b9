import "server-only";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { s3SettingsOf } from "../media/store";

// What a database backup means for media (docs/OPERATIONS.md, "Backups and media"), said plainly by
// db:backup and db:restore: with MEDIA_STORAGE=database the files are in the database (so in the
// backup); with S3 they are not, and the bucket needs its own backup.

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function mediaBackupNote(env: Env, db: Db | null, verb: "backup" | "restore"): Promise<string> {
  if (env.MEDIA_STORAGE === "s3") {
    const s3 = s3SettingsOf(env)!;
    const where = `s3://${s3.bucket}/${s3.prefix}`;
    return verb === "backup"
      ? `Media files are NOT in this backup: they are in ${where}. Back up the bucket too (versioning or ` +
          `replication, or e.g. aws s3 sync ${where} /srv/backups/media/); a restored database needs the files it lists.`
      : `Media files are not restored: they stay in ${where}. Restore the bucket from its own backup if needed.`;
  }
  if (!db) return "Media files (MEDIA_STORAGE=database) are in the database, so in its backup.";
  const agg = await db.storedFile.aggregate({ where: { key: { not: null } }, _count: true, _sum: { size: true } });
  const files = `${agg._count} media files (${size(agg._sum.size ?? 0)})`;
  return verb === "backup"
    ? `${files} are stored in the database: they are in this backup.`
    : `${files} came back with the database.`;
}
