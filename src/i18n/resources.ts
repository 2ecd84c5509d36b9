// Every locale file, bundled: the server and the client read the same JSON.
import enAdmin from "@locales/en/admin.json";
import enCommon from "@locales/en/common.json";
import enErrors from "@locales/en/errors.json";
import enMail from "@locales/en/mail.json";
import enPresskit from "@locales/en/presskit.json";
import enSite from "@locales/en/site.json";
import enValidation from "@locales/en/validation.json";
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
} as const;
