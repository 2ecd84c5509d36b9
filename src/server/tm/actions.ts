"use server";
import { revalidatePath } from "next/cache";
import { can } from "@/domain/auth/permissions";
import { formStateOf, formString, type FormState } from "@/domain/form";
import { fail, ok } from "@/domain/result";
import { getActor } from "../auth/current";
import { recordAudit } from "../audit";
import { db } from "../db";
import { tombstoneUnit } from "./store";

/** Deletes a bad pair from the translation memory for good (editors, admins); audited. */
export async function deleteTmUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor || !can(actor.role, "tm.delete")) return { error: "forbidden" };
  const id = Number(formString(formData, "id"));
  if (!Number.isInteger(id) || id < 1 || id > 2 ** 31 - 1) return { error: "invalid_input" };
  const removed = await db().$transaction(async (tx) => {
    const unit = await tombstoneUnit(tx, id);
    if (unit) await recordAudit(tx, { actorId: actor.id, action: "tm.deleted", targetId: String(id), detail: unit });
    return unit;
  });
  if (removed) revalidatePath("/admin/tm");
  return formStateOf(removed ? ok(null) : fail("tm_not_found"), "workbench.tm.deleted");
}
