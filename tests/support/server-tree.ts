// Runs a React Server Components tree the way a render would for data: each function component is
// called with its props (async ones awaited) and what it returns is walked in turn, so every read
// a page makes happens. Nothing is turned into HTML. Client components (they call hooks, which
// need React's renderer) are skipped: they read no data. Next's control flow (notFound, redirect)
// is thrown on.
import { isValidElement } from "react";

const isNextSignal = (e: unknown) => typeof e === "object" && e !== null && "digest" in e;

export async function runServerTree(node: unknown): Promise<void> {
  if (node === null || node === undefined || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) await runServerTree(child);
    return;
  }
  if (node instanceof Promise) return runServerTree(await node);
  if (!isValidElement(node)) return;
  const { type, props } = node as { type: unknown; props: Record<string, unknown> };
  if (typeof type !== "function") return runServerTree(props.children);
  let out: unknown;
  try {
    out = await (type as (p: unknown) => unknown)(props);
  } catch (error) {
    if (isNextSignal(error)) throw error;
    return; // a client component: hooks outside a renderer
  }
  await runServerTree(out);
}
