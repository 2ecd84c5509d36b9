import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import { EXTENSION } from "@/domain/media/sniff";
import { sniffImage } from "@/domain/media/sniff";
import { safeFileName } from "@/domain/presskit/file-name";
import { DOCUMENT_MAX_BYTES, MAX_KIT_FILES, PHOTO_MAX_BYTES, kitTextSchema, type KitKind } from "@/domain/presskit/kit";
import { DOCUMENT_TYPES, sniffDocument } from "@/domain/presskit/sniff-document";
import { fail, ok, type Result } from "@/domain/result";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { putMediaFiles, removeMediaFiles, type MediaFile } from "../media/files";
import { processImage } from "../media/process";
import type { MediaStore } from "../media/store";
import { sha256Hex } from "../media/store/verify";
import { kitStorageKey, mainFile } from "./keys";

// Adding a file to a release's press kit: who are you → validate → may you → sniff the bytes →
// (photos) decode, strip metadata, make variants → store → one row. Errors are codes.

export interface KitUpload {
  kind: KitKind;
  bytes: Buffer;
  /** the name the browser sent: only kept, made safe, for the download */
  name: string;
  texts: Record<string, unknown>;
}

type Prepared = { mime: string; width: number; height: number; files: MediaFile[] };

async function prepare(upload: KitUpload): Promise<Result<Prepared>> {
  if (upload.kind === "document") {
    if (upload.bytes.length > DOCUMENT_MAX_BYTES) return fail("kit_too_large");
    const mime = sniffDocument(upload.bytes);
    if (!mime) return fail("kit_type_not_allowed");
    const file = { file: mainFile("document", mime), data: upload.bytes, contentType: mime };
    return ok({ mime, width: 0, height: 0, files: [file] });
  }
  if (upload.bytes.length > PHOTO_MAX_BYTES) return fail("kit_too_large");
  const sniffed = sniffImage(upload.bytes);
  if (sniffed.kind !== "accepted") return fail("kit_photo_type");
  const processed = await processImage(upload.bytes, sniffed.mime);
  if (!processed.ok) return fail(processed.code);
  const original = { file: mainFile("photo", sniffed.mime), data: processed.original, contentType: sniffed.mime };
  const variants = processed.variants.map((v) => ({ ...v, contentType: "image/webp" }));
  return ok({ mime: sniffed.mime, width: processed.width, height: processed.height, files: [original, ...variants] });
}

const extensionOf = (kind: KitKind, mime: string) =>
  kind === "photo" ? EXTENSION[mime as keyof typeof EXTENSION] : DOCUMENT_TYPES[mime as keyof typeof DOCUMENT_TYPES];

export async function uploadKitFile(
  db: Db,
  actor: Actor | null,
  releaseId: string,
  upload: KitUpload,
  store: MediaStore,
): Promise<Result<{ id: string }> & { fieldErrors?: Record<string, string> }> {
  if (!actor || !can(actor.role, "presskit.write")) return fail("forbidden");
  const texts = kitTextSchema.safeParse(upload.texts);
  if (!texts.success) {
    return {
      ...fail("invalid_input"),
      fieldErrors: Object.fromEntries(texts.error.issues.map((i) => [String(i.path[0]), i.message])),
    };
  }
  const where = { releaseId, kind: upload.kind, removedAt: null };
  if (!(await db.release.findUnique({ where: { id: releaseId }, select: { id: true } }))) return fail("not_found");
  if ((await db.releaseFile.count({ where })) >= MAX_KIT_FILES) return fail("kit_too_many");
  const prepared = await prepare(upload);
  if (!prepared.ok) return prepared;
  const { mime, width, height, files } = prepared.value;
  const id = randomBytes(12).toString("hex");
  const storageKey = kitStorageKey(id);
  const stored = await putMediaFiles(store, storageKey, files);
  if (!stored.ok) return fail(stored.code);
  const main = files[0]!.data;
  try {
    await db.$transaction(async (tx) => {
      const last = await tx.releaseFile.aggregate({
        where: { releaseId, kind: upload.kind },
        _max: { position: true },
      });
      await tx.releaseFile.create({
        data: {
          ...{ id, releaseId, kind: upload.kind, storageKey, mime, width, height, ...texts.data },
          position: (last._max.position ?? 0) + 1,
          fileName: safeFileName(upload.name, extensionOf(upload.kind, mime)),
          bytes: main.length,
          sha256: sha256Hex(main),
          uploaderId: actor.id,
        },
      });
      const detail = { kind: upload.kind, mime, bytes: main.length };
      await recordAudit(tx, { actorId: actor.id, action: "presskit.added", releaseId, targetId: id, detail });
    });
  } catch (error) {
    await removeMediaFiles(
      store,
      storageKey,
      files.map((f) => f.file),
    );
    throw error;
  }
  return ok({ id });
}
