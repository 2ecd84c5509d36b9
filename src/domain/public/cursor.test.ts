import { describe, expect, test } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("API cursors", () => {
  test("round trip", () => {
    const c = { publishedAt: new Date("2020-04-09T01:02:03.456Z"), releaseId: "cm1abc_DEF-9" };
    const raw = encodeCursor(c);
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(raw)).toEqual(c);
  });

  test.each([
    ["empty", ""],
    ["not base64url", "a+b/c="],
    ["padding", `${encodeCursor({ publishedAt: new Date(1), releaseId: "x" })}=`],
    ["no separator", btoa("1586394123456").replace(/=+$/, "")],
    ["bad id", btoa("1586394123456.a b").replace(/=+$/, "")],
    ["id too long", btoa(`1.${"a".repeat(65)}`).replace(/=+$/, "")],
    ["time too long", btoa("12345678901234.x").replace(/=+$/, "")],
    ["negative time", btoa("-5.x").replace(/=+$/, "")],
    ["script", "<script>"],
    ["huge", "A".repeat(500)],
  ])("%s is refused", (_what, raw) => {
    expect(decodeCursor(raw)).toBeNull();
  });
});
