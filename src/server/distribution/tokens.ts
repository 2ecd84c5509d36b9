import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Tokens in links (confirmation, unsubscribe, embargoed access): 256 random bits in the URL, only
// their SHA-256 in the database, so a copy of the database opens nothing.

export const newToken = () => randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token as it may arrive in a URL; anything else is not looked up at all. */
export const isTokenShape = (value: unknown): value is string =>
  typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
