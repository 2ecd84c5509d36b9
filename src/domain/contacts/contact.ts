// Press contacts (docs/PRESS-KIT.md): the address-book form, and the snapshot a publication keeps
// of the contacts its release names, in one language. Messages are i18n keys (validation.json).
import { z } from "zod";
import type { ContentLocale } from "@/i18n/settings";
import { textSchema } from "../text";

export const CONTACT_NAME_MAX = 100;
export const CONTACT_TITLE_MAX = 200;
export const CONTACT_PHONE_MAX = 40;
export const CONTACT_EMAIL_MAX = 254;
/** How many contacts one release may name. */
export const MAX_RELEASE_CONTACTS = 10;

/** Digits, spaces and + - ( ) . / and an extension ("ext." / "转"): what agencies print. */
const PHONE = /^[0-9+()\-./ ]*(?:(?:ext\.?|x|转|分机) ?[0-9]{1,6})?$/i;
const oneLine = (v: string) => v.replace(/\s+/g, " ").trim();

const line = (max: number, key: string) => textSchema().transform(oneLine).pipe(z.string().max(max, key));

export const contactSchema = z.object({
  nameZh: line(CONTACT_NAME_MAX, "contact_name_too_long").pipe(z.string().min(1, "contact_name_required")),
  nameEn: line(CONTACT_NAME_MAX, "contact_name_too_long").pipe(z.string().min(1, "contact_name_required")),
  titleZh: line(CONTACT_TITLE_MAX, "contact_title_too_long"),
  titleEn: line(CONTACT_TITLE_MAX, "contact_title_too_long"),
  phone: line(CONTACT_PHONE_MAX, "contact_phone_invalid").pipe(z.string().regex(PHONE, "contact_phone_invalid")),
  email: line(CONTACT_EMAIL_MAX, "email_invalid")
    .transform((v) => v.toLowerCase())
    .pipe(z.union([z.literal(""), z.email("email_invalid")])),
});

export type ContactInput = z.infer<typeof contactSchema>;

export interface Contact extends ContactInput {
  id: string;
}

/** A contact as one edition shows it (and as a publication keeps it). */
export interface PublicContact {
  name: string;
  title: string;
  phone: string;
  email: string;
}

export function contactIn(c: ContactInput, locale: ContentLocale): PublicContact {
  const zh = locale === "zh";
  return { name: zh ? c.nameZh : c.nameEn, title: zh ? c.titleZh : c.titleEn, phone: c.phone, email: c.email };
}

const publicContactSchema = z.array(
  z.object({ name: z.string(), title: z.string(), phone: z.string(), email: z.string() }).strip(),
);

/** A stored snapshot read back; anything unreadable shows no contacts rather than breaking the page. */
export function parseContacts(json: string | null | undefined): PublicContact[] {
  if (!json) return [];
  try {
    const parsed = publicContactSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** `tel:` URL of a printed number (digits and a leading +; the extension as ";ext="). */
export function telHref(phone: string): string | null {
  const [main = "", ext] = phone.split(/(?:ext\.?|x|转|分机)/i);
  const digits = main.replace(/[^0-9+]/g, "").replace(/(?!^)\+/g, "");
  if (digits.replace("+", "").length < 3) return null;
  const extension = ext?.replace(/[^0-9]/g, "");
  return `tel:${digits}${extension ? `;ext=${extension}` : ""}`;
}

/** schema.org ContactPoints of the publisher, for an article's JSON-LD. */
export function contactPointsLd(contacts: readonly PublicContact[]) {
  return contacts.map((c) => ({
    "@type": "ContactPoint",
    contactType: "press",
    name: c.name,
    ...(c.title && { description: c.title }),
    ...(c.phone && { telephone: c.phone }),
    ...(c.email && { email: c.email }),
  }));
}
