import "server-only";
import type { Db } from "../db/client";

// The demo's press contacts (docs/PRESS-KIT.md): the published sample release names both, so the
// public page, the API and the e2e checks (HTML validity, axe) see them.

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
