import "server-only";
import { XLIFF_VERSIONS, type XliffVersion } from "@/domain/xliff/codes";

// Shared bits of the XLIFF and CSV download routes.

export const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

export const json = (status: number, body: unknown) => Response.json(body, { status, headers: PRIVATE });

/** ?version=1.2|2.0 (1.2 when absent); null for anything else. */
export function versionParam(request: Request): XliffVersion | null {
  const v = new URL(request.url).searchParams.get("version") ?? "1.2";
  return (XLIFF_VERSIONS as readonly string[]).includes(v) ? (v as XliffVersion) : null;
}

/** `attachment; filename=…` for an ASCII name (slugs and fixed words only ever reach it). */
export const attachment = (name: string) => `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`;
