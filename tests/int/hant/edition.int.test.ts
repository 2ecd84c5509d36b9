// The Traditional Chinese edition on a real database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): generated from the Simplified original for the API, the feeds and search,
// with the editors' fixes, under the same embargo and withdraw rules. Releases go through the
// lifecycle functions, routes are called as Next calls them, XML is parsed strictly.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { textToDoc } from "../../../src/domain/release/content";
import { deleteHantOverride, saveHantOverride } from "../../../src/server/hant/overrides";
import { ensurePublicCounts } from "../../../src/server/releases/public-counts";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import type { Actor } from "../../../src/domain/auth/actor";
import { searchEdition } from "../../../src/server/search/edition";
import { resetDb, testDb } from "../../support/db";
import { all, child, parseXml } from "../../support/xml";
import * as listRoute from "../../../src/app/api/v1/releases/route";
import * as detailRoute from "../../../src/app/api/v1/releases/[id]/route";
import * as rssRoute from "../../../src/app/[locale]/feed.xml/route";
import * as atomRoute from "../../../src/app/[locale]/atom.xml/route";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

const db = testDb();
let editor: Actor;
const ids: Record<string, string> = {};
const ZH = { title: "国家知识产权局发布专利统计", summary: "头发与发展", body: "着力推进软件和信息服务业发展。" };
const HANT = { title: "國家知識產權局發佈專利統計", summary: "頭髮與發展", body: "着力推進軟件和信息服務業發展。" };

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(r.code);
  return r.value;
};
const input = (t: { title: string; summary: string; body: string }, slug: string) => ({
  ...t,
  slug,
  body: JSON.stringify(textToDoc(t.body)),
});

async function publish(name: string, zh: typeof ZH, at: Date) {
  const made = unwrap(await createRelease(db, editor, input(zh, name), { categoryId: null, releaseDate: null }));
  const en = { title: `English ${name}`, summary: "Summary", body: "Body text." };
  let version = unwrap(await saveContent(db, editor, made.id, "en", input(en, `${name}-en`), made.version)).version;
  version = unwrap(await runWorkflow(db, editor, made.id, { type: "markTranslated" }, version)).version;
  version = unwrap(await runWorkflow(db, editor, made.id, { type: "publish", at }, version)).version;
  ids[name] = made.id;
  return version;
}

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> }); // eslint-disable-line @typescript-eslint/no-explicit-any
const list = (query: string) => listRoute.GET(new Request(`http://127.0.0.1/api/v1/releases?${query}`)).then(json);
const detail = (id: string, locale: string) =>
  detailRoute
    .GET(new Request(`http://127.0.0.1/api/v1/releases/${id}?locale=${locale}`), { params: Promise.resolve({ id }) })
    .then(json);
const params = (locale: string) => ({ params: Promise.resolve({ locale }) });

let liveVersion = 0;
beforeAll(async () => {
  await resetDb();
  const user = await db.user.create({
    data: { email: "e@hant.test", displayName: "E", role: "EDITOR", passwordHash: "x" },
  });
  editor = { id: user.id, role: "EDITOR" };
  liveVersion = await publish("live", ZH, new Date(Date.now() - 60_000));
  await publish(
    "embargoed",
    { title: "禁发新闻", summary: "禁发", body: "尚未发布。" },
    new Date(Date.now() + 86_400_000),
  );
  await ensurePublicCounts(db);
});

describe("JSON API, locale=zh-Hant", () => {
  test("the list is the Chinese edition converted, linking every edition; nothing embargoed", async () => {
    const { status, body } = await list("locale=zh-Hant&limit=1");
    expect(status).toBe(200);
    expect(body.meta).toMatchObject({ locale: "zh-Hant", total: 1 });
    expect(body.data).toHaveLength(1);
    const item = body.data[0];
    expect(item).toMatchObject({ id: ids.live, locale: "zh-Hant", title: HANT.title, summary: HANT.summary });
    expect(item.url).toMatch(/\/zh-Hant\/news\/live$/);
    expect(item.urls.zh).toMatch(/\/zh\/news\/live$/);
    expect(item.urls["zh-Hant"]).toBe(item.url);
    expect(item.urls.en).toMatch(/\/en\/news\/live-en$/);
    expect(body.links.self).toContain("locale=zh-Hant");
  });

  test("the Simplified and English lists are unchanged, and name the Traditional URL too", async () => {
    const zh = (await list("locale=zh")).body.data[0];
    expect(zh).toMatchObject({ locale: "zh", title: ZH.title });
    expect(zh.urls["zh-Hant"]).toMatch(/\/zh-Hant\/news\/live$/);
    const en = (await list("locale=en")).body.data[0];
    expect(en.urls["zh-Hant"]).toMatch(/\/zh-Hant\/news\/live$/);
  });

  test("the detail converts the body; embargoed ids are 404 as in the other editions", async () => {
    const { status, body } = await detail(ids.live!, "zh-Hant");
    expect(status).toBe(200);
    expect(body.data.bodyHtml).toContain(HANT.body);
    expect(body.data.bodyHtml).not.toContain(ZH.body);
    expect((await detail(ids.embargoed!, "zh-Hant")).status).toBe(404);
    expect((await list("locale=zh-hant")).status).toBe(400);
  });
});

