import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getT } from "@/i18n/server";
import { LANG_TAG, isLocale } from "@/i18n/settings";
import { env } from "@/server/env";
import { siteIcons } from "../icons";
import "../site.css";

// Nothing is rendered at build time (the database may not exist yet); pages render on first request.
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const siteName = getT(locale, "common")("siteName");
  return {
    metadataBase: new URL(env().SITE_URL),
    title: { default: siteName, template: `%s | ${siteName}` },
    ...siteIcons,
  };
}

export default async function PublicLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <html lang={LANG_TAG[locale]}>
      <body>{children}</body>
    </html>
  );
}
