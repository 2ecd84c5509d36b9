import { expect, test } from "vitest";
import { cookieSecure } from "./cookie-policy";

test.each([
  ["production", "https://news.agency.gov.cn", false, true],
  ["production", "http://news.agency.gov.cn", false, true], // behind a TLS proxy: still Secure
  ["production", "https://localhost:3000", false, true],
  ["production", "http://localhost:3000", false, false],
  ["production", "http://127.0.0.1:3100", false, false],
  // No SITE_URL (the default is loopback): Secure as soon as the request came over HTTPS.
  ["production", "http://localhost:3000", true, true],
  ["development", "https://news.agency.gov.cn", true, false],
  ["test", "http://localhost:3000", true, false],
] as const)("%s at %s, request over https %s → Secure %s", (nodeEnv, siteUrl, requestHttps, secure) => {
  expect(cookieSecure({ nodeEnv, siteUrl, requestHttps })).toBe(secure);
});
