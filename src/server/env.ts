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
});

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
  return { ...env, SITE_URL: (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
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
