// Progressive delays for password checks (docs/AUTH.md "Throttling"). Each key (an account, a
// trusted browser, a client address, a signed-in user changing their password) counts consecutive
// failures; after `free` of them, the next attempt is not even evaluated before a delay that
// doubles with each further failure, up to `maxMs`. Failures are forgotten after `forgetMs` without
// one. Nothing locks for good: the longest wait is `maxMs`, and a browser that signed in to the
// account before has its own counter, so a stranger failing on purpose cannot keep its owner out.

export type ThrottleKind = "account" | "device" | "client" | "user";

export interface ThrottlePolicy {
  /** failures allowed before any delay */
  free: number;
  /** delay after the `free`-th failure; doubles with each further one */
  baseMs: number;
  maxMs: number;
  /** failures are forgotten this long after the last one */
  forgetMs: number;
}

const MINUTE = 60_000;

export const THROTTLE_POLICIES: Record<ThrottleKind, ThrottlePolicy> = {
  account: { free: 5, baseMs: 30_000, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE },
  device: { free: 5, baseMs: 30_000, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE },
  client: { free: 20, baseMs: 30_000, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE },
  user: { free: 5, baseMs: 30_000, maxMs: 15 * MINUTE, forgetMs: 60 * MINUTE },
};

/** How long after its `failures`-th consecutive failure a key must wait before the next attempt. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures - policy.free, 30));
}

/** The delays after 1, 2, … failures until the cap: the ladder the database applies in one statement. */
export function delayLadder(policy: ThrottlePolicy): number[] {
  const ladder: number[] = [];
  for (let f = 1; ; f++) {
    const delay = delayAfter(f, policy);
    ladder.push(delay);
    if (delay >= policy.maxMs) return ladder;
  }
}

/**
 * The part of a client address that identifies a client: the address for IPv4, the /64 network for
 * IPv6 (one subscriber usually holds a whole /64 and can pick any address in it).
 */
export function clientPrefix(ip: string): string {
  const address = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
