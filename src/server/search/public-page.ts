import "server-only";
import { contentLocaleOf, type Locale } from "@/i18n/settings";
import { tagFor } from "../cache-tags";
import { db } from "../db";
import { allowResponseStore, behindFrontServer, embargoHorizonKnown, reportCacheTags } from "../front-bridge";
import { requestNow, visibility } from "../releases/public-cache";
import { searchEdition } from "./edition";

// The public search page's read. Its results change only when a release of its language is
// published or withdrawn (which touches that language's list tag) or when an embargo ends (the
// horizon, which `visibility()` reads and reports): so the front server may keep the page for anonymous
// readers like any other public page, although Next renders it per request (it reads the query).
// A popular query ("国") then costs one render per change instead of one per reader.

export async function publicSearch(locale: Locale, query: string, page: number) {
  const now = requestNow();
  // The front server keeps the page only up to the next embargo end. It usually knows it already
  // (every public render reports it); else it is read here (two Prisma queries, ~2 ms of CPU:
  // a tenth of an uncached search page, so not on every render).
  if (behindFrontServer() && !embargoHorizonKnown()) await visibility(now);
  const result = query ? await searchEdition(db(), query, { locale, page, now }) : null;
  reportCacheTags([tagFor.list(contentLocaleOf(locale))]);
  allowResponseStore();
  return result;
}
