// Press-kit items (docs/PRESS-KIT.md): the texts editors give each file, the limits, and the
// snapshot a publication keeps of them in one language. Messages are i18n keys (validation.json).
import { z } from "zod";
import type { ContentLocale } from "@/i18n/settings";
import { textSchema } from "../text";

export const KIT_KINDS = ["document", "photo"] as const;
export type KitKind = (typeof KIT_KINDS)[number];
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const PHOTO_MAX_BYTES = 25 * 1024 * 1024;
/** Files per release and kind: a press kit, not an archive. */
export const MAX_KIT_FILES = 30;
export const KIT_TITLE_MAX = 200;
export const KIT_CREDIT_MAX = 100;
export const KIT_ID = /^[a-f0-9]{24}$/;
export const isKitId = (v: unknown): v is string => typeof v === "string" && KIT_ID.test(v);

const line = (max: number, key: string) =>
  textSchema()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, key));

/** Title (documents) or caption (photos) in both languages, and a photo's credit. */
export const kitTextSchema = z.object({
  titleZh: line(KIT_TITLE_MAX, "kit_title_too_long"),
  titleEn: line(KIT_TITLE_MAX, "kit_title_too_long"),
  creditZh: line(KIT_CREDIT_MAX, "kit_credit_too_long"),
  creditEn: line(KIT_CREDIT_MAX, "kit_credit_too_long"),
});
export type KitText = z.infer<typeof kitTextSchema>;

/** What a file is, whatever its texts. */
interface KitFileFacts {
  id: string;
  kind: KitKind;
  fileName: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
}

export interface KitFile extends KitText, KitFileFacts {}

/** One file as a publication keeps it: the texts in its language only. */
export interface PublicKitFile extends KitFileFacts {
  title: string;
  credit: string;
}

export function kitFileIn(f: KitFile, locale: ContentLocale): PublicKitFile {
  const zh = locale === "zh";
  const { id, kind, fileName, mime, bytes, width, height } = f;
  const title = (zh ? f.titleZh : f.titleEn) || (zh ? f.titleEn : f.titleZh);
  const credit = (zh ? f.creditZh : f.creditEn) || (zh ? f.creditEn : f.creditZh);
  return { id, kind, fileName, mime, bytes, width, height, title, credit };
}

const publicSchema = z.array(
  z.object({
    id: z.string().regex(KIT_ID),
    kind: z.enum(KIT_KINDS),
    fileName: z.string(),
    mime: z.string(),
    bytes: z.number().int().min(0),
    width: z.number().int().min(0),
    height: z.number().int().min(0),
    title: z.string(),
    credit: z.string(),
  }),
);

/** A stored snapshot read back; anything unreadable shows no files rather than breaking the page. */
export function parseKit(json: string | null | undefined): PublicKitFile[] {
  if (!json) return [];
  try {
    const parsed = publicSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** "1.2 MB", "340 KB": sizes as readers see them. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
