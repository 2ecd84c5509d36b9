import "server-only";
import { unstable_cache } from "next/cache";
import { hantConverter } from "@/domain/hant/edition";
import type { Convert } from "@/domain/hant/opencc";
import type { HantOverride } from "@/domain/hant/overrides";
import { isHant, type Locale } from "@/i18n/settings";
import { TAGS, tagFor } from "../cache-tags";
import { db } from "../db";

// The text function of a site locale: identity for zh and en, OpenCC plus the editors' overrides
// for zh-Hant. The override list is read through Next's data cache (expired with all public
// content when an editor changes it) and the converter is built once per distinct list, so a
// render only pays for converting its own rows (memoised per text).

const identity: Convert = (text) => text;

export const loadHantOverrides = unstable_cache(
  async (): Promise<HantOverride[]> =>
    db().hantOverride.findMany({ select: { wrong: true, right: true }, orderBy: { wrong: "asc" } }),
  ["hant-overrides-v1"],
  { tags: [TAGS.publications, tagFor.hantOverrides] },
);

let built: { key: string; convert: Convert } | null = null;

export function converterFor(overrides: readonly HantOverride[]): Convert {
  const key = JSON.stringify(overrides);
  if (built?.key !== key) built = { key, convert: hantConverter(overrides) };
  return built.convert;
}

/** How texts of `locale` are shown: converted for zh-Hant, unchanged otherwise. */
export async function textsFor(locale: Locale): Promise<Convert> {
  return isHant(locale) ? converterFor(await loadHantOverrides()) : identity;
}
