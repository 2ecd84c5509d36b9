import { describe, expect, test } from "vitest";
import { enText, plural } from "./en-text";
import { rng } from "./random";

describe("English plurals", () => {
  test.each([
    ["patent", "patents"],
    ["day", "days"],
    ["policy", "policies"],
    ["authority", "authorities"],
    ["process", "processes"],
    ["box", "boxes"],
    ["branch", "branches"],
    ["child", "children"],
    ["analysis", "analyses"],
    ["criterion", "criteria"],
  ])("%s → %s", (singular, expected) => {
    expect(plural(singular)).toBe(expected);
  });
});

describe("generated English", () => {
  const text = enText(rng(3));
  const sample = Array.from({ length: 400 }, () => text.paragraph()).join(" ");
  const words = sample.split(/[\s,.]+/);

  test("has every kind of plural", () => {
    expect(words).toContain("policies");
    expect(words).toContain("processes");
    expect(words.some((w) => /^(children|analyses|criteria|people|media|women|men)$/.test(w))).toBe(true);
    expect(words.filter((w) => w.endsWith("ies")).length).toBeGreaterThan(20);
  });

  test("has proper nouns, numbers, dates, percentages and alphanumerics", () => {
    expect(sample).toMatch(/\b(CNIPA|WIPO|Beijing)\b/);
    expect(sample).toMatch(/\b\d{1,2}\.\d%/);
    expect(sample).toMatch(
      /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 20\d\d\b/,
    );
    expect(sample).toMatch(/\b5G\b/);
  });

  test("word frequencies are skewed (Zipf): the most common word is far above the median", () => {
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]! / words.length).toBeGreaterThan(0.04);
    expect(sorted[0]!).toBeGreaterThan(50 * sorted[Math.floor(sorted.length / 2)]!);
  });

  test("titles fit the form's limit", () => {
    for (let i = 0; i < 200; i++) expect(text.title().length).toBeLessThanOrEqual(200);
  });
});
