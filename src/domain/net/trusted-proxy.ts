import { cidrContains, formatIp, parseCidr, parseIp, type Cidr, type Ip } from "./ip";

// Who the client is, as common web frameworks decide it (Express's "trust proxy"): the socket's
// peer, unless the operator said which proxies in front may speak for the client through
// X-Forwarded-For / X-Forwarded-Proto. Without that setting both headers are ignored: anyone
// can send them. See docs/SECURITY.md ("Client address").

export type TrustedProxy =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "ranges"; ranges: Cidr[]; text: string };

const NAMED: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * Parses TRUSTED_PROXY: empty or `0` (trust nobody), a number of hops (`1` = one proxy in front),
 * or a comma-separated list of addresses, CIDR ranges and the names loopback, linklocal,
 * uniquelocal. Returns an error message for anything else.
 */
export function parseTrustedProxy(input: string | undefined): TrustedProxy | { error: string } {
  const text = (input ?? "").trim();
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 32 ? { kind: "hops", hops } : { error: "must be at most 32 hops" };
  }
  const ranges: Cidr[] = [];
  for (const item of text.split(",").map((s) => s.trim())) {
    for (const source of NAMED[item.toLowerCase()] ?? [item]) {
      const cidr = parseCidr(source);
      if (!cidr) return { error: `"${item.slice(0, 60)}" is not an address, a CIDR range or a known name` };
      ranges.push(cidr);
    }
  }
  return { kind: "ranges", ranges, text };
}

function trusted(trust: TrustedProxy, ip: Ip, index: number): boolean {
  if (trust.kind === "hops") return index < trust.hops;
  if (trust.kind === "ranges") return trust.ranges.some((r) => cidrContains(r, ip));
  return false;
}

/** The addresses in X-Forwarded-For, nearest first; stops at the first entry that is not an address. */
function forwardedChain(forwardedFor: string | undefined): Ip[] {
  const out: Ip[] = [];
  const entries = (forwardedFor ?? "").split(",").map((s) => s.trim());
  for (const entry of entries.reverse()) {
    if (entry === "") continue;
    const ip = parseIp(entry);
    if (!ip) break;
    out.push(ip);
  }
  return out;
}

export interface ConnectionFacts {
  /** The socket's remote address (undefined when the socket is already gone). */
  peer: string | undefined;
  /** The socket is TLS itself. */
  encrypted: boolean;
  forwardedFor: string | undefined;
  forwardedProto: string | undefined;
}

export interface Client {
  ip: string | null;
  https: boolean;
}

/** The client's address and whether it reached the site over HTTPS. */
export function clientOf(facts: ConnectionFacts, trust: TrustedProxy): Client {
  const peer = facts.peer === undefined ? null : parseIp(facts.peer);
  if (!peer) return { ip: null, https: facts.encrypted };
  const chain = [peer, ...forwardedChain(facts.forwardedFor)];
  let index = 0;
  while (index < chain.length - 1 && trusted(trust, chain[index]!, index)) index += 1;
  const proto = facts.forwardedProto?.split(",")[0]?.trim().toLowerCase();
  const https = facts.encrypted || (trusted(trust, peer, 0) && proto === "https");
  return { ip: formatIp(chain[index]!), https };
}

/**
 * The same decision without the socket (`next dev` / `next start`, where the app cannot see it):
 * only a number of hops can be applied; with a list of addresses the peer cannot be checked, so
 * nothing forwarded is believed.
 */
export function clientFromHeadersOnly(facts: Omit<ConnectionFacts, "peer" | "encrypted">, trust: TrustedProxy): Client {
  if (trust.kind !== "hops") return { ip: null, https: false };
  const chain = forwardedChain(facts.forwardedFor);
  const ip = chain[Math.min(trust.hops, chain.length) - 1];
  const proto = facts.forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return { ip: ip ? formatIp(ip) : null, https: proto === "https" };
}
