// Which pile of the editorial dashboard a release belongs to: what needs doing next.
import { isOutdated, type ReleaseState } from "./workflow";

export const DASHBOARD_GROUPS = [
  "needsEnglish", // draft without an English version
  "outdated", // the Chinese changed after translation
  "inTranslation", // English started, not yet marked translated
  "ready", // translated, waiting to be published
  "scheduled", // published with a future time (embargo)
  "published",
] as const;
export type DashboardGroup = (typeof DASHBOARD_GROUPS)[number];

export function dashboardGroup(state: ReleaseState, liveAt: Date | null, now: Date): DashboardGroup {
  if (state.translation && isOutdated(state)) return "outdated";
  switch (state.status) {
    case "PUBLISHED":
      return liveAt && liveAt > now ? "scheduled" : "published";
    case "TRANSLATED":
      return "ready";
    case "DRAFT":
      return state.translation ? "inTranslation" : "needsEnglish";
  }
}
