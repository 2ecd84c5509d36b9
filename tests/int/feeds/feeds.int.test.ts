import { beforeAll, describe, expect, test, vi } from "vitest";
import type { DocNode } from "../../../src/domain/release/content";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { resetDb, testDb } from "../../support/db";
import { all, child, parseXml } from "../../support/xml";
import * as rssRoute from "../../../src/app/[locale]/feed.xml/route";
import * as atomRoute from "../../../src/app/[locale]/atom.xml/route";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// The feed injection of the second security review, end to end: a translator's summary with `]]>`
// several times and a forged <item>, published through the real workflow, read through the route
// handlers, parsed by a strict XML parser. Before the fix the RSS carried a second <item> linking to
// evil.example and the Atom feed was not well-formed.

const FORGED_ITEM =
  "</description></item><item><title>Forged</title><link>https://evil.example/phish</link><description><![CDATA[";
const HOSTILE_SUMMARY = `Summary ]]> and ]]> again ]]>${FORGED_ITEM} tail`;
const HOSTILE_TITLE = "Title ]]> <b>&amp;</b> \u0001 end";
const db = testDb();
const body = (text: string) =>
  JSON.stringify({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  } satisfies DocNode);

beforeAll(async () => {
  await resetDb();
  const editor = await db.user.create({
    data: { email: "feeds@test", displayName: "E", role: "EDITOR", passwordHash: "x" },
  });
  const actor = { id: editor.id, role: "EDITOR" as const };
  for (const [i, summary] of [HOSTILE_SUMMARY, "Plain summary"].entries()) {
    const created = await createRelease(
      db,
      actor,
      { title: `稿件${i}`, summary: "摘要 ]]> 摘要", slug: `feed-${i}`, body: body("正文") },
      { categoryId: null, releaseDate: null },
    );
    if (!created.ok) throw new Error(created.code);
    const en = {
      title: i === 0 ? HOSTILE_TITLE : "Plain",
      summary,
      slug: `feed-${i}`,
      body: body(`Body ]]> ${FORGED_ITEM}`),
    };
    let v = await saveContent(db, actor, created.value.id, "en", en, created.value.version);
    if (!v.ok) throw new Error(v.code);
    v = await runWorkflow(db, actor, created.value.id, { type: "markTranslated" }, v.value.version);
    if (!v.ok) throw new Error(v.code);
    v = await runWorkflow(
      db,
      actor,
      created.value.id,
      { type: "publish", at: new Date(Date.now() - 60_000 * (i + 1)) },
      v.value.version,
    );
    if (!v.ok) throw new Error(v.code);
  }
});

const params = (locale: string) => ({ params: Promise.resolve({ locale }) });

describe.each(["en", "zh"] as const)("%s feeds with hostile text", (locale) => {
  test("RSS: exactly the published items, only our links, text intact", async () => {
    const res = await rssRoute.GET(new Request(`http://127.0.0.1/${locale}/feed.xml`), params(locale));
    const doc = parseXml(await res.text());
    const items = all(doc, "item");
    expect(items).toHaveLength(2);
    for (const item of items)
      expect(child(item, "link")!.text).toMatch(new RegExp(`^https?://[^/]+/${locale}/news/feed-[01]$`));
    expect(all(doc, "link").every((l) => !l.text.includes("evil.example"))).toBe(true);
    if (locale === "en") {
      expect(child(items[0]!, "description")!.text).toBe(HOSTILE_SUMMARY);
      expect(child(items[0]!, "title")!.text).toBe("Title ]]> <b>&amp;</b>  end");
      expect(child(items[0]!, "content:encoded")!.text).toContain("&lt;/description&gt;");
    }
  });

  test("Atom: well-formed, exactly the published entries, only our links", async () => {
    const res = await atomRoute.GET(new Request(`http://127.0.0.1/${locale}/atom.xml`), params(locale));
    const doc = parseXml(await res.text());
    const entries = all(doc, "entry");
    expect(entries).toHaveLength(2);
    for (const e of entries) expect(child(e, "link")!.attrs.href).toMatch(new RegExp(`/${locale}/news/feed-[01]$`));
    if (locale === "en") expect(child(entries[0]!, "summary")!.text).toBe(HOSTILE_SUMMARY);
  });
});
