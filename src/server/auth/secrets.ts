import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "../db/client";

// Keys for HMACs (throttle keys, device cookies, audit tags), generated on first use and kept in the
// database so every instance of the app agrees without any configuration. Whoever can read the
// database can read them; they protect what the database does not already hold (typed text, who
// signed in from which browser), not the database itself.

const cache = new WeakMap<Db, Map<string, Promise<Buffer>>>();

async function loadSecret(db: Db, name: string): Promise<Buffer> {
  const fresh = randomBytes(32).toString("base64");
  // One statement on both engines; the first instance to insert wins, the others read its value.
  await db.$executeRaw`INSERT INTO "ServerSecret" ("name", "value") VALUES (${name}, ${fresh}) ON CONFLICT ("name") DO NOTHING`;
  const row = await db.serverSecret.findUniqueOrThrow({ where: { name } });
  return Buffer.from(row.value, "base64");
}

export function serverSecret(db: Db, name: string): Promise<Buffer> {
  let byName = cache.get(db);
  if (!byName) cache.set(db, (byName = new Map<string, Promise<Buffer>>()));
  let secret = byName.get(name);
  if (!secret) {
    secret = loadSecret(db, name);
    secret.catch(() => byName.delete(name)); // a failed load is retried next time
    byName.set(name, secret);
  }
  return secret;
}

/** HMAC-SHA256 of `value` under the named secret, base64url. */
export async function keyedHash(db: Db, name: string, value: string): Promise<string> {
  return createHmac("sha256", await serverSecret(db, name))
    .update(value)
    .digest("base64url");
}
