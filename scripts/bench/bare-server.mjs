// The baseline of `npm run bench`: a bare node:http server answering every request with the bytes
// of one file, in a process of its own (so it never shares a thread with the load generator).
// Prints its port on stdout once listening. Usage: node scripts/bench/bare-server.mjs FILE
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const body = readFileSync(process.argv[2]);
const server = createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
