// s3rver in its own process for `npm run bench:media` (so the S3 server does not share the
// benchmark's event loop): node scripts/bench/s3rver-child.mjs DIR BUCKET → prints the port.
import S3rver from "s3rver";

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  port: 0,
  address: "127.0.0.1",
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});
const { port } = await server.run();
process.stdout.write(`${port}\n`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
