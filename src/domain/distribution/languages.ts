// Which language(s) a recipient reads: one of the two, or both in one email.
import type { ContentLocale } from "@/i18n/settings";

export const MAIL_LANGUAGES = ["zh", "en", "both"] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export function isMailLanguage(value: unknown): value is MailLanguage {
  return typeof value === "string" && (MAIL_LANGUAGES as readonly string[]).includes(value);
}

/** The content languages an email in `language` carries, Chinese first. */
export function localesOf(language: MailLanguage): ContentLocale[] {
  return language === "both" ? ["zh", "en"] : [language];
}

/** The language a page for this recipient is shown in (both → Chinese, the original). */
export const pageLocaleOf = (language: MailLanguage): ContentLocale => (language === "en" ? "en" : "zh");

/** Accepts what people type in a CSV: zh/en/both, 中文/English/双语, Chinese/bilingual… */
export function parseMailLanguage(raw: string): MailLanguage | null {
  const v = raw.trim().toLowerCase();
  if (["zh", "zh-cn", "cn", "chinese", "中文", "汉语", "简体中文"].includes(v)) return "zh";
  if (["en", "english", "英文", "英语"].includes(v)) return "en";
  if (["both", "zh+en", "zh,en", "bilingual", "双语", "中英", "中英文"].includes(v)) return "both";
  return null;
}
