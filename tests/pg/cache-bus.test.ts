import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createCacheBus, type BusMessage, type CacheBus } from "../../src/front-server/cache-bus";
import { databaseUrl, freshDatabase, within } from "./servers";

// The cache bus against a real PostgreSQL: messages between two instances carry the purge
// generation the database counted; an instance without a listening connection still publishes
// and reads it (docs/CACHING.md, "After a database outage").

const url = databaseUrl();
const logger = {
  info() {},
  warn() {},
  error: (fields: object, msg: string) => errors.push(`${msg} ${JSON.stringify(fields)}`),
};
const errors: string[] = [];
const received: Record<"a" | "b", BusMessage[]> = { a: [], b: [] };
let a: CacheBus;
let b: CacheBus;

const bus = (name: "a" | "b") =>
  createCacheBus({
    pg,
    url,
    instanceId: name,
    logger,
    onMessage: (m) => received[name].push(m),
    onReconnect: () => undefined,
  });

beforeAll(async () => {
  await freshDatabase(url);
  a = bus("a");
  b = bus("b");
  await within(10_000, () => Promise.resolve(a.connected && b.connected));
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

test("a change counts the generation up, and the others receive it with its tags; nobody hears itself", async () => {
  const before = await a.readGeneration();
  const generation = await a.publish({ at: Date.now(), tags: ["release:1"] });
  expect(generation).toBe(before + 1);
  await within(5_000, () => Promise.resolve(received.b.length === 1));
  expect(received.b[0]).toMatchObject({ generation, tags: ["release:1"] });
  expect(received.a).toEqual([]);
  expect(await b.readGeneration()).toBe(generation);
  expect(await b.publish({ at: Date.now() })).toBe(generation! + 1);
  await within(5_000, () => Promise.resolve(received.a.length === 1));
  expect(received.a[0]!.tags).toBeUndefined(); // everything
});

test("without a listening connection (closed, or not yet back after an outage) it still publishes and reads", async () => {
  const c = bus("a");
  await c.close(); // no LISTEN connection: each call opens one of its own
  const generation = await c.publish({ at: Date.now() });
  expect(generation).toBe(await c.readGeneration());
  await within(5_000, () => Promise.resolve(received.b.some((m) => m.generation === generation)));
});

test("when the generation cannot be counted, the message still goes (and the failure is logged)", async () => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('ALTER TABLE "PurgeGeneration" RENAME TO "PurgeGenerationAway"');
  try {
    const count = received.b.length;
    expect(await a.publish({ at: Date.now() })).toBeUndefined();
    await within(5_000, () => Promise.resolve(received.b.length === count + 1));
    expect(received.b.at(-1)!.generation).toBeUndefined();
    expect(errors.some((e) => e.startsWith("cache bus: purge generation not counted"))).toBe(true);
  } finally {
    await admin.query('ALTER TABLE "PurgeGenerationAway" RENAME TO "PurgeGeneration"');
    await admin.end();
  }
});
