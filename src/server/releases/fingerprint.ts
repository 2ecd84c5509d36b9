import "server-only";
// Fingerprint of one language's content: an English translation records the fingerprint of the
// Chinese it was made from, so a later change to the Chinese is detectable.
import { createHash } from "node:crypto";

export interface FingerprintInput {
  title: string;
  summary: string;
  body: string;
}

export function contentFingerprint({ title, summary, body }: FingerprintInput): string {
  return createHash("sha256")
    .update(JSON.stringify([title.trim(), summary.trim(), body]))
    .digest("hex");
}
