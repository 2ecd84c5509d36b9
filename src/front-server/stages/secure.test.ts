import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { UNCHECKED_INLINE_CSP } from "@/contract";
import { headerOf } from "../stored-response";
import { secure } from "./secure";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
const html = (scripts: string) => Buffer.from(`<html><head>${scripts}</head><body></body></html>`);

test("HTML: next.config's policy is replaced by one listing the hashes of Next's own scripts", () => {
  const refused: string[][] = [];
  const headers = secure(
    "/zh/x",
    [
      ["Content-Type", "text/html; charset=utf-8"],
      ["content-security-policy", UNCHECKED_INLINE_CSP],
    ],
    html('<script>self.__next_f.push([1,"a"])</script><script>steal()</script>'),
    (_path, samples) => refused.push(samples),
  );
  const policies = headers.filter(([n]) => n.toLowerCase() === "content-security-policy");
  expect(policies).toHaveLength(1);
  expect(policies[0]![1]).toContain(`script-src 'self' ${sha('self.__next_f.push([1,"a"])')};`);
  expect(refused).toEqual([["steal()"]]);
});

test("other answers are left as they are (their policy was set on the way)", () => {
  const headers: [string, string][] = [
    ["Content-Type", "application/json"],
    ["Content-Security-Policy", "default-src 'none'"],
  ];
  expect(secure("/api/v1/releases", headers, Buffer.from("<script>x</script>"), () => undefined)).toBe(headers);
  expect(headerOf(headers, "content-security-policy")).toBe("default-src 'none'");
});
