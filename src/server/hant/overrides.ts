import "server-only";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import type { HantOverrideInput } from "@/domain/hant/overrides";
import { fail, ok, type Result } from "@/domain/result";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";

// The editors' fixes of the Traditional edition (a small table: a few hundred rows at most, read
// whole). Every change is audited; the caller purges the public cache (every zh-Hant text may change).

export interface HantOverrideRow extends HantOverrideInput {
  id: string;
  updatedAt: Date;
}

/** The whole table, for the admin page (the public edition reads it through edition.ts). */
export async function listHantOverrides(db: Db): Promise<HantOverrideRow[]> {
  return db.hantOverride.findMany({
    select: { id: true, wrong: true, right: true, note: true, updatedAt: true },
    orderBy: { wrong: "asc" },
    take: 5_000,
  });
}

/** Creates a fix (id null) or replaces one; one fix per phrase. */
export async function saveHantOverride(
  db: Db,
  actor: Actor | null,
  id: string | null,
  input: HantOverrideInput,
): Promise<Result<{ id: string }>> {
  if (!actor || !can(actor.role, "hant.manage")) return fail("forbidden");
  const clash = await db.hantOverride.findUnique({ where: { wrong: input.wrong }, select: { id: true } });
  if (clash && clash.id !== id) return fail("hant_override_taken");
  if (id && !(await db.hantOverride.findUnique({ where: { id }, select: { id: true } })))
    return fail("hant_override_not_found");
  const saved = await db.$transaction(async (tx) => {
    const row = id
      ? await tx.hantOverride.update({ where: { id }, data: input })
      : await tx.hantOverride.create({ data: input });
    await recordAudit(tx, {
      actorId: actor.id,
      action: id ? "hant.override_updated" : "hant.override_created",
      targetId: row.id,
      detail: { wrong: row.wrong, right: row.right },
    });
    return row;
  });
  return ok({ id: saved.id });
}

export async function deleteHantOverride(db: Db, actor: Actor | null, id: string): Promise<Result<null>> {
  if (!actor || !can(actor.role, "hant.manage")) return fail("forbidden");
  const row = await db.hantOverride.findUnique({ where: { id } });
  if (!row) return fail("hant_override_not_found");
  await db.$transaction(async (tx) => {
    await tx.hantOverride.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "hant.override_deleted",
      targetId: id,
      detail: { wrong: row.wrong, right: row.right },
    });
  });
  return ok(null);
}
