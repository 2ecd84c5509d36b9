// Whether session cookies get the Secure flag. Only in production, and then whenever the site is
// reached over HTTPS: SITE_URL is https, or this request arrived over HTTPS (as the trusted proxy
// reports it, src/domain/net/trusted-proxy.ts). A SITE_URL naming a public host over http is
// taken as "TLS ends in front of us" (Secure too); loopback over http (the build under test on
// 127.0.0.1, or no SITE_URL at all) is the one case left without it, and the start-up log says so.
export interface CookieContext {
  nodeEnv: string;
  siteUrl: string;
  requestHttps: boolean;
}

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

export function cookieSecure({ nodeEnv, siteUrl, requestHttps }: CookieContext): boolean {
  if (nodeEnv !== "production") return false;
  if (requestHttps) return true;
  const { protocol, hostname } = new URL(siteUrl);
  return protocol === "https:" || !LOOPBACK.includes(hostname);
}
