import "server-only";
import { csvRow } from "@/domain/glossary/csv";
import type { Db } from "../db/client";
import { viewsOfRelease } from "./record";

// A release's views as CSV (docs/PRESS-KIT.md "Views"): one row per day and edition. Every cell
// goes through csvCell, so a title starting with = + - @ cannot run as a spreadsheet formula.

export async function releaseViewsCsv(db: Db, releaseId: string): Promise<string | null> {
  const zh = await db.releaseContent.findUnique({
    where: { releaseId_locale: { releaseId, locale: "zh" } },
    select: { title: true },
  });
  if (!zh) return null;
  const rows = await viewsOfRelease(db, releaseId);
  return (
    csvRow(["release_id", "title", "day", "edition", "views"]) +
    rows.map((r) => csvRow([releaseId, zh.title, r.day, r.edition, String(r.count)])).join("")
  );
}
