// Error codes that cross the server boundary; the UI translates them (locales/*/errors.json).
export const WORKFLOW_ERRORS = [
  "forbidden",
  "invalid_transition",
  "already_translated",
  "already_published",
  "not_translated",
  "not_published",
  "translation_missing",
  "translation_incomplete",
  "translation_outdated",
  "publish_time_invalid",
] as const;

export type WorkflowError = (typeof WORKFLOW_ERRORS)[number];
