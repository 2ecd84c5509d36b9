import { telHref, type PublicContact } from "@/domain/contacts/contact";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";

/** The press contacts of an article (its snapshot), as contact information for it. */
export function PressContacts({ locale, contacts }: { locale: Locale; contacts: readonly PublicContact[] }) {
  if (contacts.length === 0) return null;
  const t = getT(locale, "presskit");
  return (
    <section className="press-contacts" aria-labelledby="press-contacts-h">
      <h2 id="press-contacts-h">{t("site.contacts")}</h2>
      <ul>
        {contacts.map((c, i) => {
          const tel = c.phone ? telHref(c.phone) : null;
          return (
            <li key={i}>
              <address>
                <strong>{c.name}</strong>
                {c.title && <>, {c.title}</>}
                {c.phone && (
                  <>
                    <br />
                    {t("site.phone")}: {tel ? <a href={tel}>{c.phone}</a> : c.phone}
                  </>
                )}
                {c.email && (
                  <>
                    <br />
                    {t("site.email")}: <a href={`mailto:${c.email}`}>{c.email}</a>
                  </>
                )}
              </address>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
