import Link from "next/link";
import type { Contact } from "@/domain/contacts/contact";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";
import { AddReleaseContactForm, RemoveReleaseContactButton } from "./contact-forms";

/** The release page's press contacts: those named (in order), and a picker for more. */
export function ReleaseContactsPanel(p: {
  releaseId: string;
  named: Contact[];
  choices: Contact[];
  canEdit: boolean;
  locale: Locale;
}) {
  const t = getT(p.locale, "presskit");
  const namedIds = new Set(p.named.map((c) => c.id));
  const choices = p.choices.filter((c) => !namedIds.has(c.id));
  return (
    <section className="panel" aria-labelledby="release-contacts-h">
      <h2 id="release-contacts-h">{t("contacts.release.title")}</h2>
      <p className="hint">{t("contacts.release.hint")}</p>
      {p.named.length === 0 ? (
        <p>{t("contacts.release.none")}</p>
      ) : (
        <ul className="contact-list">
          {p.named.map((c) => (
            <li key={c.id}>
              <span lang="zh-CN">{c.nameZh}</span> · <span lang="en">{c.nameEn}</span>
              {(c.phone || c.email) && ` — ${[c.phone, c.email].filter(Boolean).join(" · ")}`}
              {p.canEdit && <RemoveReleaseContactButton releaseId={p.releaseId} contact={c} />}
            </li>
          ))}
        </ul>
      )}
      {p.canEdit &&
        (choices.length > 0 ? (
          <AddReleaseContactForm releaseId={p.releaseId} choices={choices} />
        ) : (
          p.choices.length === 0 && <p>{t("contacts.release.noneInBook")}</p>
        ))}
      {p.canEdit && (
        <p>
          <Link href="/admin/contacts">{t("contacts.release.manage")}</Link>
        </p>
      )}
    </section>
  );
}
