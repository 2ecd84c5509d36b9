// A stand-in for Next's request context (cookies, headers, cache invalidation) so server actions and
// pages can be called directly against the real database. Only the framework is simulated.
import { vi } from "vitest";

export const cookieJar = new Map<string, string>();

export const nextHeadersMock = () => ({
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    set: (name: string, value: string) => void cookieJar.set(name, value),
    delete: (arg: string | { name: string }) => void cookieJar.delete(typeof arg === "string" ? arg : arg.name),
  }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "192.0.2.10" }),
});

export const nextCacheMock = () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  unstable_cache: <T>(fn: T) => fn,
  unstable_noStore: vi.fn(),
});

/** What a page or action did: rendered/returned, redirected, or 404. */
export async function outcome(
  run: () => Promise<unknown>,
): Promise<{ kind: "ok" | "redirect" | "notFound"; value?: unknown; to?: string }> {
  try {
    return { kind: "ok", value: await run() };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", to: digest.split(";")[2] };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "notFound" };
    throw error;
  }
}
