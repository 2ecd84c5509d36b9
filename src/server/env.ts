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
});

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
  return { ...env, SITE_URL: (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
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
