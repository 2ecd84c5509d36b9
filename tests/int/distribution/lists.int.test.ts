import { beforeEach, describe, expect, test } from "vitest";
import { openEmbargoed, revokeGrant, sendEmbargoLinks } from "../../../src/server/distribution/embargo";
import { importJournalists, parseJournalistCsv } from "../../../src/server/distribution/journalists";
import { recipientCount } from "../../../src/server/distribution/queries";
import { localTransport } from "../../../src/server/distribution/transport";
import { createWorker } from "../../../src/server/distribution/worker";
import { resetDb, testDb } from "../../support/db";
import { confirmedSubscriber, journalistList, publish, readyRelease, staff } from "./fixtures";

const db = testDb();
let editor: Awaited<ReturnType<typeof staff>>;
beforeEach(async () => {
  await resetDb();
  editor = await staff(db);
});

describe("CSV import", () => {
  test("good rows are added or updated; bad ones reported with their line and reason", async () => {
    const list = await journalistList(db, "Press", [{ email: "known@example.org", name: "Old name", language: "zh" }]);
    const csv = [
      "\uFEFFName,Email,Organisation,Language",
      "王小明,wang@example.org,新华社,中文",
      "Known,KNOWN@example.org,Daily,English",
      "No email,not-an-email,X,en",
      ",nameless@example.org,X,en",
      "French,fr@example.org,X,français",
      "王小明,wang@example.org,新华社,双语",
      '"Quote, Comma",q@example.org,"A ""B""",both',
    ].join("\r\n");
    const result = await importJournalists(db, editor, list.id, csv);
    expect(result).toMatchObject({ ok: true, value: { added: 2, updated: 1, rejectedTotal: 4 } });
    if (!result.ok) return;
    expect(result.value.rejected).toEqual([
      { line: 4, reason: "email_invalid", email: "not-an-email" },
      { line: 5, reason: "name_required", email: "nameless@example.org" },
      { line: 6, reason: "language_invalid", email: "fr@example.org" },
      { line: 7, reason: "duplicate", email: "wang@example.org" },
    ]);
    const rows = await db.journalist.findMany({ where: { listId: list.id }, orderBy: { email: "asc" } });
    expect(rows.map((r) => [r.email, r.name, r.organisation, r.language])).toEqual([
      ["known@example.org", "Known", "Daily", "en"],
      ["q@example.org", "Quote, Comma", 'A "B"', "both"],
      ["wang@example.org", "王小明", "新华社", "zh"],
    ]);
  });

  test("a file without the needed columns is refused as a whole; a translator may not import", async () => {
    const list = await journalistList(db, "Press", []);
    expect(await importJournalists(db, editor, list.id, "foo,bar\n1,2\n")).toMatchObject({
      ok: false,
      code: "csv_invalid",
    });
    expect(
      await importJournalists(
        db,
        { ...editor, role: "TRANSLATOR" } as never,
        list.id,
        "name,email,language\nA,a@x.org,zh",
      ),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(parseJournalistCsv("name,email,language\n").rows).toEqual([]);
    expect(await db.journalist.count()).toBe(0);
  });
});

test("the publish confirmation counts distinct addresses, without suppressed ones or those already mailed", async () => {
  const category = await db.category.create({ data: { slug: "c", nameZh: "甲", nameEn: "C" } });
  await confirmedSubscriber(db, "all@example.org", "zh");
  await confirmedSubscriber(db, "cat@example.org", "en", [category.id]);
  await confirmedSubscriber(db, "othercat@example.org", "en", [
    (await db.category.create({ data: { slug: "d", nameZh: "乙", nameEn: "D" } })).id,
  ]);
  await confirmedSubscriber(db, "bounced@example.org", "en");
  await db.suppression.create({ data: { email: "bounced@example.org", reason: "bounce" } });
  const list = await journalistList(db, "Press", [
    { email: "all@example.org", name: "Both", language: "en" },
    { email: "j@example.org", name: "J", language: "zh" },
  ]);
  const release = await readyRelease(db, editor, { zh: "计数", en: "Count" }, category.id);
  const choice = { subscribers: true, listIds: [list.id], resend: false };
  expect(await recipientCount(db, release.id, choice)).toBe(3); // all, cat, j
  expect(await recipientCount(db, release.id, { ...choice, subscribers: false })).toBe(2);
  await publish(db, editor, release, choice);
  await createWorker({ db, transport: localTransport(db) }).drain();
  expect(await db.localMail.count()).toBe(3);
  expect(await recipientCount(db, release.id, choice)).toBe(0);
  expect(await recipientCount(db, release.id, { ...choice, resend: true })).toBe(3);
});

describe("embargoed early access", () => {
  test("the private link works before the embargo, is logged, revocable, and leads to the article after", async () => {
    const list = await journalistList(db, "Press", [
      { email: "a@example.org", name: "A", language: "en" },
      { email: "b@example.org", name: "B", language: "zh" },
    ]);
    const release = await readyRelease(db, editor, { zh: "禁发", en: "Embargoed" });
    const at = new Date(Date.now() + 3600_000);
    expect(await sendEmbargoLinks(db, editor, release.id, [list.id])).toMatchObject({
      ok: false,
      code: "not_published",
    });
    await publish(db, editor, release, { subscribers: false, listIds: [], resend: false }, at);
    expect((await sendEmbargoLinks(db, editor, release.id, [list.id])).ok).toBe(true);
    await createWorker({ db, transport: localTransport(db) }).drain();

    const mails = await db.localMail.findMany({ orderBy: { recipient: "asc" } });
    expect(mails.map((m) => m.recipient)).toEqual(["a@example.org", "b@example.org"]);
    expect(mails[0]!.text).toMatch(/EMBARGOED until/);
    const token = /\/en\/embargoed\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.text)![1]!;
    expect(mails[0]!.text).not.toContain(`/en/news/${release.slug}`); // only the private link before the embargo

    const visitor = { ip: "198.51.100.1", userAgent: "test" };
    const open = await openEmbargoed(db, token, "en", visitor);
    expect(open).toMatchObject({ kind: "early", title: "Embargoed", until: at });
    expect(
      await openEmbargoed(
        db,
        token.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        "en",
        visitor,
      ),
    ).toEqual({ kind: "none" });
    expect(await db.embargoAccess.count()).toBe(1);
    expect(await db.embargoGrant.findFirst({ where: { tokenHash: token } })).toBeNull(); // stored hashed

    expect(await openEmbargoed(db, token, "en", visitor, new Date(at.getTime() + 1000))).toEqual({
      kind: "public",
      href: `/en/news/${release.slug}`,
    });
    const grant = await db.embargoGrant.findUniqueOrThrow({
      where: { releaseId_email: { releaseId: release.id, email: "a@example.org" } },
    });
    expect((await revokeGrant(db, editor, grant.id)).ok).toBe(true);
    expect(await openEmbargoed(db, token, "en", visitor)).toEqual({ kind: "none" });
  });
});
