// The OpenCC converters of the Traditional Chinese edition, each built once (building one loads
// and indexes its dictionaries: tens of milliseconds; converting is about 2 µs a character).
//
// Variant: Simplified (cn, with OpenCC's phrase dictionary for one-to-many characters such as
// 发 → 發/髮) to Hong Kong standard characters (hk). Not "twp": its regional idiom table rewrites
// official terms (国家知识产权局 → 國家智慧財產權局, 软件 → 軟體), which a government release must
// not do; character forms of the Hong Kong standard read well in Macao, Taiwan and overseas.
// Editors fix what OpenCC gets wrong in the override table (overrides.ts).
import { Converter as toTraditional } from "opencc-js/cn2t";
import { Converter as toSimplified } from "opencc-js/t2cn";

export type Convert = (text: string) => string;

export const HANT_VARIANT = { from: "cn", to: "hk" } as const;

let s2t: Convert | undefined;
let t2s: Convert | undefined;

/** Simplified → Traditional (Hong Kong standard), OpenCC only. */
export function openccToHant(text: string): string {
  s2t ??= toTraditional(HANT_VARIANT);
  return s2t(text);
}

/**
 * Traditional → Simplified, for search queries. From the Hong Kong standard (the edition's own
 * forms; Taiwan forms like 裡 convert too). Not "tw": it turns 显著 into 显着.
 */
export function openccToHans(text: string): string {
  t2s ??= toSimplified({ from: "hk", to: "cn" });
  return t2s(text);
}
