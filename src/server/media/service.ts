import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/domain/auth/actor";
import { can, canDeleteMedia } from "@/domain/auth/permissions";
import type { Result } from "@/domain/result";
import { altSchema, type ClientMedia } from "@/domain/media/schemas";
import { sniffImage } from "@/domain/media/sniff";
import { MAX_UPLOAD_BYTES, isMediaId, mediaFiles, originalFile } from "@/domain/media/urls";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { putMediaFiles, removeMediaFiles, storageKeyOf, type StorageCode } from "./files";
import { processImage } from "./process";
import { isMediaUsed } from "./references";
import type { MediaStore } from "./store";
import { sha256Hex } from "./store/verify";

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
  | "media_in_use"
  | StorageCode;

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
  store: MediaStore,
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
  const storageKey = storageKeyOf(id);
  const original = { file: originalFile(sniffed.mime), data: processed.original, contentType: sniffed.mime };
  const variants = processed.variants.map((v) => ({ ...v, contentType: "image/webp" }));
  const stored = await putMediaFiles(store, storageKey, [original, ...variants]);
  if (!stored.ok) return fail(stored.code);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.media.create({
        data: {
          id,
          storageKey,
          mime: sniffed.mime,
          bytes: original.data.length,
          width: processed.width,
          height: processed.height,
          sha256: sha256Hex(original.data),
          altZh: alt.data.altZh,
          altEn: alt.data.altEn,
          uploaderId: actor.id,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "media.uploaded",
        targetId: id,
        detail: { mime: sniffed.mime, bytes: original.data.length, uploadedBytes: input.bytes.length },
      });
      return created;
    });
    return { ok: true, value: row };
  } catch (error) {
    await removeMediaFiles(
      store,
      storageKey,
      [original, ...variants].map((f) => f.file),
    );
    throw error;
  }
}

const isForeignKeyViolation = (e: unknown) => (e as { code?: string })?.code === "P2003";

/**
 * Deletes media no working copy, revision or publication shows; used media is refused. Who may:
 * canDeleteMedia (editors and administrators any, translators their own).
 */
export async function deleteMedia(
  db: Db,
  actor: Actor | null,
  id: string,
  store: MediaStore,
): Promise<MediaResult<null>> {
  if (!actor || !can(actor.role, "media.deleteOwn")) return fail("forbidden");
  if (!isMediaId(id)) return fail("media_not_found");
  let outcome;
  try {
    outcome = await db.$transaction(async (tx) => {
      const row = await tx.media.findUnique({ where: { id } });
      if (!row) return "media_not_found" as const;
      if (!canDeleteMedia(actor, row)) return "forbidden" as const;
      if (await isMediaUsed(tx, id)) return "media_in_use" as const;
      await tx.media.delete({ where: { id } });
      await recordAudit(tx, { actorId: actor.id, action: "media.deleted", targetId: id });
      return row;
    });
  } catch (error) {
    // A save that started to show the image while we deleted it: the use tables' foreign keys win.
    if (isForeignKeyViolation(error)) return fail("media_in_use");
    throw error;
  }
  if (typeof outcome === "string") return fail(outcome);
  await removeMediaFiles(store, outcome.storageKey, mediaFiles(outcome.mime, outcome.width));
  return { ok: true, value: null };
}
