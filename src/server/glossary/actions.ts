"use server";
import { revalidatePath } from "next/cache";
import { can } from "@/domain/auth/permissions";
import { fieldErrorsOf, formStateOf, formString, formValues, type FormState } from "@/domain/form";
import { glossaryTermSchema } from "@/domain/glossary/schemas";
import { ok } from "@/domain/result";
import { getActor } from "../auth/current";
import { recordAudit } from "../audit";
import { db } from "../db";
import { setSetting } from "../settings";
import { CSV_MAX_BYTES, importGlossaryCsv, type CsvReport } from "./csv";
import { deleteTerm, saveTerm } from "./store";

// Glossary actions: who are you → validate → the store checks "may you" → do it.

const FIELDS = ["term", "approved", "forbidden", "note", "category"] as const;

export async function saveGlossaryTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await getActor();
  if (!actor || !can(actor.role, "glossary.write")) return { error: "forbidden", values };
  const parsed = glossaryTermSchema.safeParse(Object.fromEntries(FIELDS.map((k) => [k, formString(formData, k)])));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const id = formString(formData, "id").slice(0, 64) || null;
  const result = await saveTerm(db(), actor, id, parsed.data);
  if (result.ok) revalidatePath("/admin/glossary");
  if (!result.ok && result.code === "glossary_term_taken")
    return { fieldErrors: { term: "glossary_term_taken" }, values };
  return formStateOf(result, id ? "workbench.glossary.saved" : "workbench.glossary.created", values);
}

export async function deleteGlossaryTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await deleteTerm(db(), await getActor(), formString(formData, "id").slice(0, 64));
  if (result.ok) revalidatePath("/admin/glossary");
  return formStateOf(result, "workbench.glossary.deleted");
}

export interface CsvImportState extends FormState {
  report?: CsvReport;
}

export async function importGlossaryCsvAction(_prev: CsvImportState, formData: FormData): Promise<CsvImportState> {
  const actor = await getActor();
  if (!actor || !can(actor.role, "glossary.write")) return { error: "forbidden" };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { fieldErrors: { file: "file_required" } };
  if (file.size > CSV_MAX_BYTES) return { error: "csv_too_large" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { error: "csv_not_utf8" };
  }
  const result = await importGlossaryCsv(db(), actor, text);
  if (!result.ok) return formStateOf(result, "");
  revalidatePath("/admin/glossary");
  return { ok: true, message: "workbench.glossary.imported", report: result.value };
}

/** Admin setting: term problems block "Mark as translated". */
export async function setTermBlockingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor || !can(actor.role, "settings.manage")) return { error: "forbidden" };
  const enabled = formString(formData, "enabled") === "true";
  await db().$transaction(async (tx) => {
    await setSetting(tx, "termErrorsBlock", enabled);
    await recordAudit(tx, { actorId: actor.id, action: "settings.changed", detail: { termErrorsBlock: enabled } });
  });
  revalidatePath("/admin/glossary");
  return formStateOf(ok(null), enabled ? "workbench.glossary.blockingOn" : "workbench.glossary.blockingOff");
}
