import "server-only";
import { Readable } from "node:stream";
import yazl from "yazl";
import type { XliffVersion } from "@/domain/xliff/codes";
import type { Db } from "../db/client";
import { releaseXliff } from "./export";

// Every release that needs English (a draft, or published with the Chinese changed since its
// translation) as one XLIFF file each in a zip, streamed: releases are read a page at a time and
// the next page waits while the reader has not taken what is already zipped.

const PAGE = 50;
const HIGH_WATER = 1024 * 1024;

/** Ids of releases needing English after `after`, in id order (keyset pages). */
async function needingEnglish(db: Db, after: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "Release" r
    JOIN "ReleaseContent" zh ON zh."releaseId" = r."id" AND zh."locale" = 'zh'
    LEFT JOIN "ReleaseContent" en ON en."releaseId" = r."id" AND en."locale" = 'en'
    WHERE r."id" > ${after}
      AND (r."status" = 'DRAFT' OR en."sourceFingerprint" IS NULL OR en."sourceFingerprint" <> zh."fingerprint")
    ORDER BY r."id" LIMIT ${PAGE}`;
  return rows.map((r) => r.id);
}

const roomIn = (stream: Readable) =>
  new Promise<void>((resolve) => {
    const check = () => (stream.readableLength < HIGH_WATER || stream.destroyed ? resolve() : setTimeout(check, 20));
    check();
  });

export function bulkXliffZip(db: Db, version: XliffVersion): ReadableStream<Uint8Array> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  void (async () => {
    try {
      let after = "";
      for (;;) {
        const ids = await needingEnglish(db, after);
        if (ids.length === 0) break;
        for (const id of ids) {
          const file = await releaseXliff(db, id, version);
          if (file) zip.addBuffer(Buffer.from(file.xml, "utf8"), file.filename, { mtime: new Date() });
        }
        after = ids.at(-1)!;
        await roomIn(output);
        if (output.destroyed) return;
      }
      zip.end();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
