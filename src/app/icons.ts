import type { Metadata } from "next";

// The site's icons and web app manifest (files in public/, drawn by scripts/make-icons.mjs), for
// both root layouts: without them every page made the browser fetch a missing /favicon.ico.
export const siteIcons: Pick<Metadata, "icons" | "manifest"> = {
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};
