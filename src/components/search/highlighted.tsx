import type { Segment } from "@/server/search";

/** Search highlighting from segments: text is escaped by React, hits become <mark>. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
