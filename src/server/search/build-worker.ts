// The worker thread of a full rebuild (build-split.ts): builds the body lists of the documents it
// is sent and sends back their blocks, packed. Domain code only: no database, no server modules.
import { parentPort } from "node:worker_threads";
import { packBlocks, partBuilder } from "../../domain/search/build-part";
import type { DocText } from "../../domain/search/lists";

export type WorkerRequest = { ids: number[]; bodies: string[] } | { drain: number };

const port = parentPort!;
const part = partBuilder(["body"]);
const text = (body: string): DocText => ({ title: "", summary: "", body });

port.on("message", (request: WorkerRequest) => {
  const blocks = "drain" in request ? part.drain(request.drain) : part.add(request.ids, request.bodies.map(text));
  const pack = packBlocks(blocks);
  port.postMessage(pack, [pack.last.buffer, pack.n.buffer, pack.ends.buffer, pack.bytes.buffer]);
});
port.postMessage("ready");
