import { beforeAll, expect, test, vi } from "vitest";
import { textToDoc } from "../../../src/domain/release/content";
import { contactSchema } from "../../../src/domain/contacts/contact";
import { deleteContact, saveContact, setReleaseContact } from "../../../src/server/contacts/store";
import { createRelease, runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { resetDb, testDb } from "../../support/db";
import * as detailRoute from "../../../src/app/api/v1/releases/[id]/route";

vi.mock("next/headers", async () => (await import("../../support/next-request")).nextHeadersMock());
vi.mock("next/cache", async () => (await import("../../support/next-request")).nextCacheMock());

// Press contacts (docs/PRESS-KIT.md): a release names contacts; publishing copies them into the live
// snapshot, so a published page (and the API) keeps them until the release is published again.

const db = testDb();
let actor: { id: string; role: "EDITOR" };
const content = (title: string, slug: string) => ({
  title,
  summary: `${title} summary`,
  slug,
  body: JSON.stringify(textToDoc(`${title} body`)),
});
const contact = (name: string) =>
  contactSchema.parse({
    nameZh: `${name}中文`,
    nameEn: name,
    titleZh: "发言人",
    titleEn: "Spokesperson",
    phone: "+86 10 1234 5678",
    email: "press@example.com",
  });

async function apiContacts(releaseId: string, locale: "zh" | "en") {
  const url = `http://localhost/api/v1/releases/${releaseId}?locale=${locale}`;
  const res = await detailRoute.GET(new Request(url), { params: Promise.resolve({ id: releaseId }) });
  if (res.status !== 200) return res.status;
  return ((await res.json()) as { data: { contacts: { name: string }[] } }).data.contacts.map((c) => c.name);
}

async function published(slug: string) {
  const created = await createRelease(db, actor, content("稿件", slug), { categoryId: null, releaseDate: null });
  if (!created.ok) throw new Error(created.code);
  const id = created.value.id;
  let v = await saveContent(db, actor, id, "en", content("Release", slug), created.value.version);
  if (!v.ok) throw new Error(v.code);
  v = await runWorkflow(db, actor, id, { type: "markTranslated" }, v.value.version);
  if (!v.ok) throw new Error(v.code);
  return { id, version: v.value.version };
}

beforeAll(async () => {
  await resetDb();
  const user = await db.user.create({ data: { email: "c@test", displayName: "E", role: "EDITOR", passwordHash: "x" } });
  actor = { id: user.id, role: "EDITOR" };
});

test("the live page shows the contacts as they were when published, until published again", async () => {
  const a = await saveContact(db, actor, null, contact("Alice"));
  const b = await saveContact(db, actor, null, contact("Bob"));
  if (!a.ok || !b.ok) throw new Error("contacts");
  const r = await published("contacts-snapshot");
  expect(await setReleaseContact(db, actor, r.id, a.value.id, true)).toEqual({ ok: true, value: null });
  expect(await setReleaseContact(db, actor, r.id, b.value.id, true)).toEqual({ ok: true, value: null });
  const pub = await runWorkflow(db, actor, r.id, { type: "publish" }, r.version);
  if (!pub.ok) throw new Error(pub.code);
  expect(await apiContacts(r.id, "en")).toEqual(["Alice", "Bob"]);
  expect(await apiContacts(r.id, "zh")).toEqual(["Alice中文", "Bob中文"]);

  // Renamed, removed from the release, deleted from the book: the live page does not move.
  await saveContact(db, actor, a.value.id, contact("Alicia"));
  await setReleaseContact(db, actor, r.id, b.value.id, false);
  expect(await apiContacts(r.id, "en")).toEqual(["Alice", "Bob"]);
  await deleteContact(db, actor, b.value.id);
  expect(await apiContacts(r.id, "en")).toEqual(["Alice", "Bob"]);

  const again = await runWorkflow(db, actor, r.id, { type: "publish" }, pub.value.version);
  if (!again.ok) throw new Error(again.code);
  expect(await apiContacts(r.id, "en")).toEqual(["Alicia"]);

  const withdrawn = await runWorkflow(db, actor, r.id, { type: "withdraw" }, again.value.version);
  expect(withdrawn.ok).toBe(true);
  expect(await apiContacts(r.id, "en")).toBe(404);
});

test("naming is bounded, idempotent and refuses unknown contacts and releases", async () => {
  const r = await published("contacts-bounds");
  const ids: string[] = [];
  for (let i = 0; i < 11; i++) {
    const c = await saveContact(db, actor, null, contact(`P${i}`));
    if (!c.ok) throw new Error(c.code);
    ids.push(c.value.id);
  }
  for (const id of ids.slice(0, 10)) expect((await setReleaseContact(db, actor, r.id, id, true)).ok).toBe(true);
  expect(await setReleaseContact(db, actor, r.id, ids[0]!, true)).toEqual({ ok: true, value: null });
  expect(await setReleaseContact(db, actor, r.id, ids[10]!, true)).toMatchObject({ code: "contacts_too_many" });
  expect(await setReleaseContact(db, actor, r.id, "nope", true)).toMatchObject({ code: "contact_not_found" });
  expect(await setReleaseContact(db, actor, "nope", ids[10]!, true)).toMatchObject({ code: "not_found" });
  expect(await setReleaseContact(db, actor, r.id, ids[10]!, false)).toMatchObject({ code: "contact_not_found" });
  expect(await db.releaseContact.count({ where: { releaseId: r.id } })).toBe(10);
  const translator = { id: actor.id, role: "TRANSLATOR" as const };
  expect(await setReleaseContact(db, translator, r.id, ids[0]!, false)).toMatchObject({ code: "forbidden" });
  expect(await saveContact(db, translator, null, contact("T"))).toMatchObject({ code: "forbidden" });
});
