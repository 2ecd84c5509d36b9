import "server-only";
import type { Db } from "../db/client";
import { insertRows } from "../db/insert-rows";
import { auditedCheck, checkContents } from "../check/translation-check";
import { adjustPublicCounts } from "../releases/public-counts";
import { ReleaseError } from "../releases/results";
import { inTransaction, type Tx } from "../releases/transaction";
import { indexNewReleases } from "../search";
import { newReleaseRows, type NewRelease } from "./new-release-rows";

// Many new releases of a text archive in one transaction, one statement per table (search index
// and public counts included): the per-release cost no longer depends on a round trip per row.

/** The slugs among `slugs` that any working copy or live snapshot already uses, in either language. */
export async function usedSlugs(db: Db, slugs: string[]): Promise<Set<string>> {
  const where = { slug: { in: slugs } };
  const found = await Promise.all(
    (["zh", "en"] as const).flatMap((locale) => [
      db.releaseContent.findMany({ where: { ...where, locale }, select: { slug: true } }),
      db.publication.findMany({ where: { ...where, locale }, select: { slug: true } }),
    ]),
  );
  return new Set(found.flat().map((r) => r.slug));
}

type Rows = ReturnType<typeof newReleaseRows>;

/** The tables' rows, one statement per table (per chunk); audits last, after the translation checks. */
async function writeTables(tx: Tx, rows: Rows[]) {
  await insertRows(
    tx,
    "Release",
    rows.map((r) => r.release),
  );
  for (const [table, of] of [
    ["ReleaseContent", (r: Rows) => r.contents],
    ["Revision", (r: Rows) => r.revisions],
    ["Publication", (r: Rows) => r.publications],
  ] as const) {
    await insertRows(tx, table, rows.flatMap<object>(of));
  }
}

/** Marking translated checks the translation, as the operation does, and the audit keeps it. */
async function checkTranslations(tx: Tx, rows: Rows[]) {
  for (const r of rows) {
    const marked = r.audits.find((a) => a.action === "release.markTranslated");
    if (!marked) continue;
    const check = await checkContents(tx, r.contents);
    if (check.blocking) throw new ReleaseError("term_errors_block");
    marked.detail = JSON.stringify({ check: auditedCheck(check) });
  }
}

/** Writes the releases, all or none; a workflow refusal (ReleaseError) or a clash fails the whole batch. */
export async function writeNewReleases(db: Db, releases: NewRelease[], now = new Date()) {
  const work = async (tx: Tx) => {
    const rows = releases.map((r) => newReleaseRows(r, now));
    await writeTables(tx, rows);
    await checkTranslations(tx, rows);
    await insertRows(
      tx,
      "AuditEvent",
      rows.flatMap((r) => r.audits),
    );
    await indexNewReleases(
      tx,
      rows.flatMap((r) => r.sources),
    );
    await adjustPublicCounts(
      tx,
      [],
      rows.flatMap((r) => r.publications),
      now,
    );
    // Notifications have nobody to tell about a release nobody was assigned; the translation memory
    // is filled from an imported archive in one pass afterwards (`npm run tm:rebuild`, which the
    // import's last line suggests): per release, the pairs' keys and inserts cost more than the import.
    return rows.map((r) => ({ status: r.release.status, languages: r.contents.map((c) => c.locale) }));
  };
  // The search changes stay pending: the import folds them in once, at the end (text-import-search.ts).
  return inTransaction(db, work, { mergeSearch: false });
}
