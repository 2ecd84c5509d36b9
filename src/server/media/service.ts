import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import type { Result } from "@/domain/result";
import { altSchema, type ClientMedia } from "@/domain/media/schemas";
import { sniffImage } from "@/domain/media/sniff";
import { MAX_UPLOAD_BYTES, isMediaId, originalFile } from "@/domain/media/urls";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { processImage } from "./process";
import { isMediaUsed } from "./references";
import { removeMediaFiles, storageKeyOf, writeMediaFiles } from "./storage";

// Uploading and deleting media: who are you → validate → may you → do it. Errors are codes.

export type MediaErrorCode =
  | "forbidden"
  | "invalid_input"
  | "media_not_found"
  | "media_too_large"
  | "media_not_image"
  | "media_unsupported_type"
  | "media_corrupt"
  | "media_too_many_pixels"
  | "media_in_use";

export type MediaResult<T> = Result<T, MediaErrorCode> & { fieldErrors?: Record<string, string> };

export interface UploadInput {
  bytes: Buffer;
  altZh: unknown;
  altEn: unknown;
}

export interface StoredMedia extends ClientMedia {
  createdAt: Date;
}

const fail = <T>(code: MediaErrorCode, fieldErrors?: Record<string, string>): MediaResult<T> =>
  fieldErrors ? { ok: false, code, fieldErrors } : { ok: false, code };

export async function uploadMedia(
  db: Db,
  actor: Actor | null,
  input: UploadInput,
  dir: string,
): Promise<MediaResult<StoredMedia>> {
  if (!actor || !can(actor.role, "media.upload")) return fail("forbidden");
  const alt = altSchema.safeParse({ altZh: input.altZh ?? "", altEn: input.altEn ?? "" });
  if (!alt.success) {
    const fieldErrors = Object.fromEntries(alt.error.issues.map((i) => [String(i.path[0]), i.message]));
    return fail("invalid_input", fieldErrors);
  }
  if (input.bytes.length > MAX_UPLOAD_BYTES) return fail("media_too_large");
  const sniffed = sniffImage(input.bytes);
  if (sniffed.kind === "unsupported") return fail("media_unsupported_type");
  if (sniffed.kind === "not_image") return fail("media_not_image");
  const processed = await processImage(input.bytes, sniffed.mime);
  if (!processed.ok) return fail(processed.code);

  const id = randomBytes(12).toString("hex");
  await writeMediaFiles(dir, id, [{ file: originalFile(sniffed.mime), data: input.bytes }, ...processed.variants]);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.media.create({
        data: {
          id,
          storageKey: storageKeyOf(id),
          mime: sniffed.mime,
          bytes: input.bytes.length,
          width: processed.width,
          height: processed.height,
          sha256: createHash("sha256").update(input.bytes).digest("hex"),
          altZh: alt.data.altZh,
          altEn: alt.data.altEn,
          uploaderId: actor.id,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "media.uploaded",
        targetId: id,
        detail: { mime: sniffed.mime, bytes: input.bytes.length },
      });
      return created;
    });
    return { ok: true, value: row };
  } catch (error) {
    await removeMediaFiles(dir, id);
    throw error;
  }
}

/** Deletes media referenced by no working copy and no snapshot; used media is refused. */
export async function deleteMedia(db: Db, actor: Actor | null, id: string, dir: string): Promise<MediaResult<null>> {
  if (!actor || !can(actor.role, "media.upload")) return fail("forbidden");
  if (!isMediaId(id)) return fail("media_not_found");
  const outcome = await db.$transaction(async (tx) => {
    const row = await tx.media.findUnique({ where: { id }, select: { id: true } });
    if (!row) return "media_not_found" as const;
    if (await isMediaUsed(tx, id)) return "media_in_use" as const;
    await tx.media.delete({ where: { id } });
    await recordAudit(tx, { actorId: actor.id, action: "media.deleted", targetId: id });
    return null;
  });
  if (outcome) return fail(outcome);
  await removeMediaFiles(dir, id);
  return { ok: true, value: null };
}
