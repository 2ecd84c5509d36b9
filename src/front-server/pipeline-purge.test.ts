import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startHarness, type Harness } from "./test-support";

// Selective purges (entries carry the tags the app reported) and single-flight renders, through a
// real node:http server.

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());
beforeEach(() => {
  h.fake.delayMs = 0;
  h.fake.nextHit = false;
  h.fake.pipeline.cache.purge();
});

const state = async (p: string) =>
  (await fetch(h.base + p, { headers: { "accept-encoding": "identity" } })).headers.get("x-cache");

describe("purge by tags", () => {
  test("only the entries showing a purged tag go (and those that reported none); purge() empties all", async () => {
    for (const p of ["/zh/a?tag=release:1,list:zh", "/zh/b?tag=release:2", "/zh/untagged"])
      expect(await state(p)).toBe("MISS");
    h.fake.pipeline.bridge.purge({ broadcast: false, tags: ["release:1"] });
    expect(await state("/zh/a?tag=release:1,list:zh")).toBe("MISS");
    expect(await state("/zh/b?tag=release:2")).toBe("HIT");
    expect(await state("/zh/untagged")).toBe("MISS"); // nobody said what it shows
    h.fake.pipeline.bridge.purge({ broadcast: false, tags: ["list:zh"] });
    expect(await state("/zh/a?tag=release:1,list:zh")).toBe("MISS");
    h.fake.pipeline.bridge.purge({ broadcast: false });
    expect(await state("/zh/b?tag=release:2")).toBe("MISS");
  });

  test("the entry keeps the tags its render reported", async () => {
    await state("/zh/c?tag=release:3");
    expect([...h.fake.pipeline.cache.get("/zh/c?tag=release%3A3")!.tags]).toEqual(["release:3"]);
  });

  test("a page Next answers from its own cache keeps the tags the renders of its path reported", async () => {
    await state("/zh/d?tag=release:4,list:zh"); // rendered: the app reported its tags
    await state("/zh/e"); // rendered, reported nothing
    h.fake.pipeline.bridge.purge({ broadcast: false, tags: ["list:en"] });
    h.fake.nextHit = true; // from now on Next answers from its page cache: no app code runs
    h.fake.pipeline.cache.noteHorizon(Infinity); // (a HIT is stored only when the embargo horizon is known)
    expect(await state("/zh/d")).toBe("MISS");
    expect(await state("/zh/e")).toBe("MISS");
    expect([...h.fake.pipeline.cache.get("/zh/d")!.tags].sort()).toEqual(["list:zh", "release:4"]);
    h.fake.pipeline.bridge.purge({ broadcast: false, tags: ["release:9"] });
    expect(await state("/zh/d")).toBe("HIT"); // unrelated purge: kept
    h.fake.pipeline.cache.noteHorizon(Infinity);
    expect(await state("/zh/e")).toBe("MISS"); // unknown tags: purged by any purge
    h.fake.pipeline.bridge.purge({ broadcast: false, tags: ["release:4"] });
    expect(await state("/zh/d")).toBe("MISS");
  });
});

/** The X-Cache header of each answer, sorted: HIT before MISS. */
const cacheStates = (answers: Response[]) => answers.map((r) => r.headers.get("x-cache")).sort();
const expected = (n: { hits: number; misses: number }) => [
  ...Array<string>(n.hits).fill("HIT"),
  ...Array<string>(n.misses).fill("MISS"),
];

