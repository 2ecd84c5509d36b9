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
