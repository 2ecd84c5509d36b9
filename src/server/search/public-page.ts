import "server-only";
import { contentLocaleOf, type Locale } from "@/i18n/settings";
import { tagFor } from "../cache-tags";
import { db } from "../db";
import { allowResponseStore, reportCacheTags } from "../front-bridge";
import { requestNow, visibility } from "../releases/public-cache";
import { searchEdition } from "./edition";

// The public search page's read. Its results change only when a release of its language is
// published or withdrawn (which touches that language's list tag) or when an embargo ends (the
// horizon `visibility()` reads and reports): so the front server may keep the page for anonymous
// readers like any other public page, although Next renders it per request (it reads the query).
// A popular query ("国") then costs one render per change instead of one per reader.

export async function publicSearch(locale: Locale, query: string, page: number) {
  const { now } = await visibility(requestNow());
  const result = query ? await searchEdition(db(), query, { locale, page, now }) : null;
  reportCacheTags([tagFor.list(contentLocaleOf(locale))]);
  allowResponseStore();
  return result;
}
