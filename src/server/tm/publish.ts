import "server-only";
import { releasePairs, type PairContent } from "@/domain/tm/pairs";
import type { Client } from "./engine";
import { replaceReleasePairs } from "./store";

// Publishing keeps the memory current: the release's aligned pairs replace those of its earlier
// publication, in the publish transaction (one small call from runWorkflow).

export async function rememberPublishedRelease(
  tx: Client,
  releaseId: string,
  contents: readonly (PairContent & { locale: string })[],
): Promise<void> {
  const zh = contents.find((c) => c.locale === "zh");
  const en = contents.find((c) => c.locale === "en");
  if (!zh || !en) return;
  await replaceReleasePairs(tx, releaseId, releasePairs(zh, en));
}
