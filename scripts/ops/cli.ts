// Shared ending for the operations commands: exit with the code main() returns; an OpsError is one
// clear line on stderr; anything else prints its message (and stack when DEBUG is set).
import { OpsError } from "../../src/server/ops/errors";

export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (error instanceof OpsError) {
        console.error(error.message);
        process.exit(error.exitCode);
      }
      console.error(
        process.env.DEBUG && error instanceof Error ? error.stack : error instanceof Error ? error.message : error,
      );
      process.exit(1);
    },
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
