import type { MetadataRoute } from "next";
import { env } from "@/server/env";

export const dynamic = "force-dynamic"; // SITE_URL is read at run time, not build time

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: ["/", "/api/v1/"], disallow: ["/admin", "/api/"] },
    sitemap: `${env().SITE_URL}/sitemap.xml`,
  };
}
