import "server-only";
import sharp from "sharp";
import type { Db } from "../db/client";
import { env } from "../env";
import { storeFor } from "../media/store";
import { uploadKitFile } from "../presskit/upload";
import type { Actor } from "../releases/transaction";

// The demo's press contacts and press kit (docs/PRESS-KIT.md): the published sample release names
// both contacts and has a PDF annex and a photo, so the public page, the API and the e2e checks
// (HTML validity, axe) see them.

export const DEMO_CONTACTS = [
  {
    nameZh: "新闻宣传处",
    nameEn: "Press and Publicity Division",
    titleZh: "办公室",
    titleEn: "General Office",
    phone: "+86 10 6208 3114",
    email: "press@example.com",
  },
  {
    nameZh: "王晓明",
    nameEn: "Wang Xiaoming",
    titleZh: "新闻发言人",
    titleEn: "Spokesperson",
    phone: "+86 10 6208 3000 ext. 12",
    email: "",
  },
];

export async function seedDemoContacts(db: Db): Promise<string[]> {
  const ids: string[] = [];
  for (const data of DEMO_CONTACTS) ids.push((await db.pressContact.create({ data, select: { id: true } })).id);
  return ids;
}

/** A small, valid one-page PDF saying `text` (ASCII), built byte-exact with its cross-reference table. */
export function demoPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** The sample release's press kit: an annex and a photo, through the same upload as the admin. */
export async function seedDemoKit(db: Db, editor: Actor, releaseId: string): Promise<void> {
  const store = storeFor(env(), () => db);
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#1f5f8b" } })
    .jpeg({ quality: 80 })
    .toBuffer();
  const uploads = [
    {
      kind: "document" as const,
      bytes: demoPdf("Annex: figures 2019"),
      name: "附件：2019年数据.pdf",
      texts: { titleZh: "附件：2019年主要数据", titleEn: "Annex: key figures for 2019", creditZh: "", creditEn: "" },
    },
    {
      kind: "photo" as const,
      bytes: photo,
      name: "press-conference.jpg",
      texts: {
        titleZh: "新闻发布会现场",
        titleEn: "At the press conference",
        creditZh: "摄影：新闻宣传处",
        creditEn: "Photo: Press and Publicity Division",
      },
    },
  ];
  for (const upload of uploads) {
    const added = await uploadKitFile(db, editor, releaseId, upload, store);
    if (!added.ok) throw new Error(`demo seed: press kit upload failed with ${added.code}`);
  }
}
