import Link from "next/link";
import { paths } from "@/domain/public/urls";
import { formatDate } from "@/i18n/format";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";
import { env } from "@/server/env";
import type { PublicItem } from "@/server/releases/public";

/** A list of releases; `headingLevel` keeps the outline right under the page's h1 or an h2. */
export function ReleaseList({
  locale,
  items,
  headingLevel = 2,
  className = "release-list",
}: {
  locale: Locale;
  items: PublicItem[];
  headingLevel?: 2 | 3;
  className?: string;
}) {
  if (items.length === 0) return <p>{getT(locale, "site")("noNews")}</p>;
  const Heading = `h${headingLevel}` as const;
  const tz = env().NEWSROOM_TIMEZONE;
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.releaseId}>
          <Heading>
            <Link href={paths.article(locale, item.slug)}>{item.title}</Link>
          </Heading>
          <p className="meta">
            <time dateTime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt, locale, tz)}</time>
          </p>
          {item.summary && <p className="summary">{item.summary}</p>}
        </li>
      ))}
    </ul>
  );
}
