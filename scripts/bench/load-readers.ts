// The readers of `npm run bench:load`: autocannon on a mix of public URLs until told to stop.
import autocannonUntyped from "autocannon";
import { CONNECTIONS } from "./load-config";

// ---- autocannon (the shared ambient types in scripts/autocannon.d.ts cover less than we use) ----
export interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  /** seconds */
  duration: number;
}
export const autocannon = autocannonUntyped as unknown as (
  options: {
    url: string;
    connections: number;
    duration: number;
    pipelining: number;
    requests: { method: "GET"; path: string }[];
  },
  done: (error: Error | null, result: CannonResult) => void,
) => { stop: () => void };

/** Readers until `stop()` (or `maxSeconds`), then autocannon's result. */
export function readersUntilStopped(base: string, paths: string[], maxSeconds: number) {
  let tracker: { stop: () => void } | undefined;
  const result = new Promise<CannonResult>((resolve, reject) => {
    tracker = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: maxSeconds,
        pipelining: 1,
        requests: paths.map((p) => ({ method: "GET", path: p })),
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
  });
  return { result, stop: () => tracker!.stop() };
}
