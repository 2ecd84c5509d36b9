import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { hantLocaleText } from "../domain/hant/locale-files";
import { LOCALES, NAMESPACES } from "./settings";

const dir = path.join(process.cwd(), "locales");
const keys = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];
const load = (locale: string, ns: string) => JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), "utf8"));

test("every locale has exactly the declared namespaces", () => {
  for (const locale of LOCALES) {
    expect(readdirSync(path.join(dir, locale)).sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
  }
});

const GENERATED = "_generated";

test.each(NAMESPACES.map((ns) => [ns]))("zh, zh-Hant and en have the same keys in %s", (ns) => {
  const [zh, hant, en] = ["zh", "zh-Hant", "en"].map((l) =>
    keys(load(l, ns))
      .filter((k) => k !== GENERATED)
      .sort(),
  );
  expect(zh).toEqual(en);
  expect(hant).toEqual(zh);
});

test.each(NAMESPACES.map((ns) => [ns]))("locales/zh-Hant/%s.json is generated from zh (npm run locales:hant)", (ns) => {
  const actual = readFileSync(path.join(dir, "zh-Hant", `${ns}.json`), "utf8");
  expect(actual).toBe(hantLocaleText(load("zh", ns)));
});

test.each(NAMESPACES.map((ns) => [ns]))("no empty strings and same placeholders in %s", (ns) => {
  const zh = load("zh", ns);
  const en = load("en", ns);
  for (const key of keys(zh)) {
    const get = (o: unknown) => key.split(".").reduce<unknown>((a, k) => (a as Record<string, unknown>)[k], o);
    const [a, b] = [get(zh), get(en)] as string[];
    expect(a, `zh ${ns}:${key}`).not.toBe("");
    expect(b, `en ${ns}:${key}`).not.toBe("");
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    expect(vars(a!), `${ns}:${key} placeholders`).toEqual(vars(b!));
  }
});

test("the Traditional UI strings are Traditional", () => {
  expect(load("zh-Hant", "common").siteName).toBe("新聞發佈中心");
});
