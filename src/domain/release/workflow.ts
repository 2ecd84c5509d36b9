// The release workflow: DRAFT → TRANSLATED → PUBLISHED, as pure functions.
// Every status change in the app goes through transition(); nothing else decides.
import { can, type Permission, type Role } from "../auth/permissions";
import type { WorkflowError } from "./errors";

export const STATUSES = ["DRAFT", "TRANSLATED", "PUBLISHED"] as const;
export type Status = (typeof STATUSES)[number];

export interface TranslationState {
  /** title, summary, body and slug are all present */
  complete: boolean;
  /** fingerprint of the zh content the translation was made from */
  sourceFingerprint: string | null;
}

export interface ReleaseState {
  status: Status;
  /** fingerprint of the current zh working copy */
  originalFingerprint: string;
  translation: TranslationState | null;
}

export type WorkflowAction =
  | { type: "editOriginal"; newFingerprint: string }
  | { type: "editTranslation"; translation: TranslationState }
  | { type: "markTranslated" }
  | { type: "publish"; at: Date; now: Date }
  | { type: "withdraw" };

export type ActionType = WorkflowAction["type"];

export interface Transition {
  status: Status;
  /** the English translation no longer matches the Chinese original */
  translationOutdated: boolean;
  /** a publish whose time is in the future */
  embargoed?: boolean;
}

export type TransitionResult = { ok: true; next: Transition } | { ok: false; code: WorkflowError };

const REQUIRED_PERMISSION: Record<ActionType, Permission> = {
  editOriginal: "original.write",
  editTranslation: "translation.write",
  markTranslated: "release.markTranslated",
  publish: "release.publish",
  withdraw: "release.withdraw",
};

const fail = (code: WorkflowError): TransitionResult => ({ ok: false, code });
const ok = (next: Transition): TransitionResult => ({ ok: true, next });

export function isOutdated(state: Pick<ReleaseState, "originalFingerprint" | "translation">): boolean {
  return state.translation !== null && state.translation.sourceFingerprint !== state.originalFingerprint;
}

/** Why the English version cannot go forward, or null when it is complete and current. */
export function translationProblem(
  originalFingerprint: string,
  translation: TranslationState | null,
): WorkflowError | null {
  if (!translation) return "translation_missing";
  if (!translation.complete) return "translation_incomplete";
  if (translation.sourceFingerprint !== originalFingerprint) return "translation_outdated";
  return null;
}

export function transition(state: ReleaseState, action: WorkflowAction, actor: { role: Role }): TransitionResult {
  if (!can(actor.role, REQUIRED_PERMISSION[action.type])) return fail("forbidden");
  switch (action.type) {
    case "editOriginal": {
      const changed = action.newFingerprint !== state.originalFingerprint;
      const outdated = state.translation !== null && state.translation.sourceFingerprint !== action.newFingerprint;
      // A changed original invalidates a finished translation; a live page keeps its snapshot.
      const status = state.status === "TRANSLATED" && changed ? "DRAFT" : state.status;
      return ok({ status, translationOutdated: outdated });
    }
    case "editTranslation": {
      const problem = translationProblem(state.originalFingerprint, action.translation);
      const status = state.status === "TRANSLATED" && problem ? "DRAFT" : state.status;
      return ok({ status, translationOutdated: isOutdated({ ...state, translation: action.translation }) });
    }
    case "markTranslated": {
      if (state.status === "TRANSLATED") return fail("already_translated");
      if (state.status === "PUBLISHED") return fail("already_published");
      const problem = translationProblem(state.originalFingerprint, state.translation);
      return problem ? fail(problem) : ok({ status: "TRANSLATED", translationOutdated: false });
    }
    case "publish": {
      if (state.status === "DRAFT") return fail("not_translated");
      if (Number.isNaN(action.at.getTime())) return fail("publish_time_invalid");
      // Republishing a live release needs the same complete, current translation.
      const problem = translationProblem(state.originalFingerprint, state.translation);
      if (problem) return fail(problem);
      return ok({ status: "PUBLISHED", translationOutdated: false, embargoed: action.at > action.now });
    }
    case "withdraw": {
      if (state.status !== "PUBLISHED") return fail("not_published");
      return ok({ status: "DRAFT", translationOutdated: isOutdated(state) });
    }
  }
}

const WORKFLOW_ACTIONS = ["markTranslated", "publish", "withdraw"] as const;
export type WorkflowActionType = (typeof WORKFLOW_ACTIONS)[number];

/**
 * The workflow actions to offer a role, each with the reason it is not possible now (null when it
 * is). Actions the role may never take are left out. The server still decides through transition().
 */
export function actionOptions(
  state: ReleaseState,
  role: Role,
  now: Date,
): { type: WorkflowActionType; reason: WorkflowError | null }[] {
  return WORKFLOW_ACTIONS.map((type) => {
    const action: WorkflowAction = type === "publish" ? { type, at: now, now } : { type };
    const result = transition(state, action, { role });
    return { type, reason: result.ok ? null : result.code };
  }).filter((o) => o.reason !== "forbidden");
}

/** The actions a role may take now. */
export function availableActions(state: ReleaseState, role: Role, now: Date): ActionType[] {
  return actionOptions(state, role, now)
    .filter((o) => o.reason === null)
    .map((o) => o.type);
}
