import "server-only";
import { db } from "../db";
import { env } from "../env";
import { log } from "../log";
import { cacheFor, storeFor } from "./store";

// The app's media store (MEDIA_STORAGE) and this instance's local cache, one of each per process.

export const appMediaStore = () => storeFor(env(), db);

export const appMediaCache = () =>
  cacheFor(env(), (msg, fields) => log.warn({ ...fields, dir: env().MEDIA_CACHE_DIR }, msg));
