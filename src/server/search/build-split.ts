import "server-only";
import { bodyPart, unpackBlocks, type BlockPack, type KeyedBlock } from "@/domain/search/build-part";
import { Worker } from "node:worker_threads";
import { log } from "../log";
import type { WorkerRequest } from "./build-worker";

// A full rebuild on two cores: a worker thread builds the body lists (most of the postings) while
// this thread builds the title and summary lists and writes every block. Each list is built by
// one thread, whole and in order, as by one builder. Where the worker cannot start (no TypeScript
// loader, a bundled build), or with SEARCH_REINDEX_WORKER=0, the body lists are built here too.

export interface BodyBuilder {
  /** whether a worker thread builds the bodies */
  inWorker: boolean;
  /** Starts on these documents' bodies; resolves with the blocks they complete. */
  add(ids: number[], bodies: string[]): Promise<KeyedBlock[]>;
  /** The next `max` blocks still open, in key order; none when every block is out. */
  drain(max: number): Promise<KeyedBlock[]>;
  /** Stops the worker (at the end, or after a failure). */
  close(): Promise<void>;
}

function localBodies(): BodyBuilder {
  const part = bodyPart();
  return {
    inWorker: false,
    add: (ids, bodies) => Promise.resolve(part.add(ids, bodies)),
    drain: (max) => Promise.resolve(part.drain(max)),
    close: () => Promise.resolve(),
  };
}

/** Replies come in the order of the requests: one queue of waiting promises. */
function workerBodies(worker: Worker): BodyBuilder {
  const waiting: { ok: (b: KeyedBlock[]) => void; fail: (e: unknown) => void }[] = [];
  worker.on("message", (pack: BlockPack) => waiting.shift()?.ok(unpackBlocks(pack)));
  const failAll = (error: unknown) => waiting.splice(0).forEach((w) => w.fail(error));
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("search index: the rebuild's worker thread stopped")));
  const ask = (request: WorkerRequest) =>
    new Promise<KeyedBlock[]>((ok, fail) => {
      waiting.push({ ok, fail });
      worker.postMessage(request);
    });
  return {
    inWorker: true,
    add: (ids, bodies) => ask({ ids, bodies }),
    drain: (max) => ask({ drain: max }),
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
