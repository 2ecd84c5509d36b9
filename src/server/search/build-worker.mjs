// Entry of the rebuild's worker thread (build-split.ts): loads the TypeScript worker through tsx,
// which a worker does not inherit from the process that starts it.
import { tsImport } from "tsx/esm/api";

await tsImport("./build-worker.ts", import.meta.url);
