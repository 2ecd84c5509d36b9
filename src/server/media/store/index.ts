import "server-only";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import { MediaCache } from "./cache";
import { DatabaseStore } from "./database";
import { DiskStore } from "./disk";
import { S3Store, type S3Settings } from "./s3";
import type { MediaStore, StoreKind } from "./types";

// Which store the app uses (MEDIA_STORAGE) and the instance's local cache, built once per process.

export type { MediaStore, ObjectInfo, StoreKind } from "./types";
export { StorageError, isStorageKey } from "./types";
export { MediaCache } from "./cache";

export function s3SettingsOf(env: Env): S3Settings | null {
  if (!env.MEDIA_S3_BUCKET) return null;
  return {
    bucket: env.MEDIA_S3_BUCKET,
    region: env.MEDIA_S3_REGION,
    endpoint: env.MEDIA_S3_ENDPOINT,
    forcePathStyle: env.MEDIA_S3_FORCE_PATH_STYLE,
    accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID,
    secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY,
    prefix: env.MEDIA_S3_PREFIX,
  };
}

/** A store of the given kind; S3 needs MEDIA_S3_BUCKET (checked by the configuration for MEDIA_STORAGE=s3). */
export function createStore(kind: StoreKind, env: Env, db: Db): MediaStore {
  if (kind === "database") return new DatabaseStore(db);
  if (kind === "disk") return new DiskStore(env.MEDIA_DIR);
  const s3 = s3SettingsOf(env);
  if (!s3) throw new Error("MEDIA_S3_BUCKET is not set: S3 needs a bucket (see docs/OPERATIONS.md, Media)");
  return new S3Store(s3);
}

const globalForMedia = globalThis as unknown as { newsroomMediaStore?: MediaStore; newsroomMediaCache?: MediaCache };

/** The process's media store, as configured. */
export function storeFor(env: Env, db: Db): MediaStore {
  return (globalForMedia.newsroomMediaStore ??= createStore(env.MEDIA_STORAGE, env, db));
}

/** The process's local cache of served files. */
export function cacheFor(env: Env, problem?: (msg: string, fields: Record<string, unknown>) => void): MediaCache {
  return (globalForMedia.newsroomMediaCache ??= new MediaCache(
    env.MEDIA_CACHE_DIR,
    env.MEDIA_CACHE_MB * 1024 * 1024,
    problem,
  ));
}
