import "server-only";
import path from "node:path";
import { z } from "zod";
import { isPostgresUrl } from "@/contract";
import { parseTrustedProxy, type TrustedProxy } from "@/domain/net/trusted-proxy";

// Configuration, validated once at start. A bad variable stops the app with one line naming it.

/** A directory path, made absolute from the working directory. */
const directory = z
  .string()
  .refine((v) => !v.includes("\0"), "must be a directory path")
  .transform((v) => path.resolve(/*turbopackIgnore: true*/ process.cwd(), v));
const flag = z.enum(["true", "false", "1", "0"], "must be true or false").transform((v) => v === "true" || v === "1");

const baseSchema = z.object({
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith("file:") || isPostgresUrl(v), "must start with file: or postgresql://")
    .default(`file:${path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "newsroom.db")}`),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SITE_URL: z.url().optional(),
  NEWSROOM_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Asia/Shanghai")
    .default("Asia/Shanghai"),
  NEWSROOM_NAME_ZH: z.string().min(1).default("新闻发布中心"),
  NEWSROOM_NAME_EN: z.string().min(1).default("Newsroom"),
  DEMO_PASSWORD: z.string().min(8).optional(),
  // Media (docs/OPERATIONS.md "Media"): where files live, the local cache, and the old disk folder.
  MEDIA_STORAGE: z.enum(["database", "s3"], "must be database or s3").default("database"),
  MEDIA_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name (3–63 lower-case letters, digits, . and -)")
    .optional(),
  MEDIA_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, "must be a region name such as us-east-1")
    .default("us-east-1"),
  MEDIA_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  MEDIA_S3_FORCE_PATH_STYLE: flag.default(false),
  MEDIA_S3_ACCESS_KEY_ID: z.string().optional(),
  MEDIA_S3_SECRET_ACCESS_KEY: z.string().optional(),
  MEDIA_S3_PREFIX: z
    .string()
    .regex(/^([a-z0-9][a-z0-9._-]*\/)*$/, "must be lower-case path segments each ending in / (e.g. newsroom/)")
    .default(""),
  MEDIA_CACHE_DIR: directory.default(path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "media-cache")),
  MEDIA_CACHE_MB: z.coerce.number().int().min(0).max(10_000_000).default(256),
  // Files uploaded before media moved into MEDIA_STORAGE (read by media:migrate and the first start).
  MEDIA_DIR: directory.default(path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "media")),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Who may speak for the client in X-Forwarded-For / X-Forwarded-Proto (docs/SECURITY.md).
  TRUSTED_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): TrustedProxy => {
      const parsed = parseTrustedProxy(v);
      if (!("error" in parsed)) return parsed;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }),
  // Distribution (docs/DISTRIBUTION.md). The SMTP URL carries credentials: messages never echo it.
  SMTP_URL: z.string().refine(isSmtpUrl, "must be smtp://user:pass@host:587 or smtps://user:pass@host:465").optional(),
  MAIL_FROM: z.string().refine(isMailbox, 'must be an address, e.g. "Press Office <press@agency.gov>"').optional(),
  MAIL_WORKER: z.enum(["on", "off"]).default("on"),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((hosts) => hosts.every((h) => /^[a-z0-9.:[\]_-]+$/.test(h)), "must be host names separated by commas")
    .default([]),
});

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** `addr@host` or `Name <addr@host>`, one line. */
function isMailbox(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- a line break in the sender would add a header
  return /^(?:[^<>\r\n\u0000-\u001f]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value.trim());
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Rules across variables: a real mail server needs a sender, and links that work for one-click unsubscribe. */
function crossCheck(env: z.output<typeof baseSchema>, siteUrl: string): string[] {
  if (!env.SMTP_URL) return [];
  const problems: string[] = [];
  if (!env.MAIL_FROM) problems.push("Invalid configuration: MAIL_FROM is required when SMTP_URL is set");
  const site = new URL(siteUrl);
  if (site.protocol !== "https:" && !LOOPBACK.has(site.hostname))
    problems.push(
      "Invalid configuration: SITE_URL must be https when SMTP_URL is set (one-click unsubscribe, RFC 8058)",
    );
  return problems;
}

/** Settings that only make sense together, checked after each value on its own. */
const envSchema = baseSchema.superRefine((env, ctx) => {
  const issue = (key: string, message: string) => ctx.addIssue({ code: "custom", path: [key], message });
  if (env.MEDIA_STORAGE === "s3" && !env.MEDIA_S3_BUCKET) issue("MEDIA_S3_BUCKET", "is required when MEDIA_STORAGE=s3");
  if (Boolean(env.MEDIA_S3_ACCESS_KEY_ID) !== Boolean(env.MEDIA_S3_SECRET_ACCESS_KEY)) {
    issue("MEDIA_S3_SECRET_ACCESS_KEY", "and MEDIA_S3_ACCESS_KEY_ID must be set together (or both left unset)");
  }
  const inside = (a: string, b: string) => a === b || a.startsWith(b + path.sep) || b.startsWith(a + path.sep);
  if (inside(env.MEDIA_CACHE_DIR, env.MEDIA_DIR)) issue("MEDIA_CACHE_DIR", "must not be MEDIA_DIR or inside it");
});

export type Env = z.output<typeof envSchema> & { SITE_URL: string };

/** Parses process.env; throws one line per bad variable, naming it. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `Invalid configuration: ${i.path.join(".")} ${i.message}`);
    throw new Error(lines.join("\n"));
  }
  const env = result.data;
  const siteUrl = (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const problems = crossCheck(env, siteUrl);
  if (problems.length) throw new Error(problems.join("\n"));
  return { ...env, SITE_URL: siteUrl };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

export { isPostgresUrl };

/** Absolute path of a file: URL; relative paths resolve from the working directory. */
export function sqlitePath(url: string): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.replace(/^file:/, "").replace(/\?.*$/, ""));
}
