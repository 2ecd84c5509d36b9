import { contentSecurityPolicy } from "@/contract";
import { inlineScripts } from "../inline-scripts";
import { headerOf, type HeaderPairs } from "../stored-response";

// Stage 6: the Content-Security-Policy of an HTML answer allows exactly the inline scripts of its
// final body that are Next's own (src/front-server/inline-scripts.ts). Others are reported once
// per rendered response: the browser will refuse them. Other answers keep the policy set on the
// way (stages/render.ts) or by the pipeline itself (the 503).

export type RefusedScripts = (path: string, samples: string[]) => void;

export function secure(path: string, headers: HeaderPairs, body: Buffer, onRefused: RefusedScripts): HeaderPairs {
  if (!/text\/html/i.test(headerOf(headers, "content-type") ?? "")) return headers;
  const { allowed, refused } = inlineScripts(body.toString("utf8"));
  if (refused.length) onRefused(path, refused);
  const policy = contentSecurityPolicy(allowed);
  return [
    ...headers.filter(([n]) => n.toLowerCase() !== "content-security-policy"),
    ["Content-Security-Policy", policy],
  ];
}
