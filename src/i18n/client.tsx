"use client";
import i18next, { type i18n } from "i18next";
import { useState, type ReactNode } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { resources } from "./resources";
import { NAMESPACES, type Locale } from "./settings";

// react-i18next for client components (forms, editor); one instance per provider, fixed language.
function createClientI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: "admin",
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [instance] = useState(() => createClientI18n(locale));
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}
