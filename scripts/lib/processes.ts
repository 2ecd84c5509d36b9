import type { ChildProcess } from "node:child_process";

/** Sends SIGTERM to each process's group (an app started detached), or to the process itself (no group of its own). */
export function terminateAll(procs: readonly ChildProcess[]): void {
  for (const proc of procs) {
    try {
      process.kill(-proc.pid!, "SIGTERM");
    } catch {
      proc.kill("SIGTERM");
    }
  }
}
