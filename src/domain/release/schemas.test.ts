import { describe, expect, test } from "vitest";
import { BODY_MAX_BYTES, contentInputSchema, releaseMetaSchema, slugSchema, SUMMARY_MAX, TITLE_MAX } from "./schemas";

// The schemas that both the forms and the server actions use; messages are validation keys.

const doc = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const valid = { title: " 标题 ", summary: "摘要", body: doc("正文"), slug: "My-Slug" };
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : r.error!.issues[0]!.message;

describe("contentInputSchema", () => {
  test("trims the title and lower-cases the slug", () => {
    const r = contentInputSchema.parse(valid);
    expect(r.title).toBe("标题");
    expect(r.slug).toBe("my-slug");
  });

  test.each([
    [{ title: "  " }, "title_required"],
    [{ title: "x".repeat(TITLE_MAX + 1) }, "title_too_long"],
    [{ summary: "x".repeat(SUMMARY_MAX + 1) }, "summary_too_long"],
    [{ slug: "" }, "slug_required"],
    [{ slug: "not a slug!" }, "slug_format"],
    [{ slug: "-leading" }, "slug_format"],
    [{ body: "{not json" }, "body_invalid"],
    [{ body: JSON.stringify({ type: "paragraph" }) }, "body_invalid"],
  ])("%o → %s", (change, message) => {
    expect(firstMessage(contentInputSchema.safeParse({ ...valid, ...change }))).toBe(message);
  });

  test("the body limit counts UTF-8 bytes, not characters (Chinese is 3 bytes each)", () => {
    const chars = Math.floor(BODY_MAX_BYTES / 3) + 100; // under the limit in characters, over it in bytes
    const body = doc("中".repeat(chars));
    expect(body.length).toBeLessThan(BODY_MAX_BYTES);
    expect(firstMessage(contentInputSchema.safeParse({ ...valid, body }))).toBe("body_too_large");
  });
});

describe("slugSchema", () => {
  test.each(["a", "a-b", "2020-report", "x".repeat(100)])("accepts %s", (s) => expect(slugSchema.parse(s)).toBe(s));
  test.each(["a--b", "a_b", "中文", "x".repeat(101)])("refuses %s", (s) =>
    expect(slugSchema.safeParse(s).success).toBe(false),
  );
});

describe("releaseMetaSchema", () => {
  test("empty category and date become null", () => {
    expect(releaseMetaSchema.parse({ categoryId: "", releaseDate: "" })).toEqual({
      categoryId: null,
      releaseDate: null,
    });
  });
  test("a date in range parses; nonsense and far dates are refused", () => {
    expect(releaseMetaSchema.parse({ releaseDate: "2020-04-09T10:00:00+08:00" }).releaseDate?.toISOString()).toBe(
      "2020-04-09T02:00:00.000Z",
    );
    expect(firstMessage(releaseMetaSchema.safeParse({ releaseDate: "yesterday" }))).toBe("date_invalid");
    expect(firstMessage(releaseMetaSchema.safeParse({ releaseDate: "1850-01-01" }))).toBe("date_invalid");
  });
});
