import "server-only";
import type { ContentLocale } from "@/i18n/settings";
import { absolute, paths } from "@/domain/public/urls";
import type { Client } from "../distribution/sql";
import { env } from "../env";

// The JSON body of a webhook event: the release in both languages (title, summary, public URL), its
// release date and category. Built from the live snapshot (Publication), never the working copy.

export interface ReleasePayload {
  id: string;
  event: string;
  createdAt: string;
  release: {
    id: string;
    releaseDate: string | null;
    publishedAt: string | null;
    category: { slug: string; name: { zh: string; en: string } } | null;
    zh: { title: string; summary: string; url: string } | null;
    en: { title: string; summary: string; url: string } | null;
  };
}

export async function releasePayload(
  client: Client,
  deliveryId: string,
  event: string,
  releaseId: string,
  now: Date,
): Promise<ReleasePayload | null> {
  const release = await client.release.findUnique({
    where: { id: releaseId },
    select: { id: true, releaseDate: true, publications: true },
  });
  if (!release || release.publications.length === 0) return null;
  const categoryId = release.publications[0]!.categoryId;
  const category = categoryId ? await client.category.findUnique({ where: { id: categoryId } }) : null;
  const site = env().SITE_URL;
  const lang = (locale: ContentLocale) => {
    const p = release.publications.find((x) => x.locale === locale);
    return p ? { title: p.title, summary: p.summary, url: absolute(site, paths.article(locale, p.slug)) } : null;
  };
  return {
    id: deliveryId,
    event,
    createdAt: now.toISOString(),
    release: {
      id: release.id,
      releaseDate: release.releaseDate?.toISOString() ?? null,
      publishedAt: release.publications[0]!.publishedAt.toISOString(),
      category: category ? { slug: category.slug, name: { zh: category.nameZh, en: category.nameEn } } : null,
      zh: lang("zh"),
      en: lang("en"),
    },
  };
}

/** The body of the "send test event" button: a sample shaped like a real event. */
export function testPayload(deliveryId: string, now: Date): ReleasePayload {
  const site = env().SITE_URL;
  return {
    id: deliveryId,
    event: "webhook.test",
    createdAt: now.toISOString(),
    release: {
      id: "test",
      releaseDate: now.toISOString(),
      publishedAt: now.toISOString(),
      category: null,
      zh: { title: "测试事件", summary: "这是一条测试事件。", url: absolute(site, paths.home("zh")) },
      en: { title: "Test event", summary: "This is a test event.", url: absolute(site, paths.home("en")) },
    },
  };
}
