// The worker thread of a full rebuild (build-split.ts): builds the body lists of the documents it
// is sent and sends back their blocks, packed. Domain code only: no database, no server modules.
import { parentPort } from "node:worker_threads";
import { bodyPart, packBlocks } from "../../domain/search/build-part";

export type WorkerRequest = { ids: number[]; bodies: string[] } | { drain: number };

const port = parentPort!;
const part = bodyPart();

port.on("message", (request: WorkerRequest) => {
  const blocks = "drain" in request ? part.drain(request.drain) : part.add(request.ids, request.bodies);
  const pack = packBlocks(blocks);
  port.postMessage(pack, [pack.last.buffer, pack.n.buffer, pack.ends.buffer, pack.bytes.buffer]);
});
port.postMessage("ready");
