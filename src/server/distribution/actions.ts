"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  distributionChoiceSchema,
  journalistSchema,
  listNameSchema,
  subscribeSchema,
} from "@/domain/distribution/schemas";
import { fieldErrorsOf, formStateOf, formString, formValues, type FormState } from "@/domain/form";
import { can } from "@/domain/auth/permissions";
import { fail, ok, type Result } from "@/domain/result";
import { getActor } from "../auth/current";
import { clientIp } from "../request-info";
import { db } from "../db";
import { sendEmbargoLinks, revokeGrant } from "./embargo";
import {
  addJournalist,
  createList,
  CSV_MAX_BYTES,
  deleteList,
  importJournalists,
  removeJournalist,
  type ImportReport,
} from "./journalists";
import { listsWithCounts, recipientCount } from "./queries";
import { wakeDistribution } from "./service";
import { confirmSubscription, requestSubscription, unsubscribe } from "./subscribers";

// Distribution actions. Public ones (subscribe, confirm, unsubscribe) need no session: a token or the
// double opt-in protects them. Back-office ones: who are you → validate → the service checks the role.

// Record ids are cuids or UUIDs: anything else is refused before it reaches a query.
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const ids = (formData: FormData, key: string) =>
  formData.getAll(key).filter((v): v is string => typeof v === "string" && id.safeParse(v).success);
const idOf = (formData: FormData, key: string) => {
  const parsed = id.safeParse(formString(formData, key));
  return parsed.success ? parsed.data : null;
};

export async function subscribeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { ...formValues(formData), categoryIds: ids(formData, "categoryIds").join(",") };
  const parsed = subscribeSchema.safeParse({
    email: formString(formData, "email"),
    language: formString(formData, "language"),
    categoryIds: ids(formData, "categoryIds"),
  });
  if (!parsed.success) return { error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await requestSubscription(db(), parsed.data, await clientIp());
  if (result.ok) wakeDistribution();
  return result.ok ? { ok: true, message: "mail:subscribe.sent" } : formStateOf(result, "", values);
}

export async function confirmSubscriptionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formStateOf(await confirmSubscription(db(), formString(formData, "token")), "mail:confirm.done");
}

export async function unsubscribeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return formStateOf(await unsubscribe(db(), formString(formData, "token")), "mail:unsubscribe.done");
}

/** How many emails a publication with `choice` would send (the publish confirmation shows it). */
export async function previewRecipientsAction(releaseId: unknown, choice: unknown): Promise<Result<{ count: number }>> {
  const actor = await getActor();
  if (!actor || !can(actor.role, "release.publish")) return fail("forbidden");
  const rid = id.safeParse(releaseId);
  const parsed = distributionChoiceSchema.safeParse(choice);
  if (!rid.success || !parsed.success) return fail("invalid_input");
  return ok({ count: await recipientCount(db(), rid.data, parsed.data) });
}

/** What the publish confirmation offers: the journalist lists, and whether this release was mailed before. */
export async function publishOptionsAction(
  releaseId: unknown,
): Promise<Result<{ lists: { id: string; name: string; count: number }[]; mailedBefore: boolean }>> {
  const actor = await getActor();
  if (!actor || !can(actor.role, "release.publish")) return fail("forbidden");
  const rid = id.safeParse(releaseId);
  if (!rid.success) return fail("invalid_input");
  const [lists, mailed] = await Promise.all([
    listsWithCounts(db()),
    db().mailDispatch.count({ where: { releaseId: rid.data, kind: "release" } }),
  ]);
  return ok({ lists, mailedBefore: mailed > 0 });
}

export async function sendEmbargoLinksAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const releaseId = id.safeParse(formString(formData, "releaseId"));
  if (!releaseId.success) return { error: "invalid_input" };
  const result = await sendEmbargoLinks(db(), actor, releaseId.data, ids(formData, "listIds"));
  if (result.ok) {
    wakeDistribution();
    revalidatePath(`/admin/releases/${releaseId.data}/delivery`);
  }
  return formStateOf(result, "mail:admin.embargo.sent");
}

export async function revokeGrantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const result = await revokeGrant(db(), actor, idOf(formData, "grantId") ?? "");
  if (result.ok) revalidatePath("/admin/releases", "layout");
  return formStateOf(result, "mail:admin.embargo.revoked");
}

export async function createListAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const parsed = listNameSchema.safeParse({ name: formString(formData, "name") });
  if (!parsed.success)
    return { error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error), values: formValues(formData) };
  const result = await createList(db(), actor, parsed.data.name);
  if (result.ok) revalidatePath("/admin/distribution");
  return formStateOf(result, "mail:admin.lists.created", formValues(formData));
}

export async function deleteListAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const result = await deleteList(db(), actor, idOf(formData, "listId") ?? "");
  if (result.ok) revalidatePath("/admin/distribution");
  return formStateOf(result, "mail:admin.lists.deleted");
}

export async function addJournalistAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const values = formValues(formData);
  const parsed = journalistSchema.safeParse(values);
  if (!parsed.success) return { error: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await addJournalist(db(), actor, idOf(formData, "listId") ?? "", parsed.data);
  if (result.ok) revalidatePath("/admin/distribution", "layout");
  return formStateOf(result, "mail:admin.lists.added", values);
}

export async function removeJournalistAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const result = await removeJournalist(db(), actor, idOf(formData, "journalistId") ?? "");
  if (result.ok) revalidatePath("/admin/distribution", "layout");
  return formStateOf(result, "mail:admin.lists.removed");
}

export type ImportState = FormState & { report?: ImportReport };

export async function importJournalistsAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { error: "invalid_input", fieldErrors: { file: "csv_required" } };
  if (file.size > CSV_MAX_BYTES) return { error: "csv_invalid" };
  const result = await importJournalists(db(), actor, idOf(formData, "listId") ?? "", await file.text());
  if (!result.ok) return { error: result.code };
  revalidatePath("/admin/distribution", "layout");
  return { ok: true, message: "mail:admin.import.done", report: result.value };
}
