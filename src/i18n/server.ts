import "server-only";
import i18next, { type TFunction } from "i18next";
import { resources } from "./resources";
import { DEFAULT_LOCALE, LOCALES, NAMESPACES, type Locale, type Namespace } from "./settings";

// One instance with both languages loaded; each request asks for a fixed-language t().
// Never changeLanguage() here: requests interleave.
const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  ns: [...NAMESPACES],
  defaultNS: "common",
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export function getT(locale: Locale, ns: Namespace | Namespace[] = "common"): TFunction {
  return instance.getFixedT(locale, ns);
}
