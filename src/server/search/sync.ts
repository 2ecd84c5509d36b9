import "server-only";
import { documentListMap } from "@/domain/search/lists";
import {
  assignIds,
  docHash,
  docKey,
  docScope,
  docText,
  indexDocs,
  loadSources,
  type Client,
  type IndexDoc,
  type Source,
} from "./documents";
import type { PendingRow } from "./engine";
import { storeFor } from "./select";
import { prismaSql } from "./sql";

// Keeping the index in line with one release, inside the transaction that changed it. A changed
// document gets a new id; the old one is removed. Both go to "SearchPending" (a few rows, so a
// save stays fast); merge.ts folds them into the blocks later, and searches read them meanwhile.
// Removing a document from the blocks needs its old keys, so callers capture the old text first
// (beginSearchSync) when they can; without it, the removed id stays a dead id until a rebuild.

type Change = Omit<PendingRow, "seq">;

function removal(id: number, scope: string, old: IndexDoc | undefined): Change {
  const keys = old ? [...documentListMap(docText(old)).keys()] : null;
  return { id, scope, op: "remove", lists: keys && JSON.stringify(keys) };
}

/**
 * Brings the index in line with one release's working copies and live snapshots. Call it inside
 * the transaction that changed them, after the change; `before` are the release's sources as they
 * were before the change (beginSearchSync). Unchanged documents are left alone.
 */
export async function syncSearchIndex(tx: Client, releaseId: string, before: Source[] = []): Promise<void> {
  const store = storeFor(tx);
  const sql = prismaSql(tx);
  await store.lockIds(sql);
  const docs = indexDocs(await loadSources(tx, [releaseId]));
  const stored = await store.documentsOf(sql, [releaseId]);
  const wanted = new Map(docs.map((d) => [docKey(d), { source: d, hash: docHash(d) }]));
  const current = new Map(stored.map((d) => [docKey(d), d.hash]));
  const old = new Map(indexDocs(before).map((d) => [docKey(d), d]));
  const stale = stored.filter((d) => wanted.get(docKey(d))?.hash !== d.hash);
  const fresh = [...wanted.values()].filter((w) => current.get(docKey(w.source)) !== w.hash);
  // Removals first: their ids stay taken until merged (a new document must not inherit postings).
  await store.deleteDocuments(
    sql,
    stale.map((d) => d.id),
  );
  await store.insertPending(
    sql,
    stale.map((d) => {
      const source = old.get(docKey(d));
      return removal(d.id, docScope(d), source && docHash(source) === d.hash ? source : undefined);
    }),
  );
  await addDocuments(tx, fresh);
}

/**
 * The lists as a JSON object, written directly: JSON.stringify(Object.fromEntries(map)) spends
 * most of its time building an object of ~1,000 keys per document (8 times slower).
 */
export function listsJson(lists: Map<string, number[]>): string {
  let json = "";
  for (const [key, positions] of lists) json += `,${JSON.stringify(key)}:[${positions.join(",")}]`;
  return `{${json.slice(1)}}`;
}

/** Stores new documents and queues their postings as additions (merge.ts folds them in). */
async function addDocuments(tx: Client, fresh: { source: IndexDoc; hash: string }[]): Promise<void> {
  const store = storeFor(tx);
  const sql = prismaSql(tx);
  const ids = await assignIds(
    fresh.map((w) => w.source),
    (candidates) => store.takenIds(sql, candidates),
  );
  await store.insertDocuments(
    sql,
    fresh.map(({ source: s, hash }, i) => ({ ...s, id: ids[i]!, hash })),
  );
  await store.insertPending(
    sql,
    fresh.map(({ source: s }, i) => ({
      id: ids[i]!,
      scope: docScope(s),
      op: "add",
      lists: listsJson(documentListMap(docText(s))),
    })),
  );
}

/**
 * Indexes releases that have nothing in the index yet (a batch of new ones, text import), inside
 * the transaction that wrote them: one pass for the whole batch instead of one sync per release.
 */
export async function indexNewReleases(tx: Client, sources: Source[]): Promise<void> {
  await storeFor(tx).lockIds(prismaSql(tx));
  const byRelease = new Map<string, Source[]>();
  for (const s of sources) byRelease.set(s.releaseId, [...(byRelease.get(s.releaseId) ?? []), s]);
  const docs = [...byRelease.values()].flatMap((group) => indexDocs(group));
  await addDocuments(
    tx,
    docs.map((d) => ({ source: d, hash: docHash(d) })),
  );
}

/**
 * Captures a release's sources before a change; the returned function syncs the index after it
 * (so removed documents can be taken out of the blocks precisely).
 */
export async function beginSearchSync(tx: Client, releaseId: string): Promise<() => Promise<void>> {
  const before = await loadSources(tx, [releaseId]);
  return () => syncSearchIndex(tx, releaseId, before);
}
