import "server-only";
import { headers } from "next/headers";
import { INTERNAL_HEADERS } from "@/contract";
import { clientFromHeadersOnly, type Client } from "@/domain/net/trusted-proxy";
import { env } from "./env";
import { behindFrontServer } from "./front-bridge";

// Who is asking, at the network level: the client's address and whether it came over HTTPS.
// Behind the front server (npm start) these come from its internal headers, which it computes
// from the socket and TRUSTED_PROXY and strips from every client request. Without it (next dev,
// next start) the socket is out of reach: only a TRUSTED_PROXY number of hops is applied to
// X-Forwarded-For / X-Forwarded-Proto, else the address is unknown and nothing counts as HTTPS.

async function client(): Promise<Client> {
  const h = await headers();
  if (behindFrontServer()) {
    return { ip: h.get(INTERNAL_HEADERS.clientIp), https: h.get(INTERNAL_HEADERS.proto) === "https" };
  }
  const facts = {
    forwardedFor: h.get("x-forwarded-for") ?? undefined,
    forwardedProto: h.get("x-forwarded-proto") ?? undefined,
  };
  return clientFromHeadersOnly(facts, env().TRUSTED_PROXY);
}

/** The client's address (sign-in throttling, the audit log), or null when it cannot be known. */
export async function clientIp(): Promise<string | null> {
  return (await client()).ip;
}

/** True when this request reached the site over HTTPS (socket TLS, or the trusted proxy says so). */
export async function requestIsHttps(): Promise<boolean> {
  return (await client()).https;
}
