// The worker thread of a full rebuild (build-split.ts): builds the body lists of the documents it
// is sent and sends back their blocks, packed. Domain code only: no database, no server modules.
import { parentPort } from "node:worker_threads";
import { bodyService, packBlocks, type BlockPack, type BodyRequest } from "../../domain/search/build-part";

export interface WorkerReply {
  id: number;
  full: boolean;
  pack: BlockPack;
}

const port = parentPort!;
const handle = bodyService(({ id, full, blocks }) => {
  const pack = packBlocks(blocks);
  const reply: WorkerReply = { id, full, pack };
  port.postMessage(reply, [pack.last.buffer, pack.n.buffer, pack.ends.buffer, pack.bytes.buffer]);
});

port.on("message", (request: BodyRequest) => handle(request));
port.postMessage("ready");
