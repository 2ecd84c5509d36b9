import { BASE_CSP, STATIC_SECURITY_HEADERS } from "@/contract";
import type { HeaderPairs } from "./stored-response";

// Headers of the responses the front server makes itself (404 for internal paths, the 503): Next
// never sees these requests' answers, so next.config.ts headers() cannot add its security headers.

export function ownHeaders(contentType: string, extra: HeaderPairs = []): HeaderPairs {
  return [
    ...STATIC_SECURITY_HEADERS,
    ["Content-Security-Policy", BASE_CSP],
    ["Content-Type", contentType],
    ["Cache-Control", "no-store"],
    ...extra,
  ];
}
