// The real front server around the real app, except that Next's HTML answers gain an inline
// script the app never wrote, as if a bug let a stored payload through the renderer. Used by
// tests/e2e/csp-injection.e2e.ts (run with tsx); never part of the product.
import type { ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../src/front-server/server";
import type { NextHandler } from "../../src/front-server/stages/render";

export const INJECTED = "<script>window.__injected = true;</script>";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

type Write = (chunk: unknown, ...rest: unknown[]) => unknown;

function injectBeforeBodyEnd(res: ServerResponse): void {
  const patch = (name: "write" | "end") => {
    const real = res[name].bind(res) as Write;
    (res as unknown as Record<string, Write>)[name] = (chunk: unknown, ...rest: unknown[]) => {
      const text =
        typeof chunk === "string" ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : null;
      if (text === null || !text.includes("</body>")) return real(chunk, ...rest);
      return real(text.replace("</body>", `${INJECTED}</body>`), ...rest.filter((r) => typeof r !== "string"));
    };
  };
  patch("write");
  patch("end");
}

const wrapHandler =
  (handle: NextHandler): NextHandler =>
  (req, res) => {
    injectBeforeBodyEnd(res);
    return handle(req, res);
  };

await startServer({ dir: ROOT, wrapHandler });
