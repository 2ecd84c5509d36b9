// The text and HTML of the emails, from already-translated strings. Pure: the server passes the
// strings and URLs in. Every piece of text is escaped for HTML; subjects go through headerText.
import { xmlEscape } from "../public/xml";
import { headerText } from "./header";

export interface ReleaseSection {
  lang: string; // BCP 47 tag for the HTML section
  title: string;
  summary: string;
  bodyText: string;
  url: string;
  /** "Released 2026-12-03" etc., already translated */
  dateLine: string;
  /** "Read the full release" etc. */
  readMore: string;
}

export interface Footer {
  lang: string;
  /** why they get it, translated */
  reason: string;
  /** the unsubscribe link's text */
  unsubscribe: string;
}

export interface EmailParts {
  subject: string;
  text: string;
  html: string;
}

const esc = (s: string) => xmlEscape(s);
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);

function page(lang: string, title: string, inner: string): string {
  return `<!DOCTYPE html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body style="font-family:sans-serif;line-height:1.6;max-width:40em;margin:0 auto;padding:1em;color:#1a1a1a">${inner}</body></html>`;
}

function sectionHtml(s: ReleaseSection, banner?: string): string {
  const body = paragraphs(s.bodyText)
    .map((p) => `<p>${esc(p)}</p>`)
    .join("");
  return `<section lang="${esc(s.lang)}">${banner ? `<p style="background:#fff3cd;border:1px solid #c9a227;padding:.5em"><strong>${esc(banner)}</strong></p>` : ""}<h1 style="font-size:1.4em">${esc(s.title)}</h1><p style="color:#555">${esc(s.dateLine)}</p><p><strong>${esc(s.summary)}</strong></p>${body}<p><a href="${esc(s.url)}">${esc(s.readMore)}</a></p></section>`;
}

function sectionText(s: ReleaseSection, banner?: string): string {
  return [
    banner,
    s.title,
    s.dateLine,
    "",
    s.summary,
    "",
    ...paragraphs(s.bodyText).flatMap((p) => [p, ""]),
    `${s.readMore}: ${s.url}`,
  ]
    .filter((line) => line !== undefined)
    .join("\n");
}

function footerHtml(footers: Footer[], unsubscribeUrl: string): string {
  return footers
    .map(
      (f) =>
        `<p lang="${esc(f.lang)}" style="color:#555;font-size:.9em">${esc(f.reason)} <a href="${esc(unsubscribeUrl)}">${esc(f.unsubscribe)}</a></p>`,
    )
    .join("");
}

const footerText = (footers: Footer[], unsubscribeUrl: string) =>
  ["-- ", ...footers.map((f) => `${f.reason}\n${f.unsubscribe}: ${unsubscribeUrl}`)].join("\n");

/** A release (one or both languages) with its links, as sent on publication or as early access. */
export function releaseEmail(
  sections: ReleaseSection[],
  footers: Footer[],
  unsubscribeUrl: string,
  banners: string[] = [],
): EmailParts {
  const subject = headerText(sections.map((s) => s.title).join(" / "), 250);
  const html = page(
    sections[0]?.lang ?? "zh-CN",
    subject,
    sections.map((s, i) => sectionHtml(s, banners[i])).join('<hr style="margin:2em 0">') +
      `<hr style="margin:2em 0">${footerHtml(footers, unsubscribeUrl)}`,
  );
  const text = [...sections.map((s, i) => sectionText(s, banners[i])), footerText(footers, unsubscribeUrl)].join(
    "\n\n",
  );
  return { subject, text, html };
}

export interface ConfirmText {
  lang: string;
  subject: string;
  intro: string;
  button: string;
  ignore: string;
}

/** The double opt-in email: a link to the confirmation page, and a way to never be written to again. */
export function confirmEmail(
  parts: ConfirmText[],
  confirmUrl: string,
  footers: Footer[] = [],
  unsubscribeUrl = "",
): EmailParts {
  const subject = headerText(parts.map((p) => p.subject).join(" / "), 250);
  const html = page(
    parts[0]?.lang ?? "zh-CN",
    subject,
    parts
      .map(
        (p) =>
          `<section lang="${esc(p.lang)}"><p>${esc(p.intro)}</p><p><a href="${esc(confirmUrl)}">${esc(p.button)}</a></p><p style="color:#555">${esc(p.ignore)}</p></section>`,
      )
      .join("<hr>") + (footers.length ? `<hr>${footerHtml(footers, unsubscribeUrl)}` : ""),
  );
  const text = [
    ...parts.map((p) => `${p.intro}\n\n${p.button}: ${confirmUrl}\n\n${p.ignore}`),
    ...(footers.length ? [footerText(footers, unsubscribeUrl)] : []),
  ].join("\n\n");
  return { subject, text, html };
}
