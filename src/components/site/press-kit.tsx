import { formatBytes, type PublicKitFile } from "@/domain/presskit/kit";
import { kitDownloadUrl, kitVariantUrl, kitZipUrl } from "@/domain/presskit/urls";
import { typeLabel } from "@/domain/presskit/sniff-document";
import { getT } from "@/i18n/server";
import { LANG_TAG, type Locale } from "@/i18n/settings";

/** An article's press kit (its snapshot): documents with type and size, a photo gallery, "Download all". */
export function PressKit(p: { locale: Locale; releaseId: string; files: readonly PublicKitFile[] }) {
  if (p.files.length === 0) return null;
  const t = getT(p.locale, "presskit");
  const size = (f: PublicKitFile) => formatBytes(f.bytes, LANG_TAG[p.locale]);
  const docs = p.files.filter((f) => f.kind === "document");
  const photos = p.files.filter((f) => f.kind === "photo");
  return (
    <section className="press-kit" aria-labelledby="press-kit-h">
      <h2 id="press-kit-h">{t("site.kit")}</h2>
      {docs.length > 0 && (
        <>
          <h3>{t("site.documents")}</h3>
          <ul className="kit-documents">
            {docs.map((f) => (
              <li key={f.id}>
                <a href={kitDownloadUrl(f)} download>
                  {f.title || f.fileName}
                </a>{" "}
                <span className="meta">({t("site.download", { type: typeLabel(f.mime), size: size(f) })})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {photos.length > 0 && (
        <>
          <h3>{t("site.photos")}</h3>
          <ul className="kit-photos">
            {photos.map((f) => (
              <li key={f.id}>
                <figure>
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own route, next/image is disabled */}
                  <img
                    src={kitVariantUrl(f)}
                    alt={f.title}
                    width={Math.min(f.width, 480)}
                    height={Math.round((Math.min(f.width, 480) * f.height) / Math.max(f.width, 1))}
                    loading="lazy"
                  />
                  <figcaption>
                    {f.title}
                    {f.credit && <span className="credit"> {t("site.credit", { credit: f.credit })}</span>}
                    <br />
                    <a href={kitDownloadUrl(f)} download>
                      {t("site.highRes", { type: typeLabel(f.mime), width: f.width, height: f.height, size: size(f) })}
                    </a>
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
          <p>
            <a href={kitZipUrl(p.releaseId, p.locale)} download>
              {t("site.downloadAll")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
