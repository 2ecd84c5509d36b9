// The zh-Hant UI strings are generated, never typed: every string of locales/zh/*.json through
// OpenCC (the edition's variant) and the fixes below. `npm run locales:hant` writes
// locales/zh-Hant/*.json; a test fails when they are stale. Pure.
import { compileOverrides, type HantOverride } from "./overrides";
import { openccToHant } from "./opencc";

/** Fixes of OpenCC in UI strings (content has the editors' table instead). */
export const UI_OVERRIDES: readonly HantOverride[] = [];

const GENERATED = "_generated";
export const GENERATED_NOTE = "GENERATED from locales/zh by npm run locales:hant (OpenCC cn → hk). Do not edit.";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function convertValue(value: Json, convert: (s: string) => string): Json {
  if (typeof value === "string") return convert(value);
  if (Array.isArray(value)) return value.map((v) => convertValue(v, convert));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertValue(v, convert)]));
  return value;
}

/** A zh locale file (parsed) as its zh-Hant twin, with a note saying it is generated. */
export function hantLocaleFile(zh: Record<string, Json>): Record<string, Json> {
  const fix = compileOverrides(UI_OVERRIDES);
  const converted = convertValue(zh, (s) => fix(openccToHant(s))) as Record<string, Json>;
  return { [GENERATED]: GENERATED_NOTE, ...converted };
}

/** The file's text as written: two-space JSON and a final newline, like the others. */
export const hantLocaleText = (zh: Record<string, Json>) => `${JSON.stringify(hantLocaleFile(zh), null, 2)}\n`;
