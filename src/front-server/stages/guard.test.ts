import { expect, test } from "vitest";
import { guard } from "./guard";

test.each([
  ["/api/internal/revalidate", false, 404],
  ["/_newsroom/not-found", false, 404],
  ["/api/internal/revalidate", true, null],
  ["/zh/news", false, null],
  ["/api/media", false, null], // cross-site writes are src/proxy.ts's business, in every mode
])("%s (the front server's own request: %s) → %s", (path, internal, status) => {
  const refusal = guard({ path, internal });
  expect(refusal?.status ?? null).toBe(status);
  if (refusal) expect(refusal.headers).toContainEqual(["X-Frame-Options", "DENY"]);
});
