// Alt texts of an upload. Chinese is required (the original language of every release); English is
// optional at upload and can be typed when the image is inserted into an English document.
import { z } from "zod";
import { textSchema } from "@/domain/text";
import { ALT_MAX } from "./urls";

export const altSchema = z.object({
  altZh: textSchema().trim().min(1, "alt_zh_required").max(ALT_MAX, "alt_too_long"),
  altEn: textSchema().trim().max(ALT_MAX, "alt_too_long"),
});
export type AltTexts = z.infer<typeof altSchema>;

/** What the admin UI gets about one media item (upload answer, picker list). */
export interface ClientMedia {
  id: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  altZh: string;
  altEn: string;
}
