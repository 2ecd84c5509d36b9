import { localeOr404, metadataOrEmpty } from "@/components/site/params";
import { SiteShell } from "@/components/site/site-shell";
import { SubscribeForm } from "@/components/distribution/subscribe-form";
import { I18nProvider } from "@/i18n/client";
import { getT } from "@/i18n/server";
import { publicCategories } from "@/server/releases/public";
import { pageMetadata } from "@/server/site-metadata";

// The public subscription form (docs/DISTRIBUTION.md "Subscribers"). The page itself is the same for
// everyone (cached like the other public pages); the form posts to a server action.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = PageProps<"/[locale]/subscribe">;

export async function generateMetadata({ params }: Props) {
  return metadataOrEmpty(async () => {
    const locale = localeOr404((await params).locale);
    return pageMetadata({ locale, pathFor: (l) => `/${l}/subscribe`, title: getT(locale, "mail")("subscribe.title") });
  });
}

export default async function SubscribePage({ params }: Props) {
  const locale = localeOr404((await params).locale);
  const t = getT(locale, "mail");
  const categories = (await publicCategories(locale)).map((c) => ({ id: c.id, name: c.name }));
  return (
    <SiteShell locale={locale} pathFor={(l) => `/${l}/subscribe`}>
      <h1>{t("subscribe.title")}</h1>
      <p>{t("subscribe.intro")}</p>
      <I18nProvider locale={locale}>
        <SubscribeForm locale={locale} categories={categories} />
      </I18nProvider>
    </SiteShell>
  );
}
