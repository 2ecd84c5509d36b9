import { expect, test } from "vitest";
import { cookieSecure } from "./cookie-policy";

test.each([
  ["production", "https://news.agency.gov.cn", true],
  ["production", "http://news.agency.gov.cn", true], // behind a TLS proxy: still Secure
  ["production", "https://localhost:3000", true],
  ["production", "http://localhost:3000", false],
  ["production", "http://127.0.0.1:3100", false],
  ["development", "https://news.agency.gov.cn", false],
  ["test", "http://localhost:3000", false],
] as const)("%s at %s → Secure %s", (env, url, secure) => {
  expect(cookieSecure(env, url)).toBe(secure);
});
