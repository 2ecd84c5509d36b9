import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { purgeResponseCache } from "./front-bridge";

// Tags of the public site's cached data (see docs/CACHING.md). Every cached public read carries
// one of these; pages rendered from it inherit the tags, so expiring a tag expires those pages too.
export const TAGS = {
  publications: "public:publications",
  categories: "public:categories",
} as const;

/**
 * Call after any change readers can see: publish, withdraw, re-publish, category edits.
 * Must run inside a Server Action or Route Handler. `expire: 0` means the next request renders
 * fresh data instead of being served the stale page (stale-while-revalidate would leak
 * withdrawn content for one more request). The path revalidation is a catch-all for every
 * page under the site's root layouts, whatever data it read. The production server's response
 * cache is purged too, and with `broadcast` (the default) every other instance on the same
 * PostgreSQL is told to do the same (docs/CACHING.md, "Several instances").
 */
export function revalidatePublicContent({ broadcast = true }: { broadcast?: boolean } = {}): void {
  revalidateTag(TAGS.publications, { expire: 0 });
  revalidateTag(TAGS.categories, { expire: 0 });
  revalidatePath("/", "layout");
  purgeResponseCache(broadcast);
}
