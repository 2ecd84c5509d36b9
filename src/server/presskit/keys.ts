import "server-only";
import { EXTENSION, type AcceptedMime } from "@/domain/media/sniff";
import { variantFile, variantWidths } from "@/domain/media/urls";
import { DOCUMENT_TYPES, type DocumentMime } from "@/domain/presskit/sniff-document";
import { isKitId } from "@/domain/presskit/kit";

// Where a press-kit file's bytes live in the media store: "kit/<2 id chars>/<id>/<file>". The id is
// ours (random hex); file names in keys are ours too, never the uploaded name.

export const kitStorageKey = (id: string) => {
  if (!isKitId(id)) throw new Error("invalid press kit id");
  return `kit/${id.slice(0, 2)}/${id}`;
};

/** The stored file a download serves: a document's bytes or a photo's (stripped) original. */
export function mainFile(kind: string, mime: string): string {
  if (kind === "photo") return `original.${EXTENSION[mime as AcceptedMime] ?? "bin"}`;
  return `document.${DOCUMENT_TYPES[mime as DocumentMime] ?? "bin"}`;
}

/** Every file of an item: the main one and, for photos, the WebP variants narrower than it. */
export function kitFiles(row: { kind: string; mime: string; width: number }): string[] {
  const variants = row.kind === "photo" ? variantWidths(row.width).map(variantFile) : [];
  return [mainFile(row.kind, row.mime), ...variants];
}
