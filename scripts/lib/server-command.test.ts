import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DEFAULT_HEAP_MB, DEFAULT_REBUILD_HEAP_MB, bulkArgs, startArgs } from "./server-command";

const scripts = () => (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

describe("how the server is started", () => {
  test("`npm start` and the benchmarks and tests that spawn the server use the same arguments", () => {
    const [heap, script] = startArgs({});
    expect(scripts().start).toBe(
      `node ${heap!.replace(String(DEFAULT_HEAP_MB), `\${NEWSROOM_HEAP_MB:-${DEFAULT_HEAP_MB}}`)} ${script}`,
    );
  });

  test("NEWSROOM_HEAP_MB sets the heap limit", () => {
    expect(startArgs({ NEWSROOM_HEAP_MB: "1024" })[0]).toBe("--max-old-space-size=1024");
    expect(startArgs({})[0]).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
  });

  test("the rebuild and the text import run with the heap limit their benchmarks use", () => {
    for (const [name, script] of [
      ["search:reindex", "scripts/search-reindex.ts"],
      ["import:text", "scripts/import-text.ts"],
    ] as const) {
      const [heap, ...rest] = bulkArgs(script, {});
      const limit = `\${NEWSROOM_REBUILD_HEAP_MB:-${DEFAULT_REBUILD_HEAP_MB}}`;
      expect(scripts()[name]).toBe(`node ${heap!.replace(String(DEFAULT_REBUILD_HEAP_MB), limit)} ${rest.join(" ")}`);
    }
    expect(bulkArgs("x.ts", { NEWSROOM_REBUILD_HEAP_MB: "2048" })[0]).toBe("--max-old-space-size=2048");
    // npm start's preparation (which may rebuild both) has the same default, written out in start.mjs.
    expect(readFileSync("scripts/start.mjs", "utf8")).toContain(
      `--max-old-space-size=\${process.env.NEWSROOM_REBUILD_HEAP_MB || ${DEFAULT_REBUILD_HEAP_MB}}`,
    );
  });
});
