// Distribution forms, shared by server actions and client forms. Messages are i18n keys (validation.json).
import { z } from "zod";
import { emailSchema } from "../auth/schemas";
import { MAIL_LANGUAGES } from "./languages";
import { WEBHOOK_EVENTS } from "./states";

export const mailLanguageSchema = z.enum(MAIL_LANGUAGES, { message: "mail_language_invalid" });
const idList = z.array(z.string().min(1).max(64)).max(100);

export const subscribeSchema = z.object({
  email: z.string().trim().min(1, "email_required").pipe(emailSchema),
  language: mailLanguageSchema,
  categoryIds: idList.default([]),
});
export type SubscribeInput = z.infer<typeof subscribeSchema>;

// Text stored as given must be well-formed Unicode (a lone surrogate cannot be stored or mailed).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);
const name = z.string().trim().min(1, "name_required").max(200, "name_too_long").refine(wellFormed, "name_required");
const organisation = z
  .string()
  .trim()
  .max(200, "organisation_too_long")
  .refine(wellFormed, "organisation_too_long")
  .default("");

export const journalistSchema = z.object({
  name,
  email: z.string().trim().min(1, "email_required").pipe(emailSchema),
  organisation,
  language: mailLanguageSchema,
});
export type JournalistInput = z.infer<typeof journalistSchema>;

export const listNameSchema = z.object({
  name: z.string().trim().min(1, "name_required").max(120, "name_too_long").refine(wellFormed, "name_required"),
});

/** The editor's choice when publishing: subscribers or not, which lists, and whether to send again. */
export const distributionChoiceSchema = z.object({
  subscribers: z.boolean().default(true),
  listIds: idList.default([]),
  resend: z.boolean().default(false),
});
export type DistributionChoice = z.infer<typeof distributionChoiceSchema>;
export const NO_DISTRIBUTION: DistributionChoice = { subscribers: false, listIds: [], resend: false };

export const webhookUrlSchema = z
  .string()
  .trim()
  .min(1, "url_required")
  .max(2000, "url_invalid")
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password && !!u.hostname;
    } catch {
      return false;
    }
  }, "url_invalid");

export const webhookSchema = z.object({
  url: webhookUrlSchema,
  events: z.array(z.enum(WEBHOOK_EVENTS, { message: "events_required" })).min(1, "events_required"),
});
