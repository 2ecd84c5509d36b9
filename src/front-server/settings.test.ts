import { expect, test } from "vitest";
import { readSettings, transportSecurity } from "./settings";

test("TRUSTED_PROXY is validated at start, with one line naming it", () => {
  expect(() => readSettings({ TRUSTED_PROXY: "10.0.0.0/33" })).toThrow(/^Invalid configuration: TRUSTED_PROXY /);
  expect(readSettings({ TRUSTED_PROXY: "1" }).trust).toEqual({ kind: "hops", hops: 1 });
  expect(readSettings({}).trust).toEqual({ kind: "none" });
});

test.each([
  [{ SITE_URL: "https://news.agency.gov" }, "info", /^secure: SITE_URL is https/],
  [{ TRUSTED_PROXY: "loopback" }, "info", /^secure per request:/],
  [{ SITE_URL: "http://news.agency.gov", TRUSTED_PROXY: "1" }, "info", /^secure: session cookies are Secure/],
  [{ SITE_URL: "http://news.agency.gov" }, "warn", /^partly secure: .*no HSTS/],
  [{}, "warn", /^NOT SECURE: .*without Secure and there is no HSTS/],
  [{ SITE_URL: "http://localhost:3000" }, "warn", /^NOT SECURE/],
])("%j → %s", (env, level, msg) => {
  const said = transportSecurity(readSettings(env));
  expect(said.level).toBe(level);
  expect(said.msg).toMatch(msg);
});
