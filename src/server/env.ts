import "server-only";
import path from "node:path";
import { z } from "zod";

// Configuration, validated once at start. A bad variable stops the app with one line naming it.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: or postgresql://")
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
  // Uploaded images (docs/OPERATIONS.md "Media"); made absolute from the working directory.
  MEDIA_DIR: z
    .string()
    .refine((v) => !v.includes("\0"), "must be a directory path")
    .transform((v) => path.resolve(/*turbopackIgnore: true*/ process.cwd(), v))
    .default(path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "media")),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
function crossCheck(env: z.infer<typeof envSchema>, siteUrl: string): string[] {
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

export type Env = z.infer<typeof envSchema> & { SITE_URL: string };

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

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Absolute path of a file: URL; relative paths resolve from the working directory. */
export function sqlitePath(url: string): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.replace(/^file:/, "").replace(/\?.*$/, ""));
}
