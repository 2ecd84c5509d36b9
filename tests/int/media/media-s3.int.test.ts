import { rmSync } from "node:fs";
import { afterAll, beforeAll, vi } from "vitest";
import { S3Store } from "../../../src/server/media/store/s3";
import { startS3, type TestS3 } from "../../support/s3";
import { accessSuite } from "./access-suite";
import { tempCacheDir, type Backend } from "./helpers";
import { librarySuite } from "./library-suite";
import { uploadSuite } from "./upload-suite";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// The media suites on S3 (MEDIA_STORAGE=s3) through a real S3-protocol server (s3rver): the same
// uploads, access rule and library as on the database store.
let s3: TestS3;
const cacheDir = tempCacheDir();
beforeAll(async () => {
  s3 = await startS3();
  Object.assign(process.env, s3.env); // before the routes first read the configuration
});
afterAll(async () => {
  await s3?.stop();
  rmSync(cacheDir, { recursive: true, force: true });
});

const backend: Backend = { name: "s3", store: () => new S3Store(s3.settings) };
uploadSuite(backend);
accessSuite(backend);
librarySuite(backend);
