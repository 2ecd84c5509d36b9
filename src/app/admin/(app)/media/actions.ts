"use server";
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/components/admin/form-state";
import { getCurrentUser } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { deleteMedia } from "@/server/media/service";

// Media library actions: who are you → the service checks "may you" and "is it unused" → do it.

export async function deleteMediaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  const actor = user ? { id: user.id, role: user.role } : null;
  const result = await deleteMedia(db(), actor, formString(formData, "mediaId"), env().MEDIA_DIR);
  if (!result.ok) return { error: result.code };
  revalidatePath("/admin/media");
  return { ok: true, message: "media.deleted" };
}
