// `npm run bench:media [-- --runs N --only sqlite,postgresql,s3]`: throughput of the media stores
// (docs/BENCHMARKS.md, "Media"): the database store on SQLite, on PostgreSQL (TEST_DATABASE_URL,
// which is WIPED; skipped when unset) and S3 through s3rver in its own process. Prints the median
// and the spread (min–max) of N runs (default 5) for each figure.
import "dotenv/config";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { DatabaseStore } from "../src/server/media/store/database";
import { S3Store } from "../src/server/media/store/s3";
import type { MediaStore } from "../src/server/media/store";
import { benchFiles, benchPhotos, measureRun, type RunFigures } from "./bench/media";

const arg = (name: string) =>
  process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined;
const runs = Number(arg("runs") ?? 5);
const only = new Set((arg("only") ?? "sqlite,postgresql,s3").split(","));
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cell = (xs: number[]) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;

async function freshDb(url: string): Promise<Db> {
  if (url.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
  }
  await migrate(url);
  return createDb(url);
}

async function startS3rver(dir: string): Promise<{ endpoint: string; stop: () => void }> {
  const child = spawn("node", ["scripts/bench/s3rver-child.mjs", dir, "bench-media"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve) =>
    child.stdout.once("data", (c: Buffer) => resolve(c.toString().trim())),
  );
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => void child.kill("SIGTERM") };
}

async function bench(name: string, db: Db, store: MediaStore, files: Buffer[], photos: Buffer[]) {
  const user = await db.user.create({
    data: { email: `bench-${Date.now()}@media.bench`, displayName: "Bench", role: "EDITOR", passwordHash: "x" },
  });
  const figures: RunFigures[] = [];
  for (let i = 0; i < runs; i++) {
    figures.push(await measureRun(store, db, { id: user.id, role: "EDITOR" }, files, photos));
    console.error(
      `${name}: run ${i + 1}/${runs} ${JSON.stringify(figures.at(-1), (_k, v: unknown) => (typeof v === "number" ? Number(v.toFixed(1)) : v))}`,
    );
  }
  const col = (k: keyof RunFigures) => cell(figures.map((f) => f[k]));
  console.log(`| ${name} | ${col("putMBs")} | ${col("coldMBs")} | ${col("warmMBs")} | ${col("uploadsPerS")} |`);
}

async function main() {
  const scratch = mkdtempSync(path.join(tmpdir(), "newsroom-bench-media-"));
  const files = benchFiles();
  const photos = await benchPhotos(6);
  const photoMb = photos.reduce((n, p) => n + p.length, 0) / photos.length / 1024 / 1024;
  console.log(
    `${runs} runs; 24 MiB of files per run (16 × 1 MiB, 2 × 8 MiB), ${photos.length} JPEGs of 2400×1600 (${photoMb.toFixed(1)} MB) uploaded per run.`,
  );
  console.log("median (min–max) | store write MB/s | read, no cache MB/s | read, local cache MB/s | uploads/s |");
  console.log("|---|---:|---:|---:|---:|");
  const sqliteUrl = `file:${path.join(scratch, "bench.db")}`;
  const sqlite = await freshDb(sqliteUrl);
  try {
    if (only.has("sqlite")) await bench("database (SQLite)", sqlite, new DatabaseStore(sqlite), files, photos);
    const pgUrl = process.env.TEST_DATABASE_URL;
    if (only.has("postgresql") && pgUrl) {
      const pgDb = await freshDb(pgUrl);
      await bench("database (PostgreSQL)", pgDb, new DatabaseStore(pgDb), files, photos).finally(() =>
        pgDb.$disconnect(),
      );
    } else if (only.has("postgresql"))
      console.error("postgresql: skipped (set TEST_DATABASE_URL to a database that may be wiped)");
    if (only.has("s3")) {
      const s3 = await startS3rver(path.join(scratch, "s3"));
      const store = new S3Store({
        bucket: "bench-media",
        region: "us-east-1",
        endpoint: s3.endpoint,
        forcePathStyle: true,
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        prefix: "",
      });
      await bench("S3 (s3rver, SQLite rows)", sqlite, store, files, photos).finally(() => s3.stop());
    }
  } finally {
    await sqlite.$disconnect();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
