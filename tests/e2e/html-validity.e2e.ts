import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { embargoToken } from "./distribution-support";

// Every kind of public page, in every edition (简, 繁, EN), through the W3C Nu HTML checker (vnu.jar, run
// locally with Java): no errors allowed.

const vnuJar = createRequire(import.meta.url)("vnu-jar") as string;

const PAGES = ["zh", "zh-Hant", "en"].flatMap((l) => [
  `/${l}`,
  `/${l}/news`,
  `/${l}/news/cnipa-kipo-video-conference`,
  `/${l}/category/international-cooperation`,
  `/${l}/archive`,
  `/${l}/archive/2020/04`,
  `/${l}/search?q=${encodeURIComponent({ zh: "专利", "zh-Hant": "專利", en: "patent" }[l]!)}`,
  `/${l}/news/no-such-release`, // the localized 404
  `/${l}/subscribe`,
  `/${l}/subscribe/confirm?token=${"x".repeat(43)}`, // an unknown link
  `/${l}/unsubscribe?token=${"x".repeat(43)}`,
]);

test("public pages are valid HTML (W3C Nu checker)", async ({ request }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-vnu-"));
  // A private early-access page needs a live token: made for this run.
  const pages = [...PAGES, ...["zh", "zh-Hant", "en"].map((l) => `/${l}/embargoed/${embargoToken()}`)];
  try {
    const files = [];
    for (const [i, url] of pages.entries()) {
      const res = await request.get(url);
      expect(res.headers()["content-type"], url).toContain("text/html");
      const file = path.join(dir, `${i}.html`);
      writeFileSync(file, await res.text());
      files.push(file);
    }
    // A deliberately broken page proves the checker runs and reports (a check that cannot fail is none).
    const broken = path.join(dir, "broken.html");
    writeFileSync(broken, "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div></p></body></html>");
    const run = spawnSync(
      "java",
      ["-jar", vnuJar, "--errors-only", "--format", "json", "--exit-zero-always", ...files, broken],
      {
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    expect(run.error, "java must be installed (see .ci/run)").toBeUndefined();
    const report = run.stderr; // vnu writes its JSON report to stderr
    const messages =
      (JSON.parse(report || "{}") as { messages?: { type: string; message: string; url: string }[] }).messages ?? [];
    const errors = messages.filter((m) => m.type === "error");
    expect(
      errors.filter((m) => m.url.endsWith("broken.html")).length,
      "the checker finds the planted error",
    ).toBeGreaterThan(0);
    const ours = errors
      .filter((m) => !m.url.endsWith("broken.html"))
      .map((m) => `${pages[Number(path.basename(m.url, ".html"))]}: ${m.message}`);
    expect(ours).toEqual([]);
    console.log(`HTML validity: ${pages.length} public pages checked with the W3C Nu checker, 0 errors.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
