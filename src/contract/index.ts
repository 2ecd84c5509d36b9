// The contract between the front server (src/front-server) and the app: header and cookie names,
// locales, the bridge on globalThis, the log format and the security headers. Both sides import
// it from here; neither keeps a copy.
export { LANG_TAG, LOCALES, isLocale, type Locale } from "../i18n/settings";
export * from "./bridge";
export * from "./protocol";
export * from "./log";
export * from "./security";
