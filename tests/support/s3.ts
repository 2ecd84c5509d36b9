// A real S3-protocol server (s3rver) on a loopback port chosen by the system, for tests and
// benchmarks of MEDIA_STORAGE=s3. Credentials S3RVER/S3RVER; the bucket exists from the start.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "../../src/server/media/store/s3";

export interface TestS3 {
  settings: S3Settings;
  /** where s3rver keeps the objects (to corrupt one on purpose) */
  directory: string;
  /** Environment variables that point the app at this server. */
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/** Starts s3rver; give `directory` and `port` to start it again where a stopped one was. */
export async function startS3(bucket = "newsroom-media", directory?: string, port = 0): Promise<TestS3> {
  const dir = directory ?? mkdtempSync(path.join(tmpdir(), "newsroom-s3rver-"));
  const server = new S3rver({
    port,
    address: "127.0.0.1",
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  let stopped = false;
  const settings: S3Settings = {
    bucket,
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${address.port}`,
    forcePathStyle: true,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    prefix: "",
  };
  return {
    settings,
    directory: dir,
    env: {
      MEDIA_STORAGE: "s3",
      MEDIA_S3_BUCKET: bucket,
      MEDIA_S3_REGION: "us-east-1",
      MEDIA_S3_ENDPOINT: settings.endpoint!,
      MEDIA_S3_FORCE_PATH_STYLE: "true",
      MEDIA_S3_ACCESS_KEY_ID: "S3RVER",
      MEDIA_S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Keep-alive sockets of the SDK would hold close() open.
      (server as unknown as { httpServer?: { closeAllConnections(): void } }).httpServer?.closeAllConnections();
      await server.close();
      if (!directory) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The file in which s3rver keeps the object whose key ends with `keyEnd` (to damage it on purpose). */
export function findObjectFile(directory: string, keyEnd: string): string {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((e) =>
      statSync(path.join(d, e)).isDirectory() ? walk(path.join(d, e)) : [path.join(d, e)],
    );
  const hit = walk(directory).find((f) => f.endsWith(`${keyEnd}._S3rver_object`));
  if (!hit) throw new Error(`no s3rver object for ${keyEnd}`);
  return hit;
}
