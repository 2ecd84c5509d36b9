"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { distributionChoiceSchema } from "@/domain/distribution/schemas";
import { fieldErrorsOf } from "@/domain/form";
import { textSchema } from "@/domain/text";
import { baseVersionSchema, contentInputSchema, releaseMetaSchema } from "@/domain/release/schemas";
import { fail, ok, type Failure } from "@/domain/result";
import type { ContentLocale } from "@/i18n/settings";
import { getActor } from "../auth/current";
import { revalidatePublicTags } from "../cache-tags";
import { db } from "../db";
import { wakeDistribution } from "../distribution/service";
import type { SaveResult, WorkflowResult } from "./action-results";
import { getWorkingCopy } from "./admin-queries";
import { createRelease, restoreRevision, runWorkflow, saveContent } from "./lifecycle";
import { sweepRemovedFiles } from "../presskit/store";
import { logError } from "../log";
import { appMediaStore } from "../media/runtime";

// Release actions. Each: who are you → validate → the release service asks the workflow → result.
// Errors are codes; the form translates them and keeps what was typed.

const idSchema = z.string().min(1).max(64);
const originalSchema = contentInputSchema.and(releaseMetaSchema);
const translationSchema = contentInputSchema.and(z.object({ sourceFingerprint: textSchema().max(128).nullish() }));

/** A refused input; a body the editor's schema refuses says what and where (body_unsupported). */
function invalid(error?: z.ZodError): SaveResult {
  const unsupported = error?.issues.find((i) => i.message === "body_unsupported");
  const params = unsupported?.code === "custom" ? (unsupported.params as Record<string, string | number>) : undefined;
  return {
    ...(params ? fail("body_unsupported", { params }) : fail("invalid_input")),
    fieldErrors: error && fieldErrorsOf(error),
  };
}

/** A refused save as the form shows it: the slug field, or both texts when someone saved first. */
async function refusedSave(result: Failure, releaseId: string, locale: ContentLocale): Promise<SaveResult> {
  if (result.code === "slug_taken") return { ...result, fieldErrors: { slug: "slug_taken" } };
  if (result.code !== "conflict") return result;
  const theirs = await getWorkingCopy(db(), releaseId, locale);
  return { ...result, conflict: { version: result.currentVersion ?? 0, theirs } };
}

function refresh(releaseId: string) {
  revalidatePath(`/admin/releases/${releaseId}`, "layout");
  revalidatePath("/admin");
}

export async function createReleaseAction(input: unknown): Promise<SaveResult> {
  const actor = await getActor();
  if (!actor) return fail("forbidden");
  const parsed = originalSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { categoryId, releaseDate, ...content } = parsed.data;
  const result = await createRelease(db(), actor, content, { categoryId, releaseDate });
  if (!result.ok) return result.code === "slug_taken" ? { ...result, fieldErrors: { slug: "slug_taken" } } : result;
  revalidatePath("/admin");
  return ok({ id: result.value.id, version: result.value.version, status: "DRAFT" });
}

export async function saveOriginalAction(releaseId: string, baseVersion: number, input: unknown): Promise<SaveResult> {
  const actor = await getActor();
  if (!actor) return fail("forbidden");
  const parsed = originalSchema.safeParse(input);
  const base = baseVersionSchema.safeParse(baseVersion);
  if (!parsed.success) return invalid(parsed.error);
  if (!idSchema.safeParse(releaseId).success || !base.success) return invalid();
  const { categoryId, releaseDate, ...content } = parsed.data;
  const result = await saveContent(db(), actor, releaseId, "zh", content, base.data, {
    meta: { categoryId, releaseDate },
  });
  if (!result.ok) return refusedSave(result, releaseId, "zh");
  refresh(releaseId);
  return ok({ id: releaseId, ...result.value });
}

export async function saveTranslationAction(
  releaseId: string,
  baseVersion: number,
  input: unknown,
): Promise<SaveResult> {
  const actor = await getActor();
  if (!actor) return fail("forbidden");
  const parsed = translationSchema.safeParse(input);
  const base = baseVersionSchema.safeParse(baseVersion);
  if (!parsed.success) return invalid(parsed.error);
  if (!idSchema.safeParse(releaseId).success || !base.success) return invalid();
  const { sourceFingerprint, ...content } = parsed.data;
  const result = await saveContent(db(), actor, releaseId, "en", content, base.data, { sourceFingerprint });
  if (!result.ok) return refusedSave(result, releaseId, "en");
  refresh(releaseId);
  return ok({ id: releaseId, ...result.value });
}

const workflowSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("markTranslated") }),
  z.object({ type: z.literal("withdraw") }),
  z.object({
    type: z.literal("publish"),
    at: z.iso.datetime({ offset: true }).nullish(),
    distribution: distributionChoiceSchema.optional(),
  }),
]);

export async function workflowAction(
  releaseId: string,
  baseVersion: number,
  command: unknown,
): Promise<WorkflowResult> {
  const actor = await getActor();
  if (!actor) return fail("forbidden");
  const parsed = workflowSchema.safeParse(command);
  const base = baseVersionSchema.safeParse(baseVersion);
  if (!parsed.success || !base.success || !idSchema.safeParse(releaseId).success) return fail("invalid_input");
  const cmd =
    parsed.data.type === "publish"
      ? {
          type: "publish" as const,
          at: parsed.data.at ? new Date(parsed.data.at) : null,
          distribution: parsed.data.distribution,
        }
      : parsed.data;
  const result = await runWorkflow(db(), actor, releaseId, cmd, base.data);
  if (!result.ok) return result;
  const { touched, ...outcome } = result.value;
  if (cmd.type !== "markTranslated") {
    revalidatePublicTags(touched); // only the pages that showed or show this release (docs/CACHING.md)
    wakeDistribution();
    // Press-kit files removed while the old snapshot listed them: no publication lists them now.
    await sweepRemovedFiles(db(), releaseId, appMediaStore()).catch((error: unknown) =>
      logError(error, "press kit: removed files not swept", { releaseId }),
    );
  }
  refresh(releaseId);
  return ok(outcome);
}

export async function restoreRevisionAction(
  releaseId: string,
  revisionId: string,
  baseVersion: number,
): Promise<WorkflowResult> {
  const actor = await getActor();
  if (!actor) return fail("forbidden");
  const base = baseVersionSchema.safeParse(baseVersion);
  if (!base.success || !idSchema.safeParse(releaseId).success || !idSchema.safeParse(revisionId).success) {
    return fail("invalid_input");
  }
  const result = await restoreRevision(db(), actor, releaseId, revisionId, base.data);
  if (!result.ok) return result;
  refresh(releaseId);
  return ok({ embargoed: false, ...result.value });
}
