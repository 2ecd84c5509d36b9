import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { sniffImage } from "./sniff";

// Real tiny images made with sharp, plus things that are not (or only pretend to be) images.
const made: Record<string, Buffer> = {};
const base = () => sharp({ create: { width: 4, height: 3, channels: 3, background: "#c00" } });

beforeAll(async () => {
  made.png = await base().png().toBuffer();
  made.jpeg = await base().jpeg().toBuffer();
  made.webp = await base().webp().toBuffer();
  made.gif = await base().gif().toBuffer();
  made.tiff = await base().tiff().toBuffer();
});

const text = (s: string) => Buffer.from(s, "utf8");

describe("sniffImage", () => {
  test.each([
    ["png", "image/png"],
    ["jpeg", "image/jpeg"],
    ["webp", "image/webp"],
  ])("accepts a real %s", (name, mime) => {
    expect(sniffImage(made[name]!)).toEqual({ kind: "accepted", mime });
  });

  test.each([
    ["gif", () => made.gif!, "gif"],
    ["tiff", () => made.tiff!, "tiff"],
    ["svg", () => text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "svg"],
    ["svg with xml prolog", () => text('<?xml version="1.0"?>\n<!-- c -->\n<svg viewBox="0 0 1 1"/>'), "svg"],
  ])("refuses %s as an unsupported image type", (_name, bytes, format) => {
    expect(sniffImage(bytes())).toEqual({ kind: "unsupported", format });
  });

  test.each([
    ["empty", () => Buffer.alloc(0)],
    ["html", () => text("<!doctype html><html><body><script>alert(1)</script></body></html>")],
    ["plain text named .jpg", () => text("this is not a picture")],
    ["html with a PNG signature later (polyglot)", () => Buffer.concat([text("<html><script>x</script>"), made.png!])],
    ["JPEG magic cut short", () => Buffer.from([0xff, 0xd8])],
    ["PNG signature cut short", () => made.png!.subarray(0, 5)],
    ["RIFF that is not WebP (WAV)", () => Buffer.concat([text("RIFF"), Buffer.alloc(4), text("WAVEfmt ")])],
    ["PDF", () => text("%PDF-1.7\n")],
  ])("refuses %s as not an image", (_name, bytes) => {
    expect(sniffImage(bytes())).toEqual({ kind: "not_image" });
  });

  test("a truncated PNG still sniffs as PNG (the sharp decode catches it)", () => {
    expect(sniffImage(made.png!.subarray(0, 20)).kind).toBe("accepted");
  });
});