describe("feeds", () => {
  test("RSS: language zh-Hant, converted items linking the Traditional pages", async () => {
    const res = await rssRoute.GET(new Request("http://127.0.0.1/zh-Hant/feed.xml"), params("zh-Hant"));
    expect(res.status).toBe(200);
    const doc = parseXml(await res.text());
    expect(all(doc, "language")[0]!.text).toBe("zh-Hant");
    const items = all(doc, "item");
    expect(items).toHaveLength(1);
    expect(child(items[0]!, "title")!.text).toBe(HANT.title);
    expect(child(items[0]!, "link")!.text).toMatch(/\/zh-Hant\/news\/live$/);
    expect(child(items[0]!, "content:encoded")!.text).toContain(HANT.body);
  });

  test("Atom: well-formed, converted entries, self link on /zh-Hant/atom.xml", async () => {
    const res = await atomRoute.GET(new Request("http://127.0.0.1/zh-Hant/atom.xml"), params("zh-Hant"));
    const doc = parseXml(await res.text());
    const entries = all(doc, "entry");
    expect(entries).toHaveLength(1);
    expect(child(entries[0]!, "title")!.text).toBe(HANT.title);
    expect(all(doc, "link").some((l) => /\/zh-Hant\/atom\.xml$/.test(l.attrs.href ?? ""))).toBe(true);
  });
});

describe("search in either script", () => {
  const titleOf = (r: Awaited<ReturnType<typeof searchEdition>>) => r.items[0]?.title.map((s) => s.text).join("");

  test.each([
    ["zh-Hant", "知識產權", HANT.title],
    ["zh-Hant", "知识产权", HANT.title],
    ["zh", "知識產權", ZH.title],
    ["zh", "知识产权", ZH.title],
  ] as const)("on %s, %s finds the release, shown as %s", async (locale, q, title) => {
    const r = await searchEdition(db, q, { locale });
    expect(r.total).toBe(1);
    expect(titleOf(r)).toBe(title);
    expect(r.query).toBe(q);
    expect(r.items[0]!.title.some((s) => s.hit)).toBe(true);
  });

  test("embargoed text is not found in the Traditional edition either", async () => {
    expect((await searchEdition(db, "禁發", { locale: "zh-Hant" })).total).toBe(0);
  });
});

describe("the editors' fixes", () => {
  test("apply after OpenCC to the API and the feeds, and stop applying once deleted", async () => {
    const fix = unwrap(await saveHantOverride(db, editor, null, { wrong: "發佈", right: "發布", note: "" }));
    const fixed = HANT.title.replace("發佈", "發布");
    expect((await list("locale=zh-Hant")).body.data[0].title).toBe(fixed);
    const rss = await rssRoute.GET(new Request("http://127.0.0.1/zh-Hant/feed.xml"), params("zh-Hant"));
    expect(child(all(parseXml(await rss.text()), "item")[0]!, "title")!.text).toBe(fixed);
    expect((await list("locale=zh")).body.data[0].title).toBe(ZH.title);
    unwrap(await deleteHantOverride(db, editor, fix.id));
    expect((await list("locale=zh-Hant")).body.data[0].title).toBe(HANT.title);
  });

  test("one fix per phrase; translators may not add any", async () => {
    unwrap(await saveHantOverride(db, editor, null, { wrong: "頭髮", right: "頭發", note: "" }));
    expect(await saveHantOverride(db, editor, null, { wrong: "頭髮", right: "x", note: "" })).toEqual({
      ok: false,
      code: "hant_override_taken",
    });
    const translator = { id: editor.id, role: "TRANSLATOR" as const };
    expect(await saveHantOverride(db, translator, null, { wrong: "統計", right: "x", note: "" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await db.hantOverride.count({ where: { wrong: "統計" } })).toBe(0);
  });
});

test("withdrawing removes the Traditional edition with the others", async () => {
  unwrap(await runWorkflow(db, editor, ids.live!, { type: "withdraw" }, liveVersion));
  expect((await detail(ids.live!, "zh-Hant")).status).toBe(404);
  expect((await list("locale=zh-Hant")).body.data).toEqual([]);
  expect((await searchEdition(db, "知識產權", { locale: "zh-Hant" })).total).toBe(0);
});
