import "server-only";
import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt from node:crypto: a memory-hard slow hash with no native add-on to build or download.
// Stored as "scrypt$N$r$p$salt$hash" so parameters can be raised later without breaking old hashes.

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
const MAX_MEM = 64 * 1024 * 1024;
const SALT_LENGTH = 16;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The bytes of canonical base64 text of exactly `length` bytes, else null. */
function base64Of(text: string, length: number): Buffer | null {
  const bytes = Buffer.from(text, "base64");
  return bytes.length === length && bytes.toString("base64") === text ? bytes : null;
}

/**
 * True for a hash made with exactly this app's parameters. Imports refuse any other: weaker
 * parameters would make a copied database cheaper to crack, huge ones would make each sign-in a
 * denial of service.
 */
export function isCurrentHash(stored: string): boolean {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  return (
    scheme === "scrypt" &&
    rest.length === 0 &&
    n === String(N) &&
    r === String(R) &&
    p === String(P) &&
    base64Of(salt ?? "", SALT_LENGTH) !== null &&
    base64Of(hash ?? "", KEY_LENGTH) !== null
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, { N, r: R, p: P, maxmem: MAX_MEM });
  return ["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// No 0/o, 1/l/i: a generated password is read off a terminal and typed by hand.
const READABLE = "abcdefghjkmnpqrstuvwxyz23456789";

/** A random password of 4 groups of 4 readable characters (about 79 bits). */
export function generatePassword(): string {
  const chars = Array.from({ length: 16 }, () => READABLE[randomInt(READABLE.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/** A hash of a random password: verifying against it costs the same as a real one (no user enumeration by timing). */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}
