// Every locale file, bundled: the server and the client read the same JSON. locales/zh-Hant is
// generated from locales/zh (npm run locales:hant), never edited.
import enAdmin from "@locales/en/admin.json";
import enCommon from "@locales/en/common.json";
import enErrors from "@locales/en/errors.json";
import enMail from "@locales/en/mail.json";
import enPresskit from "@locales/en/presskit.json";
import enSite from "@locales/en/site.json";
import enValidation from "@locales/en/validation.json";
import hantAdmin from "@locales/zh-Hant/admin.json";
import hantCommon from "@locales/zh-Hant/common.json";
import hantErrors from "@locales/zh-Hant/errors.json";
import hantMail from "@locales/zh-Hant/mail.json";
import hantSite from "@locales/zh-Hant/site.json";
import hantValidation from "@locales/zh-Hant/validation.json";
import hantPresskit from "@locales/zh-Hant/presskit.json";
import zhAdmin from "@locales/zh/admin.json";
import zhCommon from "@locales/zh/common.json";
import zhErrors from "@locales/zh/errors.json";
import zhMail from "@locales/zh/mail.json";
import zhPresskit from "@locales/zh/presskit.json";
import zhSite from "@locales/zh/site.json";
import zhValidation from "@locales/zh/validation.json";

export const resources = {
  zh: {
    common: zhCommon,
    site: zhSite,
    admin: zhAdmin,
    validation: zhValidation,
    errors: zhErrors,
    mail: zhMail,
    presskit: zhPresskit,
  },
  en: {
    common: enCommon,
    site: enSite,
    admin: enAdmin,
    validation: enValidation,
    errors: enErrors,
    mail: enMail,
    presskit: enPresskit,
  },
  "zh-Hant": {
    common: hantCommon,
    site: hantSite,
    admin: hantAdmin,
    validation: hantValidation,
    errors: hantErrors,
    mail: hantMail,
    presskit: hantPresskit,
  },
} as const;
