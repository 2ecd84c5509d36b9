import { expect, test } from "vitest";
import { THROTTLE_POLICIES, clientPrefix, delayAfter, delayLadder } from "./throttle-policy";

const account = THROTTLE_POLICIES.account;

test("no delay for the first failures, then doubling up to the cap, never more", () => {
  const waits = Array.from({ length: 14 }, (_, i) => delayAfter(i + 1, account) / 1000);
  expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900, 900]);
  expect(delayAfter(10_000, account)).toBe(account.maxMs);
  expect(delayLadder(account).map((ms) => ms / 1000)).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900]);
});

test.each([
  ["203.0.113.7", "203.0.113.7"],
  [" 203.0.113.7 ", "203.0.113.7"],
  ["::ffff:203.0.113.7", "203.0.113.7"],
  ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
  ["2001:db8:1:2::ffff", "2001:db8:1:2::/64"],
  ["2001:0DB8:0001:0002:aaaa::1", "2001:db8:1:2::/64"],
  ["[2001:db8::1]", "2001:db8:0:0::/64"],
  ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ["::1", "0:0:0:0::/64"],
])("client prefix of %j is %j", (ip, prefix) => {
  expect(clientPrefix(ip)).toBe(prefix);
});
