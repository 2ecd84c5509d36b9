// `npm run bench:tm [-- --pairs N --samples N --only sqlite|postgresql]`: fills a translation memory
// with N pairs (default 1,000,000: the paragraphs of about 100,000 releases) and times lookups of
// one Chinese paragraph, as the translate page does them, on SQLite and, when TEST_DATABASE_URL is
// set, on PostgreSQL (that database is WIPED). Also times the /admin/tm text search.
import "dotenv/config";
import { rmSync } from "node:fs";
import pg from "pg";
import { normalizeSegment } from "../src/domain/tm/keys";
import { similarity } from "../src/domain/tm/similarity";
import { createDb, type Db } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { lookupSegment } from "../src/server/tm/lookup";
import { preparePairs } from "../src/server/tm/prepare";
import { searchMemory } from "../src/server/tm/queries";
import { rekeyMemory } from "../src/server/tm/rebuild";
import { learnFromMemory, SAMPLE, stopGrams } from "../src/server/tm/stop-grams";
import { storeBatch } from "../src/server/tm/store";
import { progressBar } from "./search/progress";
import { tmCorpus } from "./tm/corpus";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
};
const total = arg("pairs", 1_000_000);
const samples = arg("samples", 200);
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

interface Row {
  engine: string;
  set: string;
  p50: number;
  p95: number;
  max: number;
  found: string;
}

async function load(db: Db) {
  const corpus = tmCorpus();
  const bar = progressBar("Filling the memory");
  const t0 = performance.now();
  const perTx = 5_000;
  let stop = (await stopGrams(db)).set;
  for (let done = 0; done < total; done += perTx) {
    // As in production: the stop bigrams are learned once the memory has SAMPLE segments.
    if (done === SAMPLE) {
      await learnFromMemory(db);
      await rekeyMemory(db);
      stop = (await stopGrams(db)).set;
    }
    const pairs = Array.from({ length: Math.min(perTx, total - done) }, () => corpus.pair());
    const prepared = preparePairs(pairs, stop);
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < prepared.length; i += 100) await storeBatch(tx, prepared.slice(i, i + 100));
      },
      { timeout: 600_000 },
    );
    bar.update(done + pairs.length, total);
  }
  bar.finish();
  return (performance.now() - t0) / 1000;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function timed<T>(inputs: T[], run: (x: T) => Promise<boolean>) {
  for (const x of inputs.slice(0, 5)) await run(x); // warm caches and prepared statements
  const ms: number[] = [];
  let hits = 0;
  for (const x of inputs) {
    const t = performance.now();
    if (await run(x)) hits++;
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1) ?? 0, hits };
}

async function measure(engine: string, db: Db, rows: Row[]) {
  // Queries come from stored units (read back, so they exist whatever the generator did).
  const max = (await db.tmUnit.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const corpus = tmCorpus(77);
  const stored: { source: string; target: string }[] = [];
  while (stored.length < samples) {
    const u = await db.tmUnit.findFirst({
      where: { id: { gte: 1 + Math.floor(corpus.random() * max) } },
      select: { source: true, target: true },
    });
    if (u && Array.from(u.source).length >= 20) stored.push(u);
  }
  const row = (set: string, r: Awaited<ReturnType<typeof timed>>, found: string) =>
    rows.push({ engine, set, p50: r.p50, p95: r.p95, max: r.max, found });
  const exact = await timed(stored, async (u) => (await lookupSegment(db, u.source))[0]?.score === 100);
  row("exact (a stored paragraph)", exact, `${exact.hits}/${samples} at 100%`);
  for (const rate of [0.05, 0.15, 0.25]) {
    // A variant is "findable" when it is still ≥ 70% similar to its original (short texts may not be).
    const inputs = stored.map((u) => {
      const q = corpus.variant(u.source, rate);
      return { u, q, findable: (similarity(normalizeSegment(q), normalizeSegment(u.source)) ?? 0) >= 70 };
    });
    const r = await timed(inputs, async ({ u, q, findable }) => {
      const found = (await lookupSegment(db, q)).some((m) => m.target === u.target);
      return findable && found;
    });
    const findable = inputs.filter((i) => i.findable).length;
    row(`fuzzy (${rate * 100}% changed)`, r, `original found for ${r.hits} of ${findable} still ≥ 70% similar`);
  }
  // The standing sentences of the fill (same seed as load()): each has many stored near-duplicates.
  const filled = tmCorpus();
  const standing = Array.from({ length: samples }, (_, i) => corpus.variant(filled.standing(i * 97), 0.1));
  const s = await timed(standing, async (q) => (await lookupSegment(db, q)).length > 0);
  row("standing sentence variant (many near-duplicates)", s, `${s.hits}/${samples} with a match`);
  const fresh = Array.from({ length: samples }, () => corpus.paragraph(60, 220));
  const f = await timed(fresh, async (q) => (await lookupSegment(db, q)).length > 0);
  row("new paragraph (no match expected)", f, `${f.hits}/${samples} with a match`);
  const terms = stored.slice(0, 50).map((u) => Array.from(u.source).slice(3, 7).join(""));
  const t = await timed(terms, async (q) => (await searchMemory(db, { q, lang: "zh" })).items.length > 0);
  row("/admin/tm search, 4 Chinese characters", t, `${t.hits}/50 found`);
  const words = stored.slice(0, 50).map((u) => u.target.split(" ")[1] ?? "patent");
  const w = await timed(words, async (q) => (await searchMemory(db, { q, lang: "en" })).items.length > 0);
  row("/admin/tm search, 1 English word", w, `${w.hits}/50 found`);
}

async function bench(engine: "sqlite" | "postgresql", url: string, rows: Row[], loads: string[]) {
  console.error(`\n${engine}: ${total} pairs → ${url.replace(/\/\/[^@]*@/, "//")}`);
  await migrate(url);
  const db = createDb(url);
  try {
    const seconds = await load(db);
    if (engine === "postgresql") await db.$executeRawUnsafe(`VACUUM ANALYZE "TmUnit"`);
    else await db.$executeRawUnsafe(`ANALYZE`);
    const units = await db.tmUnit.count();
    loads.push(`| ${engine} | ${units} | ${seconds.toFixed(0)} |`);
    await measure(engine, db, rows);
  } finally {
    await db.$disconnect();
  }
}

const ms = (v: number) => v.toFixed(1);

async function main() {
  const rows: Row[] = [];
  const loads: string[] = [];
  const file = `/tmp/newsroom-bench-tm-${process.pid}.db`;
  const clean = () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true }));
  if (only !== "postgresql") {
    clean();
    try {
      await bench("sqlite", `file:${file}`, rows, loads);
    } finally {
      clean();
    }
  }
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl && only !== "sqlite") {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
    await bench("postgresql", pgUrl, rows, loads);
  }
  console.log(`\n${total} pairs; ${samples} lookups per set (one paragraph each, as the translate page does).\n`);
  console.log("| engine | lookup | p50 ms | p95 ms | max ms | result |\n|---|---|---:|---:|---:|---|");
  for (const r of rows)
    console.log(`| ${r.engine} | ${r.set} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.found} |`);
  console.log("\n| engine | pairs stored | load s |\n|---|---:|---:|\n" + loads.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
