import { expect, test } from "vitest";
import { isCrossSiteAction } from "./csrf.mjs";

const req = (headers, method = "POST") => ({
  method,
  headers: { "next-action": "abc", host: "news.example:3000", ...headers },
});

test.each([
  ["same origin", req({ origin: "http://news.example:3000" }), false],
  ["other site", req({ origin: "https://evil.example" }), true],
  ["other port", req({ origin: "http://news.example:4000" }), true],
  ["null origin", req({ origin: "null" }), true],
  ["behind a proxy", req({ origin: "https://news.agency.gov", "x-forwarded-host": "news.agency.gov" }), false],
  ["no origin", req({}), false],
  [
    "a plain form post (before hydration)",
    { method: "POST", headers: { origin: "https://evil.example", host: "news.example" } },
    true,
  ],
  ["a DELETE", req({ origin: "https://evil.example" }, "DELETE"), true],
  ["a GET", req({ origin: "https://evil.example" }, "GET"), false],
  [
    "a one-click unsubscribe (RFC 8058) from a mail provider",
    { method: "POST", url: "/unsubscribe?token=x", headers: { origin: "https://mail.example", host: "news.example" } },
    false,
  ],
  [
    "a server action posted to a page with an unsubscribe-like query",
    {
      method: "POST",
      url: "/zh/unsubscribe?token=x",
      headers: { origin: "https://evil.example", host: "news.example" },
    },
    true,
  ],
])("%s → %s", (_name, request, refused) => {
  expect(isCrossSiteAction(request)).toBe(refused);
});
