// Prints a TCP port that was free on 127.0.0.1 a moment ago (for shell scripts and configs that
// cannot await: `port=$(node scripts/lib/free-port.mjs)`).
import net from "node:net";

const probe = net.createServer().listen(0, "127.0.0.1", () => {
  process.stdout.write(`${probe.address().port}\n`);
  probe.close();
});
