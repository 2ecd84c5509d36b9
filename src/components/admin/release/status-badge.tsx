import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";
import { env } from "@/server/env";

/** Status in words, with "outdated translation" and "scheduled for …" where they apply. */
export function StatusBadge({
  status,
  outdated,
  liveAt,
  locale,
}: {
  status: string;
  outdated: boolean;
  liveAt: Date | null;
  locale: Locale;
}) {
  const t = getT(locale, "admin");
  const scheduled = status === "PUBLISHED" && liveAt && liveAt > new Date();
  return (
    <span className={`status status-${status.toLowerCase()}`}>
      {t(`status.${status}`)}
      {scheduled && ` · ${t("status.scheduledFor", { time: formatDateTime(liveAt, locale, env().NEWSROOM_TIMEZONE) })}`}
      {outdated && ` · ${t("status.outdated")}`}
    </span>
  );
}
