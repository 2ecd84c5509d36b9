// The readers of `npm run bench:scale`'s publish phase, in their own process: autocannon over a
// mix of public URLs until the parent says stop, then the totals back over IPC.
import autocannonUntyped from "autocannon";

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number };
  non2xx: number;
}
const autocannon = autocannonUntyped as unknown as (
  options: { url: string; connections: number; duration: number; requests: { method: "GET"; path: string }[] },
  done: (error: Error | null, result: CannonResult) => void,
) => { stop: () => void };

const [base, connections, ...paths] = process.argv.slice(2);
const run = autocannon(
  {
    url: base!,
    connections: Number(connections),
    duration: 3600,
    requests: paths.map((path) => ({ method: "GET", path })),
  },
  (error, r) => {
    if (error) throw error;
    process.send!({
      requests: r.requests.total,
      perSecond: Math.round(r.requests.average),
      non2xx: r.non2xx,
      p99: r.latency.p99,
    });
    process.disconnect();
  },
);
process.on("message", () => run.stop());
