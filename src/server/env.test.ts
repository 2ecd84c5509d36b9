import path from "node:path";
import { describe, expect, test } from "vitest";
import { isPostgresUrl, parseEnv, sqlitePath } from "./env";

// Configuration is validated once at start: defaults for the embedded demo, one line naming each bad value.

describe("parseEnv", () => {
  test("an empty environment gives the embedded defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe(`file:${path.join(process.cwd(), "data", "newsroom.db")}`);
    expect(env.PORT).toBe(3000);
    expect(env.SITE_URL).toBe("http://localhost:3000");
    expect(env.NEWSROOM_TIMEZONE).toBe("Asia/Shanghai");
    expect(env.MEDIA_DIR).toBe(path.join(process.cwd(), "data", "media"));
    expect(env.NODE_ENV).toBe("development");
  });

  test("SITE_URL follows PORT when unset and loses a trailing slash when set", () => {
    expect(parseEnv({ PORT: "8080" }).SITE_URL).toBe("http://localhost:8080");
    expect(parseEnv({ SITE_URL: "https://news.example.gov/" }).SITE_URL).toBe("https://news.example.gov");
  });

  test("empty strings count as unset (a blank line in .env does not break the app)", () => {
    expect(parseEnv({ PORT: "", SITE_URL: "" }).PORT).toBe(3000);
  });

  test("relative MEDIA_DIR resolves from the working directory", () => {
    expect(parseEnv({ MEDIA_DIR: "media-here" }).MEDIA_DIR).toBe(path.join(process.cwd(), "media-here"));
  });

  test.each([
    ["DATABASE_URL", "mysql://x", "DATABASE_URL"],
    ["PORT", "99999", "PORT"],
    ["PORT", "abc", "PORT"],
    ["SITE_URL", "not a url", "SITE_URL"],
    ["NEWSROOM_TIMEZONE", "Mars/Olympus", "NEWSROOM_TIMEZONE"],
    ["DEMO_PASSWORD", "short", "DEMO_PASSWORD"],
    ["NODE_ENV", "staging", "NODE_ENV"],
  ])("%s=%s is refused with a line naming it", (key, value, named) => {
    expect(() => parseEnv({ [key]: value })).toThrow(new RegExp(`^Invalid configuration: ${named} `, "m"));
  });

  test("several bad values: one line each", () => {
    try {
      parseEnv({ PORT: "0", NEWSROOM_TIMEZONE: "Nowhere" });
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).message).split("\n")).toHaveLength(2);
    }
  });
});

describe("distribution settings (docs/DISTRIBUTION.md)", () => {
  const smtp = "smtps://press:s3cret-pass@mail.agency.gov:465";

  test("no SMTP_URL: the local outbox, a demo sender, the worker on, no webhook exceptions", () => {
    const env = parseEnv({});
    expect([env.SMTP_URL, env.MAIL_FROM, env.MAIL_WORKER, env.WEBHOOK_ALLOWED_HOSTS]).toEqual([
      undefined,
      undefined,
      "on",
      [],
    ]);
  });

  test("a full mail configuration is accepted", () => {
    const env = parseEnv({
      SMTP_URL: smtp,
      MAIL_FROM: "Press Office <press@agency.gov>",
      SITE_URL: "https://news.agency.gov",
      WEBHOOK_ALLOWED_HOSTS: " Intranet.Agency.local , 10.0.0.5 ",
    });
    expect(env.SMTP_URL).toBe(smtp);
    expect(env.WEBHOOK_ALLOWED_HOSTS).toEqual(["intranet.agency.local", "10.0.0.5"]);
  });

  test.each([
    [{ SMTP_URL: "http://mail.agency.gov" }, /SMTP_URL must be smtp:\/\//],
    [{ SMTP_URL: "smtp://x:y@h", MAIL_FROM: "no address here" }, /MAIL_FROM/],
    [{ SMTP_URL: smtp }, /MAIL_FROM is required/],
    [{ SMTP_URL: smtp, MAIL_FROM: "a@b.gov", SITE_URL: "http://news.agency.gov" }, /SITE_URL must be https/],
    [{ MAIL_FROM: "Evil <a@b.gov>\r\nBcc: x@y.z" }, /MAIL_FROM/],
    [{ WEBHOOK_ALLOWED_HOSTS: "ok.example, not ok" }, /WEBHOOK_ALLOWED_HOSTS/],
    [{ MAIL_WORKER: "sometimes" }, /MAIL_WORKER/],
  ])("%j is refused", (vars, message) => {
    expect(() => parseEnv(vars)).toThrow(message);
  });

  test("an SMTP_URL error never repeats the URL (it holds the password)", () => {
    try {
      parseEnv({ SMTP_URL: "ftp://press:s3cret-pass@mail.agency.gov" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain("s3cret-pass");
    }
  });

  test("plain http on loopback is fine with SMTP (tests, local relays)", () => {
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "a@b.gov" }).SITE_URL).toBe(
      "http://localhost:3000",
    );
  });
});

test.each([
  ["postgresql://u@h/db", true],
  ["postgres://u@h/db", true],
  ["file:./x.db", false],
  ["postgresqlx://u@h", false],
])("isPostgresUrl(%s) → %s", (url, expected) => expect(isPostgresUrl(url)).toBe(expected));

test("sqlitePath makes file: URLs absolute and drops query parameters", () => {
  expect(sqlitePath("file:./data/a.db?mode=ro")).toBe(path.join(process.cwd(), "data", "a.db"));
  expect(sqlitePath("file:/tmp/b.db")).toBe("/tmp/b.db");
});
