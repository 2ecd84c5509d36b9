"use server";
import { z } from "zod";
import type { Problem } from "@/domain/check/check";
import { can } from "@/domain/auth/permissions";
import { fail, ok, type Result } from "@/domain/result";
import { getActor } from "../auth/current";
import { db } from "../db";
import { checkRelease } from "./translation-check";

// Ids are cuids: letters, digits, - and _ (anything else, lone surrogates included, never reaches the database).
const idSchema = z.string().regex(/^[\w-]{1,64}$/);

/** The check's findings for the confirmation step of "Mark as translated"; changes nothing. */
export async function checkTranslationAction(
  releaseId: unknown,
): Promise<Result<{ problems: Problem[]; blocking: boolean }>> {
  const actor = await getActor();
  if (!actor || !can(actor.role, "release.markTranslated")) return fail("forbidden");
  const id = idSchema.safeParse(releaseId);
  if (!id.success) return fail("invalid_input");
  const result = await checkRelease(db(), id.data);
  return result ? ok(result) : fail("not_found");
}
