import { readFileSync } from "node:fs";
import path from "node:path";
import { LANG_TAG, LOCALES, type Locale } from "@/contract";

// Pages the front server substitutes: detection of Next's empty error shell, and the 503 page it
// serves when the database is unreachable (built here: it must not need the app or the database).

/**
 * Next's client-rendered error shell (`<html id="__next_error__">`): what `notFound()` inside a
 * page under a root layout with a dynamic segment answers (vercel/next.js#62228). No content
 * without JavaScript.
 */
export function isNextErrorShell(html: string): boolean {
  return /<html[^>]*\bid="__next_error__"/.test(html.slice(0, 2000));
}

export interface UnavailableStrings {
  errorTitle: string;
  errorBody: string;
  backHome: string;
}

export type StringsByLocale = Record<Locale, UnavailableStrings>;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The strings of locales/{zh,en}/common.json the 503 page uses. */
export function loadUnavailableStrings(root: string): StringsByLocale {
  const read = (l: Locale) =>
    JSON.parse(readFileSync(path.join(root, "locales", l, "common.json"), "utf8")) as UnavailableStrings;
  return Object.fromEntries(LOCALES.map((l) => [l, read(l)])) as StringsByLocale;
}

/** A self-contained 503 page in `locale` (every language when unknown). No scripts. */
export function unavailablePage(strings: StringsByLocale, locale: Locale | undefined): string {
  const block = (l: Locale) =>
    `<section lang="${LANG_TAG[l]}"><h1>${escapeHtml(strings[l].errorTitle)}</h1>` +
    `<p>${escapeHtml(strings[l].errorBody)}</p><p><a href="/${l}">${escapeHtml(strings[l].backHome)}</a></p></section>`;
  const locales = locale ? [locale] : [...LOCALES];
  const title = locales.map((l) => escapeHtml(strings[l].errorTitle)).join(" · ");
  return (
    `<!DOCTYPE html><html lang="${LANG_TAG[locale ?? "zh"]}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6}</style>` +
    `</head><body><main id="main" class="error-page">${locales.map(block).join("")}</main></body></html>`
  );
}
