"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fieldErrorsOf } from "@/components/admin/form-state";
import { baseVersionSchema, contentInputSchema, releaseMetaSchema } from "@/domain/release/schemas";
import { getCurrentUser } from "@/server/auth/current";
import { revalidatePublicContent } from "@/server/cache-tags";
import { db } from "@/server/db";
import { createRelease, restoreRevision, runWorkflow, saveContent } from "@/server/releases/lifecycle";
import type { Result } from "@/server/releases/results";
import type { Actor } from "@/server/releases/write";
import type { SaveResult, WorkflowResult } from "./types";

// Release actions. Each: who are you → validate → the release service asks the workflow → result.
// Errors are codes; the form translates them and keeps what was typed.

async function currentActor(): Promise<Actor | null> {
  const user = await getCurrentUser();
  return user ? { id: user.id, role: user.role } : null;
}

const idSchema = z.string().min(1).max(64);
const originalSchema = contentInputSchema.and(releaseMetaSchema);
const translationSchema = contentInputSchema.and(z.object({ sourceFingerprint: z.string().max(128).nullish() }));

async function conflictOrError(
  result: Extract<Result<unknown>, { ok: false }>,
  releaseId: string,
  locale: "zh" | "en",
): Promise<SaveResult> {
  if (result.code !== "conflict") return { ok: false, error: result.code };
  const current = await db().releaseContent.findUnique({ where: { releaseId_locale: { releaseId, locale } } });
  const theirs = current && { title: current.title, summary: current.summary, body: current.body, slug: current.slug };
  return { ok: false, error: "conflict", conflict: { version: result.currentVersion ?? 0, theirs } };
}

function refresh(releaseId: string) {
  revalidatePath(`/admin/releases/${releaseId}`, "layout");
  revalidatePath("/admin");
}

export async function createReleaseAction(input: unknown): Promise<SaveResult> {
  const actor = await currentActor();
  if (!actor) return { ok: false, error: "forbidden" };
  const parsed = originalSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error) };
  const { categoryId, releaseDate, ...content } = parsed.data;
  const result = await createRelease(db(), actor, content, { categoryId, releaseDate });
  if (!result.ok)
    return {
      ok: false,
      error: result.code,
      fieldErrors: result.code === "slug_taken" ? { slug: "slug_taken" } : undefined,
    };
  revalidatePath("/admin");
  return { ok: true, id: result.value.id, version: result.value.version, status: "DRAFT" };
}

export async function saveOriginalAction(releaseId: string, baseVersion: number, input: unknown): Promise<SaveResult> {
  const actor = await currentActor();
  if (!actor) return { ok: false, error: "forbidden" };
  const parsed = originalSchema.safeParse(input);
  const base = baseVersionSchema.safeParse(baseVersion);
  if (!parsed.success) return { ok: false, error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error) };
  if (!idSchema.safeParse(releaseId).success || !base.success) return { ok: false, error: "invalid_input" };
  const { categoryId, releaseDate, ...content } = parsed.data;
  const result = await saveContent(db(), actor, releaseId, "zh", content, base.data, {
    meta: { categoryId, releaseDate },
  });
  if (!result.ok) return slugOr(await conflictOrError(result, releaseId, "zh"));
  refresh(releaseId);
  return { ok: true, id: releaseId, ...result.value };
}

export async function saveTranslationAction(
  releaseId: string,
  baseVersion: number,
  input: unknown,
): Promise<SaveResult> {
  const actor = await currentActor();
  if (!actor) return { ok: false, error: "forbidden" };
  const parsed = translationSchema.safeParse(input);
  const base = baseVersionSchema.safeParse(baseVersion);
  if (!parsed.success) return { ok: false, error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error) };
  if (!idSchema.safeParse(releaseId).success || !base.success) return { ok: false, error: "invalid_input" };
  const { sourceFingerprint, ...content } = parsed.data;
  const result = await saveContent(db(), actor, releaseId, "en", content, base.data, { sourceFingerprint });
  if (!result.ok) return slugOr(await conflictOrError(result, releaseId, "en"));
  refresh(releaseId);
  return { ok: true, id: releaseId, ...result.value };
}

const slugOr = (r: SaveResult): SaveResult =>
  !r.ok && r.error === "slug_taken" ? { ...r, fieldErrors: { slug: "slug_taken" } } : r;

const workflowSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("markTranslated") }),
  z.object({ type: z.literal("withdraw") }),
  z.object({ type: z.literal("publish"), at: z.iso.datetime({ offset: true }).nullish() }),
]);

export async function workflowAction(
  releaseId: string,
  baseVersion: number,
  command: unknown,
): Promise<WorkflowResult> {
  const actor = await currentActor();
  if (!actor) return { ok: false, error: "forbidden" };
  const parsed = workflowSchema.safeParse(command);
  const base = baseVersionSchema.safeParse(baseVersion);
  if (!parsed.success || !base.success || !idSchema.safeParse(releaseId).success)
    return { ok: false, error: "invalid_input" };
  const cmd =
    parsed.data.type === "publish"
      ? { type: "publish" as const, at: parsed.data.at ? new Date(parsed.data.at) : null }
      : parsed.data;
  const result = await runWorkflow(db(), actor, releaseId, cmd, base.data);
  if (!result.ok) return { ok: false, error: result.code };
  if (cmd.type !== "markTranslated") revalidatePublicContent();
  refresh(releaseId);
  return { ok: true, ...result.value };
}

export async function restoreRevisionAction(
  releaseId: string,
  revisionId: string,
  baseVersion: number,
): Promise<WorkflowResult> {
  const actor = await currentActor();
  if (!actor) return { ok: false, error: "forbidden" };
  const base = baseVersionSchema.safeParse(baseVersion);
  if (!base.success || !idSchema.safeParse(releaseId).success || !idSchema.safeParse(revisionId).success) {
    return { ok: false, error: "invalid_input" };
  }
  const result = await restoreRevision(db(), actor, releaseId, revisionId, base.data);
  if (!result.ok) return { ok: false, error: result.code };
  refresh(releaseId);
  return { ok: true, embargoed: false, ...result.value };
}
