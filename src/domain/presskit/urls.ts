// URLs of press-kit downloads (docs/PRESS-KIT.md). The id is ours; the name in a download URL is
// only for the reader (the route serves by id and names the file itself).
import type { PublicKitFile } from "./kit";

export const kitDownloadUrl = (f: Pick<PublicKitFile, "id" | "fileName">) =>
  `/presskit/${f.id}/${encodeURIComponent(f.fileName)}`;

/** The gallery image: the 480 px WebP variant, or the original of a photo no wider than that. */
export const kitVariantUrl = (f: Pick<PublicKitFile, "id" | "fileName" | "width">) =>
  f.width > 480 ? `/presskit/${f.id}/w480.webp` : kitDownloadUrl(f);

export const kitZipUrl = (releaseId: string, locale: string) => `/presskit/release/${releaseId}/${locale}`;
