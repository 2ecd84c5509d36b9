import { beforeEach, describe, expect, test } from "vitest";
import { listMyAssignments, listOverdue } from "../../../src/server/assignments/queries";
import { assignTranslation, unassignTranslation } from "../../../src/server/assignments/service";
import { registerNotificationChannel, type OutgoingNotification } from "../../../src/server/notifications/notify";
import { listNotifications, unreadCount } from "../../../src/server/notifications/queries";
import { runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { resetDb, testDb } from "../../support/db";
import { input, release, staff } from "../../support/workbench";

const db = testDb();
let who: Awaited<ReturnType<typeof staff>>;
const HOUR = 3600_000;
const ZH = { title: "座谈会", summary: "摘要", paragraphs: ["第一段。"] };
const EN = { title: "Symposium", summary: "Summary", paragraphs: ["Paragraph one."] };

beforeEach(async () => {
  await resetDb();
  who = await staff(db);
});

const kinds = async (userId: string) => (await listNotifications(db, userId)).items.map((n) => n.kind);

describe("assignments", () => {
  test("editors assign with a due time, the translator is told; translators may not assign", async () => {
    const r = await release(db, who, ZH, null, "draft");
    const due = new Date(Date.now() + 72 * HOUR);
    expect(
      await assignTranslation(db, who.translator, {
        releaseId: r.id,
        assigneeId: who.translator.id,
        dueAt: due,
        note: "",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      (
        await assignTranslation(db, who.editor, {
          releaseId: r.id,
          assigneeId: who.translator.id,
          dueAt: due,
          note: "急",
        })
      ).ok,
    ).toBe(true);
    expect(await kinds(who.translator.id)).toEqual(["assigned"]);
    const n = (await listNotifications(db, who.translator.id)).items[0]!;
    expect(n.data).toEqual({ title: "座谈会", dueAt: due.toISOString() });
    expect(await unreadCount(db, who.translator.id)).toBe(1);
    expect(await unreadCount(db, who.editor.id)).toBe(0);
  });

  test("only active users who may translate can be assignees", async () => {
    const r = await release(db, who, ZH, null, "draft");
    const due = new Date(Date.now() + HOUR * 48);
    await db.user.update({ where: { id: who.translator.id }, data: { disabled: true } });
    expect(
      await assignTranslation(db, who.editor, { releaseId: r.id, assigneeId: who.translator.id, dueAt: due, note: "" }),
    ).toMatchObject({ ok: false, code: "assignee_invalid" });
    expect(
      await assignTranslation(db, who.editor, { releaseId: r.id, assigneeId: "nobody", dueAt: due, note: "" }),
    ).toMatchObject({ ok: false, code: "assignee_invalid" });
    expect(
      await assignTranslation(db, who.editor, { releaseId: "nope", assigneeId: who.editor.id, dueAt: due, note: "" }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });

  test("/admin/my lists open assignments by due time; overdue ones are found; unassigning removes", async () => {
    const a = await release(db, who, ZH, null, "draft");
    const b = await release(db, who, { ...ZH, title: "第二条" }, null, "draft");
    const c = await release(db, who, { ...ZH, title: "第三条" }, null, "draft");
    const now = Date.now();
    await assignTranslation(db, who.editor, {
      releaseId: a.id,
      assigneeId: who.translator.id,
      dueAt: new Date(now + 48 * HOUR),
      note: "",
    });
    await assignTranslation(db, who.editor, {
      releaseId: b.id,
      assigneeId: who.translator.id,
      dueAt: new Date(now - HOUR),
      note: "",
    });
    await assignTranslation(db, who.editor, {
      releaseId: c.id,
      assigneeId: who.translator.id,
      dueAt: new Date(now + 30 * HOUR),
      note: "",
    });
    const mine = await listMyAssignments(db, who.translator.id);
    expect(mine.open.map((x) => x.release.contents[0]!.title)).toEqual(["第二条", "第三条", "座谈会"]);
    expect((await listOverdue(db)).items.map((x) => x.releaseId)).toEqual([b.id]);
    expect((await unassignTranslation(db, who.editor, b.id)).ok).toBe(true);
    expect((await listOverdue(db)).total).toBe(0);
  });
});

describe("notifications along the workflow", () => {
  test("started by the English save, Chinese changed (once while unread), completed when marked, published", async () => {
    const r = await release(db, who, ZH, null, "draft");
    await assignTranslation(db, who.editor, {
      releaseId: r.id,
      assigneeId: who.translator.id,
      dueAt: new Date(Date.now() + 72 * HOUR),
      note: "",
    });
    const en = await saveContent(db, who.translator, r.id, "en", input(EN, r.slug), r.version);
    if (!en.ok) throw new Error(en.code);
    expect((await db.translationAssignment.findUniqueOrThrow({ where: { releaseId: r.id } })).startedAt).not.toBeNull();
    let v = en.value.version;
    for (const text of ["第一段，改了。", "第一段，又改了。"]) {
      const zh = await saveContent(db, who.editor, r.id, "zh", input({ ...ZH, paragraphs: [text] }, r.slug), v);
      if (!zh.ok) throw new Error(zh.code);
      v = zh.value.version;
    }
    expect(await kinds(who.translator.id)).toEqual(["sourceChanged", "assigned"]);
    const fp = (await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale: "zh" } })).fingerprint;
    const fixed = await saveContent(db, who.translator, r.id, "en", input(EN, r.slug), v, { sourceFingerprint: fp });
    if (!fixed.ok) throw new Error(fixed.code);
    const marked = await runWorkflow(db, who.translator, r.id, { type: "markTranslated" }, fixed.value.version);
    if (!marked.ok) throw new Error(marked.code);
    expect(
      (await db.translationAssignment.findUniqueOrThrow({ where: { releaseId: r.id } })).completedAt,
    ).not.toBeNull();
    expect((await listMyAssignments(db, who.translator.id)).open).toEqual([]);
    await runWorkflow(db, who.editor, r.id, { type: "publish" }, marked.value.version);
    expect(await kinds(who.translator.id)).toEqual(["published", "sourceChanged", "assigned"]);
    expect(await kinds(who.editor.id)).toEqual([]);
  });

  test("due soon: told once, when the assignee next opens the back office", async () => {
    const r = await release(db, who, ZH, null, "draft");
    await assignTranslation(db, who.editor, {
      releaseId: r.id,
      assigneeId: who.translator.id,
      dueAt: new Date(Date.now() + 5 * HOUR),
      note: "",
    });
    await db.notification.updateMany({ data: { readAt: new Date() } });
    expect(await unreadCount(db, who.translator.id)).toBe(1);
    expect(await unreadCount(db, who.translator.id)).toBe(1);
    expect(await kinds(who.translator.id)).toEqual(["dueSoon", "assigned"]);
  });

  test("another channel (e-mail later) plugs in and receives the same notifications", async () => {
    const seen: OutgoingNotification[] = [];
    registerNotificationChannel({ name: "test", deliver: async (_tx, n) => void seen.push(n) });
    const r = await release(db, who, ZH, EN);
    expect(seen.map((n) => [n.kind, n.userId])).toEqual([["published", who.translator.id]]);
    expect(r.id).toBeTruthy();
  });
});
