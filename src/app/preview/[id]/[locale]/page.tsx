import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import { SiteShell } from "@/components/site/site-shell";
import { can } from "@/domain/auth/permissions";
import { getT } from "@/i18n/server";
import { convertDocJson } from "@/domain/hant/doc";
import { contentLocaleOf, isLocale, otherLocale, type Locale } from "@/i18n/settings";
import { getCurrentUser } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { textsFor } from "@/server/hant/edition";
import { getReleaseForEdit } from "@/server/releases/admin-queries";
import { PressContacts } from "@/components/site/press-contacts";
import { contactIn } from "@/domain/contacts/contact";
import { contactsOfRelease } from "@/server/contacts/store";
import { PressKit } from "@/components/site/press-kit";
import { kitFileIn } from "@/domain/presskit/kit";
import { kitOfRelease } from "@/server/presskit/store";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const user = await getCurrentUser();
  return { title: getT(user?.locale ?? "zh", "admin")("releases.previewTitle") };
}

/** The working copy rendered as the public article would be. Anonymous visitors get a 404. */
export default async function PreviewPage({ params }: PageProps<"/preview/[id]/[locale]">) {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "release.read")) notFound();
  const { id, locale } = await params;
  if (!isLocale(locale)) notFound();
  const release = await getReleaseForEdit(db(), id);
  const source = contentLocaleOf(locale);
  const written = release?.[source];
  if (!release || !written) notFound();
  // The Traditional edition as readers would get it: converted now, with the current overrides.
  const t = await textsFor(locale);
  const content = { title: t(written.title), body: source === locale ? written.body : convertDocJson(written.body, t) };
  const other = otherLocale(locale);
  const counterpart = release[other];
  const pathFor = (l: Locale) => (release[contentLocaleOf(l)] ? `/preview/${id}/${l}` : undefined);
  const counterpartHref = pathFor(other) ?? `/preview/${id}/${locale}`;
  const date =
    release.publications.find((p) => p.locale === source)?.publishedAt ?? release.releaseDate ?? release.updatedAt;
  const contacts = (await contactsOfRelease(db(), id)).map((c) => contactIn(c, source));
  const kit = (await kitOfRelease(db(), id)).map((f) => kitFileIn(f, source));
  return (
    <>
      <p className="preview-banner" role="note">
        {getT(user.locale, "admin")("releases.previewBanner")}
      </p>
      <SiteShell locale={locale} pathFor={pathFor}>
        <ArticleView
          locale={locale}
          title={content.title}
          body={content.body}
          date={date}
          timeZone={env().NEWSROOM_TIMEZONE}
          counterpart={counterpart ? { href: counterpartHref, title: counterpart.title } : null}
        >
          <PressKit locale={locale} releaseId={id} files={kit} />
          <PressContacts locale={locale} contacts={contacts} />
        </ArticleView>
      </SiteShell>
    </>
  );
}
