import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LANG_TAG, isLocale } from "@/i18n/settings";
import "../../../site.css";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Root layout of the editors' preview: the public stylesheet, so the preview looks like the site.
export default async function PreviewLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  return (
    <html lang={isLocale(locale) ? LANG_TAG[locale] : "zh-CN"}>
      <body>{children}</body>
    </html>
  );
}
