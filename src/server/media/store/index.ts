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
export function createStore(kind: StoreKind, env: Env, db: Db | (() => Db)): MediaStore {
  if (kind === "database") return new DatabaseStore(db);
  if (kind === "disk") return new DiskStore(env.MEDIA_DIR);
  const s3 = s3SettingsOf(env);
  if (!s3) throw new Error("MEDIA_S3_BUCKET is not set: S3 needs a bucket (see docs/OPERATIONS.md, Media)");
  return new S3Store(s3);
}

const globalForMedia = globalThis as unknown as {
  newsroomMediaStore?: { config: string; store: MediaStore };
  newsroomMediaCache?: MediaCache;
};

/** The process's media store, as configured (rebuilt if the configuration it was built from changed). */
export function storeFor(env: Env, db: () => Db): MediaStore {
  const config = JSON.stringify([env.MEDIA_STORAGE, s3SettingsOf(env), env.MEDIA_DIR]);
  const current = globalForMedia.newsroomMediaStore;
  if (current?.config === config) return current.store;
  const store = createStore(env.MEDIA_STORAGE, env, db);
  globalForMedia.newsroomMediaStore = { config, store };
  return store;
}

/** The process's local cache of served files. */
export function cacheFor(env: Env, problem?: (msg: string, fields: Record<string, unknown>) => void): MediaCache {
  const max = env.MEDIA_CACHE_MB * 1024 * 1024;
  const current = globalForMedia.newsroomMediaCache;
  if (current?.dir === env.MEDIA_CACHE_DIR && current.maxBytes === max) return current;
  return (globalForMedia.newsroomMediaCache = new MediaCache(env.MEDIA_CACHE_DIR, max, problem));
}
