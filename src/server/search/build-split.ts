import "server-only";
import {
  bodyService,
  unpackBlocks,
  type BodyReply,
  type BodyRequest,
  type KeyedBlock,
} from "@/domain/search/build-part";
import { Worker } from "node:worker_threads";
import { log } from "../log";
import type { WorkerReply } from "./build-worker";

// A full rebuild on two cores: a worker thread builds the body lists (most of the postings) while
// this thread builds the title and summary lists and writes every block. Each list is built by
// one thread, whole and in order, as by one builder. Where the worker cannot start (no TypeScript
// loader, a bundled build), or with SEARCH_REINDEX_WORKER=0, the body lists are built here too.

export interface BodyBuilder {
  /** whether a worker thread builds the bodies */
  inWorker: boolean;
  /**
   * Starts on these documents' bodies; resolves with the blocks they complete, and whether the
   * builder is now full: then drain it to the end before awaiting another add (later adds wait).
   */
  add(ids: number[], bodies: string[]): Promise<{ blocks: KeyedBlock[]; full: boolean }>;
  /** The next `max` open blocks, in key order; none when the drain has ended. */
  drain(max: number): Promise<KeyedBlock[]>;
  /** Stops the worker (at the end, or after a failure). */
  close(): Promise<void>;
}

/** Parts of a drain asked for ahead: the worker builds them while this thread writes. */
const DRAIN_AHEAD = 4;

/** Requests by id: the service answers a drain before an add that waits for it. */
function client(send: (request: BodyRequest) => void) {
  const waiting = new Map<number, { ok: (r: BodyReply) => void; fail: (e: unknown) => void }>();
  let last = 0;
  let ahead: Promise<BodyReply>[] = [];
  const ask = (request: (id: number) => BodyRequest) =>
    new Promise<BodyReply>((ok, fail) => {
      const id = ++last;
      waiting.set(id, { ok, fail });
      send(request(id));
    });
  return {
    answer(reply: BodyReply) {
      const w = waiting.get(reply.id);
      waiting.delete(reply.id);
      w?.ok(reply);
    },
    failAll(error: unknown) {
      for (const w of waiting.values()) w.fail(error);
      waiting.clear();
    },
    add: (ids: number[], bodies: string[]) => ask((id) => ({ id, ids, bodies })),
    /** The next part of the drain; DRAIN_AHEAD parts are asked for at a time. */
    drain: (max: number): Promise<KeyedBlock[]> => {
      // Parts asked for beyond the end come back empty; no one awaits them (nor their failure).
      const more = () => settled(ask((id) => ({ id, drain: max, more: true })));
      if (ahead.length === 0) {
        ahead.push(settled(ask((id) => ({ id, drain: max }))));
        while (ahead.length < DRAIN_AHEAD) ahead.push(more());
      }
      return ahead.shift()!.then(({ blocks }) => {
        if (blocks.length === 0) ahead = [];
        else ahead.push(more());
        return blocks;
      });
    },
  };
}

/**
 * `p`, marked as handled: a promise of the rebuild that may fail while no one awaits it yet (a
 * write in flight, a part asked for ahead), and whose failure the next await reports.
 */
export function settled<T>(p: T | Promise<T>): Promise<T> {
  const promise = Promise.resolve(p);
  promise.catch(() => undefined);
  return promise;
}

function localBodies(): BodyBuilder {
  let handle: (request: BodyRequest) => void = () => undefined;
  const c = client((request) => handle(request));
  handle = bodyService((reply) => c.answer(reply));
  return { inWorker: false, add: c.add, drain: c.drain, close: () => Promise.resolve() };
}

function workerBodies(worker: Worker): BodyBuilder {
  const c = client((request) => worker.postMessage(request));
  worker.on("message", ({ id, full, pack }: WorkerReply) => c.answer({ id, full, blocks: unpackBlocks(pack) }));
  worker.on("error", (error) => c.failAll(error));
  worker.on("exit", () => c.failAll(new Error("search index: the rebuild's worker thread stopped")));
  return {
    inWorker: true,
    add: c.add,
    drain: c.drain,
    close: async () => {
      await worker.terminate();
    },
  };
}

/** The worker, once it has loaded; null if it cannot start. */
function startWorker(): Promise<Worker | null> {
  // Not a literal: a bundler must not try to bundle the worker (in a bundle it is not found: null).
  const file = ["build-worker", "mjs"].join(".");
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL(file, import.meta.url));
    } catch (error) {
      log.warn({ err: String(error) }, "search index: rebuilding on one thread (no worker)");
      return resolve(null);
    }
    const failed = (error: unknown) => {
      log.warn({ err: String(error) }, "search index: rebuilding on one thread (no worker)");
      void worker.terminate();
      resolve(null);
    };
    const exited = () => failed("exited");
    worker.once("error", failed);
    worker.once("exit", exited);
    // Only our listeners go: removeAllListeners would also drop the worker's own, and no message
    // would arrive again.
    worker.once("message", () => {
      worker.off("error", failed);
      worker.off("exit", exited);
      resolve(worker);
    });
  });
}

export async function bodyBuilder(): Promise<BodyBuilder> {
  const worker = process.env.SEARCH_REINDEX_WORKER === "0" ? null : await startWorker();
  return worker ? workerBodies(worker) : localBodies();
}
