// Whether cookies get the Secure flag: always in production, except when the site itself is served
// over plain HTTP on loopback (the production build under test on 127.0.0.1).
export function cookieSecure(nodeEnv: string, siteUrl: string): boolean {
  if (nodeEnv !== "production") return false;
  const { protocol, hostname } = new URL(siteUrl);
  return protocol === "https:" || !["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}
