import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LANG_TAG } from "@/i18n/settings";
import { uiLocale } from "@/server/auth/current";
import { siteIcons } from "../icons";
import "./admin.css";
import "./workbench.css";

export const metadata: Metadata = { robots: { index: false, follow: false }, ...siteIcons };

// Root layout of the back office: its language is the signed-in user's preference.
export default async function AdminRootLayout({ children }: { children: ReactNode }) {
  const locale = await uiLocale();
  return (
    <html lang={LANG_TAG[locale]}>
      <body>{children}</body>
    </html>
  );
}
