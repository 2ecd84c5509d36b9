import { isPostgresUrl } from "@/contract";
import { cookieSecure } from "@/domain/auth/cookie-policy";
import { parseTrustedProxy, type TrustedProxy } from "@/domain/net/trusted-proxy";

// The front server's configuration, read after Next loaded .env (app.prepare). The app validates
// the same variables with zod (src/server/env.ts); the parsing rules are shared (src/domain/net).

export interface FrontSettings {
  trust: TrustedProxy;
  siteUrl: string | undefined;
  siteHttps: boolean;
  databaseUrl: string | undefined;
}

export function readSettings(env: Record<string, string | undefined> = process.env): FrontSettings {
  const trust = parseTrustedProxy(env.TRUSTED_PROXY);
  if ("error" in trust) throw new Error(`Invalid configuration: TRUSTED_PROXY ${trust.error}`);
  const siteUrl = env.SITE_URL || undefined;
  return { trust, siteUrl, siteHttps: /^https:/i.test(siteUrl ?? ""), databaseUrl: env.DATABASE_URL };
}

/**
 * What the start-up log says about transport security, plainly: when session cookies get
 * `Secure` (the app's rule, src/domain/auth/cookie-policy.ts) and responses HSTS. `warn` when
 * neither can ever happen.
 */
export function transportSecurity(s: FrontSettings): { level: "info" | "warn"; msg: string } {
  const siteUrl = s.siteUrl ?? "http://localhost";
  const publicHost = cookieSecure({ nodeEnv: "production", siteUrl, requestHttps: false });
  const proxied = s.trust.kind !== "none";
  const viaProxy = "requests the trusted proxy forwards as https (X-Forwarded-Proto)";
  if (s.siteHttps)
    return { level: "info", msg: "secure: SITE_URL is https; session cookies are Secure, HSTS on every response" };
  if (publicHost && proxied) {
    return {
      level: "info",
      msg: `secure: session cookies are Secure (SITE_URL names a public host); HSTS on ${viaProxy}`,
    };
  }
  if (proxied)
    return { level: "info", msg: `secure per request: session cookies are Secure and HSTS is sent on ${viaProxy}` };
  if (publicHost) {
    return {
      level: "warn",
      msg: "partly secure: session cookies are Secure (SITE_URL names a public host), but without TRUSTED_PROXY no request counts as HTTPS: no HSTS. Set SITE_URL=https://… or TRUSTED_PROXY; see docs/SECURITY.md",
    };
  }
  return {
    level: "warn",
    msg: "NOT SECURE: no https SITE_URL and no TRUSTED_PROXY, so no request counts as HTTPS: session cookies are sent without Secure and there is no HSTS. Behind a TLS proxy set TRUSTED_PROXY (and SITE_URL=https://…); see docs/SECURITY.md",
  };
}

export const usesPostgres = (s: FrontSettings) => isPostgresUrl(s.databaseUrl);
