// Sitemap XML (sitemaps.org 0.9, hreflang alternates as xhtml:link), written with the escaping
// helpers of xml.ts: every URL is escaped, nothing is interpolated raw. Pure.
import { xmlEscape } from "./xml";

export interface SitemapUrl {
  loc: string;
  lastmod?: Date;
  /** every language version of the page, itself included (hreflang → URL) */
  alternates: { hreflang: string; href: string }[];
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML = "http://www.w3.org/1999/xhtml";

/** W3C datetime, second precision (what the protocol shows). */
const w3c = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

function urlXml(u: SitemapUrl): string {
  let out = `<url><loc>${xmlEscape(u.loc)}</loc>`;
  if (u.lastmod) out += `<lastmod>${w3c(u.lastmod)}</lastmod>`;
  for (const a of u.alternates) {
    out += `<xhtml:link rel="alternate" hreflang="${xmlEscape(a.hreflang)}" href="${xmlEscape(a.href)}"/>`;
  }
  return `${out}</url>\n`;
}

export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const parts = [HEAD, `<urlset xmlns="${NS}" xmlns:xhtml="${XHTML}">\n`];
  for (const u of urls) parts.push(urlXml(u));
  parts.push("</urlset>\n");
  return parts.join("");
}

export function sitemapIndexXml(entries: readonly { loc: string; lastmod?: Date }[]): string {
  const parts = [HEAD, `<sitemapindex xmlns="${NS}">\n`];
  for (const e of entries) {
    const lastmod = e.lastmod ? `<lastmod>${w3c(e.lastmod)}</lastmod>` : "";
    parts.push(`<sitemap><loc>${xmlEscape(e.loc)}</loc>${lastmod}</sitemap>\n`);
  }
  parts.push("</sitemapindex>\n");
  return parts.join("");
}
