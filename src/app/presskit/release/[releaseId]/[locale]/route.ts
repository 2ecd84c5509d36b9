import { Readable } from "node:stream";
import { contentDisposition } from "@/domain/presskit/file-name";
import { contentLocaleOf, isLocale } from "@/i18n/settings";
import { getActor } from "@/server/auth/current";
import { db } from "@/server/db";
import { appMediaCache, appMediaStore } from "@/server/media/runtime";
import { KIT_HEADERS, cacheControl, plain } from "@/server/presskit/download-response";
import { photoZip, planPhotoZip } from "@/server/presskit/zip";

// GET /presskit/release/<releaseId>/<locale>: "Download all" photos of a release with their
// captions and credits in that language, as a zip streamed while it is made (never held whole).
// Same access as the page: readers while it is live, staff always.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: RouteContext<"/presskit/release/[releaseId]/[locale]">) {
  const { releaseId, locale } = await params;
  if (!isLocale(locale) || !/^[A-Za-z0-9_-]{1,64}$/.test(releaseId)) return plain(404, "Not found");
  const staff = (await getActor()) !== null;
  // The Traditional edition downloads the original's captions (its files are the same).
  const plan = await planPhotoZip(db(), releaseId, contentLocaleOf(locale), staff, new Date());
  if (!plan) return plain(404, "Not found");
  const zip = photoZip(plan, { store: appMediaStore(), cache: appMediaCache() });
  return new Response(Readable.toWeb(zip) as ReadableStream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition(plan.name),
      ...cacheControl(staff),
      ...KIT_HEADERS,
    },
  });
}
