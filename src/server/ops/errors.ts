// A refusal an operations command reports as one line (bad input, wrong engine, unsafe target).
// Anything else is a bug and keeps its stack.
export class OpsError extends Error {
  constructor(
    message: string,
    /** process exit code: 1 refused or failed, 2 not applicable (e.g. wrong engine) */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "OpsError";
  }
}

/** Compact UTC timestamp for file names: 20261201T101500Z. */
export function fileStamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}
