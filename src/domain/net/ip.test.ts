import { expect, test } from "vitest";
import { cidrContains, formatIp, parseCidr, parseIp } from "./ip";

test.each([
  ["127.0.0.1", "127.0.0.1"],
  ["::1", "::1"],
  ["[::1]", "::1"],
  ["::ffff:10.1.2.3", "10.1.2.3"],
  ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
  ["2001:db8::", "2001:db8::"],
  ["fe80::1%eth0", "fe80::1"],
  ["1:0:0:1:0:0:0:1", "1:0:0:1::1"],
  ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
])("parses %s as %s", (input, text) => {
  expect(formatIp(parseIp(input)!)).toBe(text);
});

test.each([
  "",
  "1.2.3",
  "256.1.1.1",
  "1.2.3.4.5",
  "01.2.3.4x",
  ":::",
  "1::2::3",
  "g::1",
  "1:2:3:4:5:6:7:8:9",
  "unknown",
  "1.2.3.4, 5.6.7.8",
])("refuses %j", (input) => expect(parseIp(input)).toBeNull());

test("CIDR ranges", () => {
  const ten = parseCidr("10.0.0.0/8")!;
  expect(cidrContains(ten, parseIp("10.200.3.4")!)).toBe(true);
  expect(cidrContains(ten, parseIp("11.0.0.1")!)).toBe(false);
  expect(cidrContains(ten, parseIp("::ffff:10.0.0.1")!)).toBe(true);
  expect(cidrContains(parseCidr("fd00::/8")!, parseIp("fd12::1")!)).toBe(true);
  expect(cidrContains(parseCidr("fd00::/8")!, parseIp("10.0.0.1")!)).toBe(false);
  expect(cidrContains(parseCidr("192.0.2.7")!, parseIp("192.0.2.7")!)).toBe(true);
  expect(cidrContains(parseCidr("0.0.0.0/0")!, parseIp("8.8.8.8")!)).toBe(true);
  for (const bad of ["10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/8/8", "::/129", "10.0.0.0/x", "x/8"])
    expect(parseCidr(bad)).toBeNull();
});
