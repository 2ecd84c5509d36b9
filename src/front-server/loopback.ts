import { INTERNAL_HEADERS, INTERNAL_PATHS, type Locale } from "@/contract";

// The front server's own requests to the app over loopback, with the per-process secret: is the
// database reachable (the app's /api/health), the rendered not-found page in a language, and
// revalidating Next's caches after another instance's change (revalidateTag needs a request).

export interface LoopbackDeps {
  selfUrl: () => string;
  secret: string;
  fetchImpl: typeof fetch;
  now: () => number;
}

export interface Loopback {
  /** The app's /api/health answers 200 (the answer is kept for one second). */
  databaseHealthy(): Promise<boolean>;
  /** The not-found page in `locale`, or null when it could not be rendered; kept until forget(). */
  notFoundHtml(locale: Locale): Promise<string | null>;
  /** Forget the kept not-found pages (a purge: they show the site's navigation). */
  forget(): void;
  /**
   * POST /api/internal/revalidate (everything, or only these tags); resolves with an error
   * message, or null when it worked.
   */
  revalidate(tags?: readonly string[]): Promise<string | null>;
}

export function createLoopback({ selfUrl, secret, fetchImpl, now }: LoopbackDeps): Loopback {
  const notFound = new Map<Locale, Promise<string | null>>();
  let health = { at: Number.NEGATIVE_INFINITY, ok: true };

  return {
    async databaseHealthy() {
      if (now() - health.at < 1_000) return health.ok;
      let ok: boolean;
      try {
        const res = await fetchImpl(`${selfUrl()}/api/health`, { signal: AbortSignal.timeout(3_000) });
        await res.arrayBuffer();
        ok = res.status === 200;
      } catch {
        ok = false;
      }
      health = { at: now(), ok };
      return ok;
    },
    notFoundHtml(locale) {
      let body = notFound.get(locale);
      if (!body) {
        body = fetchImpl(`${selfUrl()}${INTERNAL_PATHS.notFound}`, {
          headers: { [INTERNAL_HEADERS.internal]: secret, [INTERNAL_HEADERS.locale]: locale },
          signal: AbortSignal.timeout(5_000),
        })
          .then(async (r) => ((r.headers.get("content-type") ?? "").includes("text/html") ? r.text() : null))
          .catch(() => null);
        notFound.set(locale, body);
        void body.then((html) => html === null && notFound.delete(locale));
      }
      return body;
    },
    forget: () => notFound.clear(),
    async revalidate(tags) {
      try {
        const res = await fetchImpl(`${selfUrl()}${INTERNAL_PATHS.revalidate}`, {
          method: "POST",
          headers: { [INTERNAL_HEADERS.internal]: secret, "content-type": "application/json" },
          body: JSON.stringify(tags ? { tags } : {}),
          signal: AbortSignal.timeout(5_000),
        });
        await res.arrayBuffer();
        return res.ok ? null : `status ${res.status}`;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
  };
}
