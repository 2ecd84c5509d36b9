import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native modules and database drivers stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "nodemailer",
  ],
  experimental: {
    globalNotFound: true,
    // The public site's page and data cache lives in memory only (docs/CACHING.md): entries on disk
    // would outlive the process and be served against a different or restored database.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
