import "server-only";
import type { SendMailOptions } from "nodemailer/lib/mailer";
import { confirmEmail, releaseEmail, type Footer, type ReleaseSection } from "@/domain/distribution/email-body";
import { headerText } from "@/domain/distribution/header";
import { isMailLanguage, localesOf, pageLocaleOf, type MailLanguage } from "@/domain/distribution/languages";
import { absolute, paths } from "@/domain/public/urls";
import { formatDate } from "@/i18n/format";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { LANG_TAG, type ContentLocale } from "@/i18n/settings";
import type { MailMessage } from "../db/generated/sqlite/client";
import { env } from "../env";
import { hashToken, newToken } from "./tokens";
import { fromDomain, mailFrom } from "./transport";

// One outbox row → one email: HTML and plain text, a stable Message-ID (a resend after a crash
// carries the same one), the canonical links, RFC 8058 one-click unsubscribe headers. Tokens are made
// here, right before sending; the caller stores their hashes before the message leaves.

export interface LiveRelease {
  releaseDate: Date | null;
  publishedAt: Date;
  byLocale: Partial<Record<ContentLocale, { title: string; summary: string; bodyText: string; slug: string }>>;
}

export interface Composed {
  mail: SendMailOptions;
  messageId: string;
  unsubscribeHash: string;
  /** confirm: hash of the confirmation token; embargo: hash of the access token */
  tokenHash?: string;
}

const site = (l: ContentLocale) => (l === "zh" ? env().NEWSROOM_NAME_ZH : env().NEWSROOM_NAME_EN);

export const unsubscribeUrl = (token: string) => absolute(env().SITE_URL, `/unsubscribe?token=${token}`);

function footers(row: MailMessage, language: MailLanguage): Footer[] {
  const key = row.kind === "confirm" ? "reasonConfirm" : row.journalistId ? "reasonJournalist" : "reasonSubscriber";
  return localesOf(language).map((l) => {
    const t = getT(l, "mail");
    return {
      lang: LANG_TAG[l],
      reason: t(`email.${key}`, { site: site(l) }),
      unsubscribe: t(row.kind === "confirm" ? "email.neverAgain" : "email.unsubscribe"),
    };
  });
}

function sections(row: MailMessage, live: LiveRelease, language: MailLanguage, accessToken?: string): ReleaseSection[] {
  const tz = env().NEWSROOM_TIMEZONE;
  return localesOf(language).flatMap((l) => {
    const c = live.byLocale[l];
    if (!c) return [];
    const t = getT(l, "mail");
    const url = accessToken
      ? absolute(env().SITE_URL, `/${l}/embargoed/${accessToken}`)
      : absolute(env().SITE_URL, paths.article(l, c.slug));
    return [
      {
        lang: LANG_TAG[l],
        title: c.title,
        summary: c.summary,
        bodyText: c.bodyText,
        url,
        dateLine: t("email.released", { date: formatDate(live.releaseDate ?? live.publishedAt, l, tz) }),
        readMore: t(accessToken ? "email.embargoLink" : "email.readMore"),
      },
    ];
  });
}

/** The email for `row`; `live` is its release's snapshot (release and embargo mail). */
export function composeMail(row: MailMessage, live: LiveRelease | null): Composed {
  const language: MailLanguage = isMailLanguage(row.language) ? row.language : "zh";
  const unsubscribe = newToken();
  const token = row.kind === "release" ? undefined : newToken();
  const messageId = `<${row.id}@${fromDomain()}>`;
  let parts;
  if (row.kind === "confirm") {
    const l = pageLocaleOf(language);
    const confirmUrl = absolute(env().SITE_URL, `/${l}/subscribe/confirm?token=${token}`);
    parts = confirmEmail(
      localesOf(language).map((x) => {
        const t = getT(x, "mail");
        return {
          lang: LANG_TAG[x],
          subject: t("email.confirmSubject", { site: site(x) }),
          intro: t("email.confirmIntro", { site: site(x) }),
          button: t("email.confirmButton"),
          ignore: t("email.confirmIgnore"),
        };
      }),
      confirmUrl,
      footers(row, language),
      unsubscribeUrl(unsubscribe),
    );
  } else {
    if (!live) throw new Error("composeMail: release mail without a live release");
    const tz = env().NEWSROOM_TIMEZONE;
    const banners =
      row.kind === "embargo"
        ? localesOf(language).map((l) =>
            getT(l, "mail")("email.embargoBanner", { time: formatDateTime(live.publishedAt, l, tz) }),
          )
        : [];
    parts = releaseEmail(
      sections(row, live, language, token),
      footers(row, language),
      unsubscribeUrl(unsubscribe),
      banners,
    );
  }
  return {
    messageId,
    unsubscribeHash: hashToken(unsubscribe),
    tokenHash: token ? hashToken(token) : undefined,
    mail: {
      from: mailFrom(),
      to: { name: headerText(row.name, 100), address: row.email },
      subject: parts.subject,
      text: parts.text,
      html: parts.html,
      messageId,
      list: { unsubscribe: unsubscribeUrl(unsubscribe) },
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "Auto-Submitted": "auto-generated" },
    },
  };
}
