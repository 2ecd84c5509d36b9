import type { ReactNode } from "react";

// The public pages' segment. It exists so that not-found.tsx and error.tsx sit *inside* the
// [locale] root layout: boundaries on the root segment itself render Next's bare error shell.
export default function SiteLayout({ children }: { children: ReactNode }) {
  return children;
}
