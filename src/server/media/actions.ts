"use server";
import { revalidatePath } from "next/cache";
import { formStateOf, formString, type FormState } from "@/domain/form";
import { getActor } from "../auth/current";
import { db } from "../db";
import { env } from "../env";
import { deleteMedia } from "./service";

// Media library actions: who are you → the service checks "may you" and "is it unused" → do it.

export async function deleteMediaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await deleteMedia(db(), await getActor(), formString(formData, "mediaId"), env().MEDIA_DIR);
  if (result.ok) revalidatePath("/admin/media");
  return formStateOf(result, "media.deleted");
}
