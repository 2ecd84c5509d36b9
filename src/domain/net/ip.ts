// IP addresses and CIDR ranges as plain values (no node:net): parsed into a family and a bigint, so
// the trusted-proxy rule can compare them the same way in the front server and in the app.

export interface Ip {
  family: 4 | 6;
  value: bigint;
}

export interface Cidr {
  family: 4 | 6;
  base: bigint;
  bits: number;
}

function parseV4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function groupsOf(text: string): number[] | null {
  if (text === "") return [];
  const groups = text.split(":");
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

function parseV6(text: string): bigint | null {
  let body = text;
  let tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted) {
    const v4 = parseV4(dotted[2]!);
    if (v4 === null) return null;
    tail = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    body = dotted[1]!.endsWith("::") ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0]!);
  const rest = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !rest) return null;
  const known = head.length + rest.length + tail.length;
  const missing = 8 - known;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<number>(Math.max(missing, 0)).fill(0), ...rest, ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

const MAPPED_V4 = 0xffff00000000n;

/** Parses an address; IPv4-mapped IPv6 (`::ffff:1.2.3.4`, how node reports IPv4 on a dual-stack socket) becomes IPv4. */
export function parseIp(input: string): Ip | null {
  const text = input
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/%.*$/, "");
  const v4 = parseV4(text);
  if (v4 !== null) return { family: 4, value: v4 };
  if (!text.includes(":")) return null;
  const v6 = parseV6(text);
  if (v6 === null) return null;
  if (v6 >> 32n === MAPPED_V4 >> 32n) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

/** The canonical text of an address: IPv4 dotted, IPv6 as RFC 5952 (lower case, longest zero run as `::`). */
export function formatIp(ip: Ip): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join(".");
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((ip.value >> s) & 0xffffn).toString(16));
  let best = { at: -1, length: 1 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === "0") j += 1;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.at === -1) return groups.join(":");
  return `${groups.slice(0, best.at).join(":")}::${groups.slice(best.at + best.length).join(":")}`;
}

/** `10.0.0.0/8`, `::1`, `fd00::/8`; a bare address is a range of one. */
export function parseCidr(input: string): Cidr | null {
  const [addr = "", bitsText, extra] = input.trim().split("/");
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const width = ip.family === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > width || (bitsText !== undefined && !/^\d+$/.test(bitsText)))
    return null;
  const shift = BigInt(width - bits);
  return { family: ip.family, base: (ip.value >> shift) << shift, bits };
}

export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  if (cidr.family !== ip.family) return false;
  const shift = BigInt((ip.family === 4 ? 32 : 128) - cidr.bits);
  return (ip.value >> shift) << shift === cidr.base;
}
