import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePageParam } from "@/domain/public/paging";
import { isLocale, type Locale } from "@/i18n/settings";

// Route parameters of the public pages: anything malformed is a 404, never a crash.
export function localeOr404(raw: string): Locale {
  if (!isLocale(raw)) notFound();
  return raw;
}

export function pageOr404(raw: string): number {
  return parsePageParam(raw) ?? notFound();
}

const isNotFound = (e: unknown) =>
  typeof e === "object" &&
  e !== null &&
  String((e as { digest?: unknown }).digest).startsWith("NEXT_HTTP_ERROR_FALLBACK;404");

/**
 * generateMetadata must not throw notFound(): in a cached render Next then answers with an empty
 * client-rendered error shell instead of our not-found page. The page itself throws it.
 */
export async function metadataOrEmpty(fn: () => Promise<Metadata> | Metadata): Promise<Metadata> {
  try {
    return await fn();
  } catch (error) {
    if (isNotFound(error)) return {};
    throw error;
  }
}
