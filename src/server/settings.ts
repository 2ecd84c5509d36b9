import "server-only";
import type { Prisma } from "./db/generated/sqlite/client";

// Instance settings an administrator changes in the app (AppSetting rows: key → JSON value).

type Client = Prisma.TransactionClient;

export const SETTINGS = {
  /** term problems (missing approved rendering, forbidden variant) block "Mark as translated" */
  termErrorsBlock: { key: "workbench.termErrorsBlock", fallback: false as boolean },
} as const;

type Name = keyof typeof SETTINGS;
type Value<N extends Name> = (typeof SETTINGS)[N]["fallback"];

export async function getSetting<N extends Name>(db: Client, name: N): Promise<Value<N>> {
  const { key, fallback } = SETTINGS[name];
  const row = await db.appSetting.findUnique({ where: { key } });
  if (!row) return fallback;
  try {
    const value = JSON.parse(row.value) as unknown;
    return typeof value === typeof fallback ? (value as Value<N>) : fallback;
  } catch {
    return fallback;
  }
}

export async function setSetting<N extends Name>(db: Client, name: N, value: Value<N>): Promise<void> {
  const { key } = SETTINGS[name];
  const json = JSON.stringify(value);
  await db.appSetting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}
