import { expect, test } from "vitest";
import { dashboardGroup } from "./dashboard";
import type { ReleaseState, Status } from "./workflow";

const now = new Date("2026-01-01T00:00:00Z");
const past = new Date("2025-01-01T00:00:00Z");
const future = new Date("2027-01-01T00:00:00Z");
const current = { complete: true, sourceFingerprint: "zh" };
const stale = { complete: true, sourceFingerprint: "old" };
const partial = { complete: false, sourceFingerprint: "zh" };
const s = (status: Status, translation: ReleaseState["translation"]): ReleaseState => ({
  status,
  originalFingerprint: "zh",
  translation,
});

test.each([
  [s("DRAFT", null), null, "needsEnglish"],
  [s("DRAFT", partial), null, "inTranslation"],
  [s("DRAFT", current), null, "inTranslation"],
  [s("DRAFT", stale), null, "outdated"],
  [s("TRANSLATED", current), null, "ready"],
  [s("PUBLISHED", current), past, "published"],
  [s("PUBLISHED", current), future, "scheduled"],
  [s("PUBLISHED", stale), past, "outdated"],
] as const)("%j live at %s → %s", (state, liveAt, group) => {
  expect(dashboardGroup(state, liveAt, now)).toBe(group);
});
