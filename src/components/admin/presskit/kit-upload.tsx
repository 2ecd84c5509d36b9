import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";

/**
 * A plain multipart form posting to the upload route, which answers with a redirect back here:
 * works without JavaScript and sends large files without server actions' body limit.
 */
export function KitUploadForm({
  releaseId,
  kind,
  locale,
}: {
  releaseId: string;
  kind: "document" | "photo";
  locale: Locale;
}) {
  const t = getT(locale, "presskit");
  const id = (name: string) => `kit-${kind}-${name}`;
  const photo = kind === "photo";
  const fields: [string, string, string][] = [
    ["titleZh", photo ? "captionZh" : "titleZh", "zh-CN"],
    ["titleEn", photo ? "captionEn" : "titleEn", "en"],
    ...(photo
      ? ([
          ["creditZh", "creditZh", "zh-CN"],
          ["creditEn", "creditEn", "en"],
        ] as [string, string, string][])
      : []),
  ];
  const accept = photo ? "image/jpeg,image/png,image/webp" : ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,application/pdf";
  return (
    <form
      method="post"
      action={`/admin/releases/${releaseId}/presskit`}
      encType="multipart/form-data"
      className="stack"
      aria-labelledby={id("h")}
    >
      <h3 id={id("h")}>{t(photo ? "kit.addPhotoTitle" : "kit.addDocumentTitle")}</h3>
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor={id("file")}>{t(photo ? "kit.photoFile" : "kit.documentFile")}</label>
        <input id={id("file")} name="file" type="file" accept={accept} required />
      </div>
      {fields.map(([name, label, lang]) => (
        <div className="field" key={name}>
          <label htmlFor={id(name)}>{t(`kit.${label}`)}</label>
          <input id={id(name)} name={name} lang={lang} maxLength={name.startsWith("credit") ? 100 : 200} />
        </div>
      ))}
      <p>
        <button type="submit">{t(photo ? "kit.addPhoto" : "kit.addDocument")}</button>
      </p>
    </form>
  );
}
