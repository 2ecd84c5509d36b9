import { expect, test } from "vitest";
import { pathOf, requestIdFor } from "./logger";

test("a sane incoming request id is kept, anything else replaced by a UUID", () => {
  expect(requestIdFor("e2e-Trace_42")).toBe("e2e-Trace_42");
  expect(requestIdFor(["first", "second"])).toBe("first");
  for (const bad of [undefined, "has spaces", "x".repeat(65), 'quote"d', "new\nline"]) {
    expect(requestIdFor(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }
});

test("the logged path never carries the query string or fragment", () => {
  expect(pathOf("/en?token=hunter2")).toBe("/en");
  expect(pathOf("/a#b")).toBe("/a");
  expect(pathOf(`/${"x".repeat(2000)}`)).toHaveLength(1024);
});
