import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { PrismaClient } from "../../../src/server/db/generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "../../../src/server/db/generated/postgres/client";
import { sqlitePath } from "../../../src/server/env";
import { isLiveMedia } from "../../../src/server/media/references";
import { addArchive } from "../../support/archive";
import { engine, resetDb, testDb } from "../../support/db";

// Issue 11, point 14: every anonymous /media request asks whether a live publication shows the
// image. That must be one indexed lookup (PublicationMedia by mediaId and publishedAt), never a scan
// of publication bodies. Checked with the engine's own query plan of the SQL the app really sends.

interface Sent {
  query: string;
  params: string;
}
const sent: Sent[] = [];
const url = process.env.DATABASE_URL!;
const client =
  engine() === "postgresql"
    ? (new PgPrismaClient({
        adapter: new PrismaPg({ connectionString: url }),
        log: [{ emit: "event", level: "query" }],
      }) as unknown as PrismaClient)
    : new PrismaClient({
        adapter: new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}` }),
        log: [{ emit: "event", level: "query" }],
      });
type QueryEvents = { $on(event: "query", listener: (e: Sent) => void): void };
(client as unknown as QueryEvents).$on("query", (e) => sent.push({ query: e.query, params: e.params }));
afterAll(() => client.$disconnect());

// Rows and statistics, as a production database has: on an empty or unanalyzed table PostgreSQL
// may take the primary key (publicationId, mediaId) and test mediaId on each of its entries, a
// scan of that index that the plan shows as an "Index Scan" (seen in CI on 2026-12-04).
beforeAll(async () => {
  await resetDb();
  const db = testDb();
  await addArchive(db, {
    count: 400,
    prefix: "v",
    from: new Date(Date.now() - 730 * 86_400_000),
    until: new Date(),
    seed: 5,
  });
  const media = Array.from({ length: 40 }, (_, i) => ({
    id: `plan${String(i).padStart(20, "0")}`,
    storageKey: `plan/${i}`,
    mime: "image/png",
    bytes: 1,
    width: 1,
    height: 1,
    sha256: "0".repeat(64),
    altZh: "图",
  }));
  await db.media.createMany({ data: media });
  const publications = await db.publication.findMany({ select: { id: true, publishedAt: true } });
  await db.publicationMedia.createMany({
    data: publications.flatMap((p, i) =>
      [i % 40, (i + 17) % 40].map((m) => ({ publicationId: p.id, mediaId: media[m]!.id, publishedAt: p.publishedAt })),
    ),
  });
  await db.$executeRawUnsafe('ANALYZE "PublicationMedia"');
});

async function plan({ query, params }: Sent): Promise<string> {
  const values = JSON.parse(params) as unknown[];
  if (engine() === "postgresql") {
    // Refuse sequential scans wherever an index could serve: a plan that still scans has no index to use.
    const rows = await client.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query}`, ...values);
    });
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  }
  const rows = await client.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query}`, ...values);
  return rows.map((r) => r.detail).join("\n");
}

test("the anonymous media check is one query on the PublicationMedia index, no scan", async () => {
  sent.length = 0;
  await isLiveMedia(client, "0123456789abcdef01234567");
  expect(sent).toHaveLength(1);
  const text = await plan(sent[0]!);
  expect(text).toMatch(/PublicationMedia_mediaId_publishedAt_idx/);
  expect(text).not.toMatch(/\bSCAN\b(?! USING)|Seq Scan/i);
  expect(sent[0]!.query).not.toMatch(/"body"/);
});
