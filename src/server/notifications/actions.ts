"use server";
import { revalidatePath } from "next/cache";
import { formStateOf, formString, type FormState } from "@/domain/form";
import { fail, ok } from "@/domain/result";
import { getActor } from "../auth/current";
import { db } from "../db";

// Marking one's own notifications read. Only the owner's rows are ever touched.

export async function markNotificationReadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  const { count } = await db().notification.updateMany({
    where: { id: formString(formData, "id").slice(0, 64), userId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  revalidatePath("/admin", "layout");
  return formStateOf(count ? ok(null) : fail("notification_not_found"), "workbench.notifications.markedRead");
}

export async function markAllNotificationsReadAction(_prev: FormState, _formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { error: "forbidden" };
  await db().notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  revalidatePath("/admin", "layout");
  return formStateOf(ok(null), "workbench.notifications.allRead");
}
