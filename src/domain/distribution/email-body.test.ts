import { describe, expect, test } from "vitest";
import { confirmEmail, releaseEmail, type ReleaseSection } from "./email-body";
import { headerText } from "./header";
import { classifySmtpFailure } from "./smtp-outcome";
import { backoffMs, nextTryAt, RETRY_WINDOW_MS } from "./retry";
import { parseMailLanguage } from "./languages";

const section = (over: Partial<ReleaseSection> = {}): ReleaseSection => ({
  lang: "en",
  title: "Title",
  summary: "Summary",
  bodyText: "First.\n\nSecond.",
  url: "https://example.gov/en/news/a",
  dateLine: "Released 3 Dec 2026",
  readMore: "Read the full release",
  ...over,
});
const footer = { lang: "en", reason: "You subscribed.", unsubscribe: "Unsubscribe" };

describe("release email", () => {
  test("escapes every text in HTML and keeps it whole in plain text", () => {
    const evil = `<script>alert(1)</script>&"'`;
    const mail = releaseEmail(
      [section({ title: evil, summary: evil, bodyText: evil })],
      [footer],
      "https://x/u?t=1&a=2",
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).toContain('href="https://x/u?t=1&amp;a=2"');
    expect(mail.text).toContain(evil);
  });

  test("both languages in one email: both titles in the subject, each section tagged with its language", () => {
    const mail = releaseEmail([section({ lang: "zh-CN", title: "标题" }), section()], [footer], "https://x/u");
    expect(mail.subject).toBe("标题 / Title");
    expect(mail.html).toContain('<section lang="zh-CN">');
    expect(mail.html).toContain('<section lang="en">');
    expect(mail.text).toContain("https://example.gov/en/news/a");
    expect(mail.text).toContain("Unsubscribe: https://x/u");
  });

  test("a line break in a title cannot reach the subject as a new header", () => {
    const mail = releaseEmail([section({ title: "Hello\r\nBcc: victim@example.com\u2028X" })], [footer], "u");
    expect(mail.subject).toBe("Hello Bcc: victim@example.com X");
    expect(confirmEmail([{ lang: "en", subject: "a\nb", intro: "", button: "", ignore: "" }], "u").subject).toBe("a b");
  });
});

test("headerText flattens controls and caps the length", () => {
  expect(headerText("a\r\n\tb\u0000c\u0085d")).toBe("a b c d");
  expect(headerText("x".repeat(300), 10)).toHaveLength(10);
});

describe("SMTP failures", () => {
  test.each([
    [{ responseCode: 421, command: "RCPT TO" }, "retry"],
    [{ responseCode: 451, command: "DATA" }, "retry"],
    [{ command: "CONN" }, "retry"],
    [{ responseCode: 535, command: "AUTH PLAIN" }, "retry"],
    [{ responseCode: 550, command: "RCPT TO", response: "550 5.1.1 no such user" }, "suppress"],
    [{ responseCode: 554, command: "DATA", response: "554 5.1.1 mailbox unavailable" }, "suppress"],
    [{ responseCode: 552, command: "DATA", response: "552 5.3.4 message too big" }, "fail"],
  ] as const)("%j → %s", (error, outcome) => {
    expect(classifySmtpFailure(error)).toBe(outcome);
  });
});

describe("retry policy", () => {
  test("doubles from one minute, capped at four hours, jittered ±10%", () => {
    expect(backoffMs(1, () => 0.5)).toBe(60_000);
    expect(backoffMs(2, () => 0.5)).toBe(120_000);
    expect(backoffMs(30, () => 0.5)).toBe(4 * 3600_000);
    expect(backoffMs(1, () => 0)).toBe(54_000);
    expect(backoffMs(1, () => 1)).toBe(66_000);
  });

  test("gives up 72 hours after the first try", () => {
    const first = new Date("2026-01-01T00:00:00Z");
    const late = new Date(first.getTime() + RETRY_WINDOW_MS - 60_000);
    expect(nextTryAt(3, first, new Date(first.getTime() + 3_600_000), () => 0.5)).not.toBeNull();
    expect(nextTryAt(20, first, late, () => 0.5)).toBeNull();
  });
});

test.each([
  ["中文", "zh"],
  ["English", "en"],
  [" both ", "both"],
  ["双语", "both"],
  ["fr", null],
])("CSV language %s → %s", (raw, want) => {
  expect(parseMailLanguage(raw)).toBe(want);
});
