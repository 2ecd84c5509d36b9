import { describe, expect, test } from "vitest";
import { clientFromHeadersOnly, clientOf, parseTrustedProxy, type TrustedProxy } from "./trusted-proxy";

const trust = (text: string) => parseTrustedProxy(text) as TrustedProxy;

describe("parseTrustedProxy", () => {
  test.each([
    ["", { kind: "none" }],
    ["0", { kind: "none" }],
    ["2", { kind: "hops", hops: 2 }],
  ])("%j", (text, expected) => expect(parseTrustedProxy(text)).toEqual(expected));

  test("lists of addresses, ranges and names", () => {
    const parsed = trust("10.0.0.1, 192.168.0.0/16, loopback");
    expect(parsed.kind === "ranges" && parsed.ranges).toHaveLength(4);
  });

  test.each(["99", "10.0.0.0/40", "proxy.example", "10.0.0.1,,"])("refuses %j with a message", (text) => {
    expect(parseTrustedProxy(text)).toHaveProperty("error");
  });
});

const facts = (peer: string, forwardedFor?: string, forwardedProto?: string) => ({
  peer,
  encrypted: false,
  forwardedFor,
  forwardedProto,
});

describe("clientOf (the front server: socket + headers)", () => {
  test.each<[string, TrustedProxy, ReturnType<typeof facts>, string | null, boolean]>([
    [
      "no setting: the socket, forged headers ignored",
      trust(""),
      facts("203.0.113.5", "1.1.1.1", "https"),
      "203.0.113.5",
      false,
    ],
    [
      "one hop: the address the proxy appended",
      trust("1"),
      facts("10.0.0.2", "1.1.1.1, 198.51.100.4", "https"),
      "198.51.100.4",
      true,
    ],
    ["two hops", trust("2"), facts("10.0.0.2", "1.1.1.1, 198.51.100.4, 10.0.0.3"), "198.51.100.4", false],
    ["more hops than addresses: the furthest", trust("3"), facts("10.0.0.2", "198.51.100.4"), "198.51.100.4", false],
    [
      "a listed proxy: its forwarded client",
      trust("10.0.0.0/8"),
      facts("10.0.0.2", "198.51.100.4", "https"),
      "198.51.100.4",
      true,
    ],
    [
      "a listed proxy chain: the first address not in the list",
      trust("10.0.0.0/8"),
      facts("10.0.0.2", "1.1.1.1, 198.51.100.4, 10.9.9.9"),
      "198.51.100.4",
      false,
    ],
    [
      "a peer not in the list: its headers are ignored",
      trust("10.0.0.0/8"),
      facts("198.51.100.9", "1.1.1.1", "https"),
      "198.51.100.9",
      false,
    ],
    ["garbage in the header ends the chain at the proxy", trust("1"), facts("10.0.0.2", "<script>"), "10.0.0.2", false],
    [
      "an IPv4-mapped peer reads as IPv4",
      trust("loopback"),
      facts("::ffff:127.0.0.1", "2001:db8::7"),
      "2001:db8::7",
      false,
    ],
  ])("%s", (_name, t, f, ip, https) => {
    expect(clientOf(f, t)).toEqual({ ip, https });
  });

  test("a TLS socket is HTTPS whatever the headers; no socket address, no client address", () => {
    expect(
      clientOf({ peer: "203.0.113.5", encrypted: true, forwardedFor: undefined, forwardedProto: "http" }, trust("")),
    ).toEqual({
      ip: "203.0.113.5",
      https: true,
    });
    expect(
      clientOf({ peer: undefined, encrypted: false, forwardedFor: "1.1.1.1", forwardedProto: undefined }, trust("1"))
        .ip,
    ).toBeNull();
  });
});

describe("clientFromHeadersOnly (next dev / next start: no socket)", () => {
  test("nothing is believed without a number of hops", () => {
    expect(clientFromHeadersOnly({ forwardedFor: "1.1.1.1", forwardedProto: "https" }, trust(""))).toEqual({
      ip: null,
      https: false,
    });
    expect(clientFromHeadersOnly({ forwardedFor: "1.1.1.1", forwardedProto: "https" }, trust("10.0.0.0/8"))).toEqual({
      ip: null,
      https: false,
    });
  });

  test("with hops, the address the nearest trusted proxy appended", () => {
    expect(
      clientFromHeadersOnly({ forwardedFor: "1.1.1.1, 198.51.100.4", forwardedProto: "https" }, trust("1")),
    ).toEqual({ ip: "198.51.100.4", https: true });
    expect(
      clientFromHeadersOnly({ forwardedFor: "198.51.100.4, 10.0.0.3", forwardedProto: undefined }, trust("2")).ip,
    ).toBe("198.51.100.4");
    expect(clientFromHeadersOnly({ forwardedFor: undefined, forwardedProto: undefined }, trust("1")).ip).toBeNull();
  });
});
