import { beforeEach, expect, test } from "vitest";
import { createGenerationGate, type GenerationGate } from "./purge-generation";

// The gate in front of cached answers while the bus is not listening (docs/CACHING.md, "After a
// database outage"), with the database and the purge replaced by counters.

let listening: boolean;
let stored: number | Error;
let reads: number;
let purges: string[];
let clock: number;
let gate: GenerationGate;
const logger = { info() {}, warn() {}, error() {} };

beforeEach(() => {
  listening = true;
  stored = 7;
  reads = 0;
  purges = [];
  clock = 1_000;
  gate = createGenerationGate({
    listening: () => listening,
    read: () => {
      reads += 1;
      return stored instanceof Error ? Promise.reject(stored) : Promise.resolve(stored);
    },
    purgeAll: (why) => {
      purges.push(why);
      return Promise.resolve();
    },
    logger,
    now: () => clock,
    checkMs: 500,
  });
  gate.note(7);
});

test("while the bus listens, nothing to wait for and nothing read", () => {
  expect(gate.ready()).toBeUndefined();
  expect(reads).toBe(0);
});

test("bus not listening: the generation is read first; unchanged, nothing purged", async () => {
  listening = false;
  await gate.ready();
  expect([reads, purges]).toEqual([1, []]);
  clock += 100;
  expect(gate.ready()).toBeUndefined(); // read 100 ms ago: good enough (the goal is 2 s)
  clock += 500;
  await gate.ready();
  expect(reads).toBe(2);
});

test("a change this instance missed (generation moved): purge before anything is served", async () => {
  listening = false;
  stored = 8; // a peer withdrew something while our bus was down
  const [first, second] = [gate.ready(), gate.ready()];
  expect(second).toBe(first); // concurrent requests share one check
  await first;
  expect([reads, purges]).toEqual([1, ["bus not listening"]]);
  clock += 600;
  await gate.ready();
  expect(purges).toHaveLength(1); // 8 is now known
});

test("changes this instance made or was told about are not purged twice", async () => {
  listening = false;
  stored = 9;
  gate.note(9);
  await gate.ready();
  expect(purges).toEqual([]);
});

test("database unreachable: cached answers are served (nothing can change without it), checked again later", async () => {
  listening = false;
  stored = new Error("connect ECONNREFUSED");
  await gate.ready();
  expect(purges).toEqual([]);
  expect(gate.ready()).toBeUndefined();
  clock += 600;
  stored = 8;
  await gate.ready();
  expect(purges).toEqual(["bus not listening"]);
});

test("the bus is back: requests wait until this instance has purged once", async () => {
  let release!: () => void;
  gate = createGenerationGate({
    listening: () => true,
    read: () => Promise.resolve(8),
    purgeAll: (why) => {
      purges.push(why);
      return new Promise<void>((r) => (release = r));
    },
    logger,
    now: () => clock,
  });
  const catching = gate.reconnected();
  const waiting = gate.ready();
  expect(waiting).toBeInstanceOf(Promise);
  let served = false;
  void waiting!.then(() => (served = true));
  await new Promise((r) => setTimeout(r, 10));
  expect(served).toBe(false);
  release();
  await catching;
  await waiting;
  expect(served).toBe(true);
  expect(purges).toEqual(["reconnected"]);
  expect(gate.ready()).toBeUndefined();
});
