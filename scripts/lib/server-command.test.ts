import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DEFAULT_HEAP_MB, startArgs } from "./server-command";

describe("how the server is started", () => {
  test("`npm start` and the benchmarks and tests that spawn the server use the same arguments", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
    const [heap, script] = startArgs({});
    expect(pkg.scripts.start).toBe(
      `node ${heap!.replace(String(DEFAULT_HEAP_MB), `\${NEWSROOM_HEAP_MB:-${DEFAULT_HEAP_MB}}`)} ${script}`,
    );
  });

  test("NEWSROOM_HEAP_MB sets the heap limit", () => {
    expect(startArgs({ NEWSROOM_HEAP_MB: "1024" })[0]).toBe("--max-old-space-size=1024");
    expect(startArgs({})[0]).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
  });
});
