import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

// Webhooks must not become a way to reach the server's own network (SSRF): loopback, private,
// link-local, carrier-grade NAT, multicast, documentation and other special-purpose ranges are
// refused unless the host is listed in WEBHOOK_ALLOWED_HOSTS. The check runs on every address a name
// resolves to, at send time, inside the connection's own lookup: the socket connects to an address
// that was checked, so a name that resolves differently the second time (DNS rebinding) gains nothing.

// Two lists: Node matches IPv4 addresses against IPv4-mapped IPv6 rules too, so one list with
// ::ffff:0:0/96 would refuse every IPv4 address.
const special = new BlockList();
const special6 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  special.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 127], // unspecified and loopback
  ["64:ff9b::", 96], // NAT64
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments (Teredo, …)
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const)
  special6.addSubnet(net, prefix, "ipv6");

/** True for an address on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !special.check(address, "ipv4");
  if (family !== 6) return false;
  // IPv4-mapped and IPv4-compatible forms (::ffff:a.b.c.d, ::a.b.c.d, in any notation) are never needed.
  if (
    /^(0{0,4}:){0,5}(ffff:)?[0-9.]*\d+\.\d+$/i.test(address) ||
    /^::(ffff:)?[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i.test(address)
  )
    return false;
  return !special6.check(address, "ipv6");
}

export class BlockedAddressError extends Error {
  code = "EBLOCKED";
  constructor(host: string) {
    super(`webhook host ${host} resolves to a private or special-purpose address`);
  }
}

export const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, "").toLowerCase();

export const isAllowedHost = (hostname: string, allowed: readonly string[]) =>
  allowed.map(bareHost).includes(bareHost(hostname));

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses names resolving (in any record) to a non-public address. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (addresses.length === 0) return callback(new Error(`no address for ${hostname}`), []);
      if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address)))
        return callback(new BlockedAddressError(hostname), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Checks a URL before it is saved: an IP literal or every address its name resolves to now. */
export async function checkWebhookHost(
  url: URL,
  allowed: readonly string[],
): Promise<"ok" | "blocked" | "unresolvable"> {
  if (isAllowedHost(url.hostname, allowed)) return "ok";
  const host = bareHost(url.hostname);
  if (isIP(host)) return isPublicAddress(host) ? "ok" : "blocked";
  return new Promise((resolve) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => {
      if (err || addresses.length === 0) return resolve("unresolvable");
      resolve(addresses.every((a) => isPublicAddress(a.address)) ? "ok" : "blocked");
    }),
  );
}