describe("single flight", () => {
  test("concurrent misses for one URL render it once; the others get the stored entry", async () => {
    h.fake.delayMs = 150;
    const before = h.fake.renders;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => fetch(`${h.base}/zh/busy`, { headers: { "accept-encoding": "identity" } })),
    );
    expect(h.fake.renders - before).toBe(1);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(cacheStates(answers)).toEqual(expected({ hits: 7, misses: 1 }));
  });

  test("different URLs, and answers that are not stored, are not held back", async () => {
    h.fake.delayMs = 100;
    const before = h.fake.renders;
    await Promise.all(["/zh/one", "/zh/two", "/zh/three"].map((p) => fetch(h.base + p)));
    expect(h.fake.renders - before).toBe(3);
    const cookie = { cookie: "newsroom_session=x" }; // signed in: never cached, never coalesced
    const signedIn = h.fake.renders;
    await Promise.all([1, 2, 3].map(() => fetch(`${h.base}/zh/one`, { headers: cookie })));
    expect(h.fake.renders - signedIn).toBe(3);
  });

  test("a purge while the leader renders: one follower renders the new data, the others wait for it", async () => {
    h.fake.delayMs = 150;
    const before = h.fake.renders;
    const all = Array.from({ length: 8 }, () =>
      fetch(`${h.base}/zh/changing`, { headers: { "accept-encoding": "identity" } }),
    );
    while (h.fake.renders === before) await new Promise((r) => setTimeout(r, 5)); // the leader is rendering
    h.fake.pipeline.bridge.purge({ broadcast: false }); // a publish while it renders
    const answers = await Promise.all(all);
    // Before: each of the seven followers rendered the page itself.
    expect(h.fake.renders - before).toBe(2);
    expect(cacheStates(answers)).toEqual(expected({ hits: 6, misses: 2 }));
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(bodies.filter((b) => b.includes(`render ${before + 2}<`))).toHaveLength(7); // the new data
    expect(h.fake.pipeline.cache.get("/zh/changing")).toBeDefined();
  });

  test("after three leaders that stored nothing, the followers left render at once", async () => {
    h.fake.delayMs = 60;
    h.fake.maxRendering = 0;
    const before = h.fake.renders;
    const all = Array.from({ length: 6 }, () => fetch(`${h.base}/zh/always-changing`));
    const purging = setInterval(() => h.fake.pipeline.bridge.purge({ broadcast: false }), 20); // a change during every render
    const answers = await Promise.all(all);
    clearInterval(purging);
    expect(answers.every((r) => r.status === 200)).toBe(true);
    // one render at a time for three rounds (the first request, then two followers in turn), then
    // the three left at once (a render's last chunk may overlap the next): not six renders at once
    // (before), nor a queue of six
    expect(h.fake.renders - before).toBe(6);
    expect(h.fake.maxRendering).toBeGreaterThanOrEqual(3);
    expect(h.fake.maxRendering).toBeLessThanOrEqual(4);
  });
});

/** A server action that purges (fake Next's POST /zh/publish), answered as soon as it has. */
async function publishAndAnswer() {
  const publish = fetch(`${h.base}/zh/publish`, { method: "POST", redirect: "manual" });
  while (!h.fake.publishing) await new Promise((r) => setTimeout(r, 5));
  await h.fake.publishing.purged;
  h.fake.publishing.finish();
  await publish;
  h.fake.publishing = undefined;
}

describe("renders running during a change", () => {
  test("once they have ended, Next's caches are revalidated again (they may have stored the old data)", async () => {
    h.fake.delayMs = 300;
    h.fake.revalidations.length = 0;
    const before = h.fake.renders;
    const slow = fetch(`${h.base}/zh/slow-reader`).then((r) => r.text()); // reads the data from before
    while (h.fake.renders === before) await new Promise((r) => setTimeout(r, 5));
    await publishAndAnswer();
    expect(h.fake.revalidations).toEqual([]); // the reader is still rendering
    await slow;
    expect(h.fake.revalidations).toEqual([]); // Next may store it a moment after the response ends
    const deadline = Date.now() + 3_000;
    while (h.fake.revalidations.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(h.fake.revalidations).toHaveLength(1);
  });

  test("with nothing rendering, the repeat follows at once", async () => {
    h.fake.revalidations.length = 0;
    await publishAndAnswer();
    const deadline = Date.now() + 1_000;
    while (h.fake.revalidations.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(h.fake.revalidations).toHaveLength(1);
  });
});
