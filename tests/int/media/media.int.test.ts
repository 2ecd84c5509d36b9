import { rmSync } from "node:fs";
import { afterAll, vi } from "vitest";
import { DatabaseStore } from "../../../src/server/media/store/database";
import { accessSuite } from "./access-suite";
import { db, tempCacheDir, type Backend } from "./helpers";
import { librarySuite } from "./library-suite";
import { uploadSuite } from "./upload-suite";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// Media on the database store (MEDIA_STORAGE=database, the default), against the suite's real
// database: SQLite here, PostgreSQL under `npm run test:pg`. media-s3.int.test.ts runs the same on S3.
process.env.MEDIA_STORAGE = "database";
const cacheDir = tempCacheDir();
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const backend: Backend = { name: "database", store: () => new DatabaseStore(db) };
uploadSuite(backend);
accessSuite(backend);
librarySuite(backend);
