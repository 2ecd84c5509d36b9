import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { confirmSubscription, requestSubscription, unsubscribe } from "../../../src/server/distribution/subscribers";
import { smtpTransport } from "../../../src/server/distribution/transport";
import { createWorker, type Worker } from "../../../src/server/distribution/worker";
import { runWorkflow } from "../../../src/server/releases/lifecycle";
import { resetDb, testDb } from "../../support/db";
import { startSmtp, type TestSmtp } from "../../support/smtp";
import { confirmedSubscriber, journalistList, publish, readyRelease, staff } from "./fixtures";

// Email distribution against a real SMTP server (smtp-server), every message parsed by mailparser.

const db = testDb();
let smtp: TestSmtp;
let offset = 0; // the worker's clock runs offset ms ahead of the real one
const now = () => new Date(Date.now() + offset);
const travel = (ms: number) => (offset += ms);
let worker: Worker;
let editor: Awaited<ReturnType<typeof staff>>;

const everyone = { subscribers: true, listIds: [] as string[], resend: false };
const tokenIn = (text: string, path: RegExp) => path.exec(text)?.[1];
const unsubscribeToken = (raw: string) =>
  /List-Unsubscribe:\s*<[^>]*\/unsubscribe\?token=([A-Za-z0-9_-]{43})>/.exec(raw)?.[1];

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  await resetDb();
  smtp.received.length = 0;
  smtp.refuse.clear();
  offset = 0;
  worker = createWorker({ db, transport: smtpTransport(smtp.url, { timeoutMs: 5_000 }), clock: now, idleMs: 50 });
  editor = await staff(db);
});

describe("double opt-in", () => {
  test("nothing but the confirmation is sent before the link is used; the link applies the choices", async () => {
    const category = await db.category.create({ data: { slug: "policy", nameZh: "政策", nameEn: "Policy" } });
    const other = await db.category.create({ data: { slug: "other", nameZh: "其他", nameEn: "Other" } });
    const input = { email: "reader@example.org", language: "en" as const, categoryIds: [category.id] };
    expect((await requestSubscription(db, input, "198.51.100.7")).ok).toBe(true);
    const release = await readyRelease(db, editor, { zh: "未确认", en: "Before confirmation" }, category.id);
    await publish(db, editor, release, everyone);
    await worker.drain();

    expect(smtp.received).toHaveLength(1);
    const confirm = smtp.received[0]!;
    expect(confirm.parsed.subject).toBe("Confirm your subscription to Newsroom");
    expect(confirm.parsed.text).not.toContain("Before confirmation");
    const token = tokenIn(confirm.parsed.text!, /\/en\/subscribe\/confirm\?token=([A-Za-z0-9_-]{43})/);
    expect(token).toBeDefined();
    expect(unsubscribeToken(confirm.raw)).toBeDefined();

    expect((await confirmSubscription(db, token)).ok).toBe(true);
    expect((await confirmSubscription(db, token)).ok).toBe(false); // one use
    const subscriber = await db.subscriber.findUniqueOrThrow({
      where: { email: input.email },
      include: { categories: true },
    });
    expect(subscriber).toMatchObject({ status: "confirmed", language: "en", allCategories: false });
    expect(subscriber.categories.map((c) => c.categoryId)).toEqual([category.id]);

    // In its category: sent. Outside it: not.
    const inCategory = await readyRelease(db, editor, { zh: "政策稿", en: "Policy release" }, category.id);
    const outside = await readyRelease(db, editor, { zh: "其他稿", en: "Other release" }, other.id);
    await publish(db, editor, inCategory, everyone);
    await publish(db, editor, outside, everyone);
    await worker.drain();
    expect(smtp.to(input.email).map((m) => m.parsed.subject)).toEqual([
      "Confirm your subscription to Newsroom",
      "Policy release",
    ]);
  });

  test("the same answer whether or not the address is subscribed; per-address requests are capped silently", async () => {
    await confirmedSubscriber(db, "known@example.org", "zh");
    const known = await requestSubscription(db, { email: "known@example.org", language: "en", categoryIds: [] }, null);
    const unknown = await requestSubscription(db, { email: "new@example.org", language: "en", categoryIds: [] }, null);
    expect(known).toEqual(unknown);
    for (let i = 0; i < 5; i++)
      expect(
        await requestSubscription(db, { email: "new@example.org", language: "en", categoryIds: [] }, null),
      ).toEqual(unknown);
    await worker.drain();
    expect(smtp.to("new@example.org")).toHaveLength(3);
    // A confirmed subscriber keeps their choices until the new confirmation is used.
    expect(await db.subscriber.findUniqueOrThrow({ where: { email: "known@example.org" } })).toMatchObject({
      language: "zh",
    });
  });

  test("a client address is throttled after 10 requests an hour, with the minutes left", async () => {
    for (let i = 0; i < 10; i++)
      expect(
        (await requestSubscription(db, { email: `a${i}@example.org`, language: "zh", categoryIds: [] }, "203.0.113.9"))
          .ok,
      ).toBe(true);
    const refused = await requestSubscription(
      db,
      { email: "b@example.org", language: "zh", categoryIds: [] },
      "203.0.113.9",
    );
    expect(refused).toMatchObject({ ok: false, code: "subscribe_throttled", params: { minutes: 60 } });
    expect(await db.subscriber.count({ where: { email: "b@example.org" } })).toBe(0);
  });
});

describe("publishing", () => {
  test("exactly one email per address, in the chosen language, with the RFC 8058 headers", async () => {
    await confirmedSubscriber(db, "zh@example.org", "zh");
    await confirmedSubscriber(db, "en@example.org", "en");
    await confirmedSubscriber(db, "both@example.org", "both");
    await confirmedSubscriber(db, "pending@example.org", "zh").then((s) =>
      db.subscriber.update({ where: { id: s.id }, data: { status: "pending" } }),
    );
    const list = await journalistList(db, "Press", [
      { email: "both@example.org", name: "Both Reader", language: "en" }, // also a subscriber: one email, list language
      { email: "j@example.org", name: "Jay", language: "zh" },
    ]);
    const release = await readyRelease(db, editor, { zh: "中文标题", en: "English title" });
    await publish(db, editor, release, { subscribers: true, listIds: [list.id], resend: false });
    // Two workers on one outbox: claims never overlap.
    const second = createWorker({ db, transport: smtpTransport(smtp.url), clock: now });
    await Promise.all([worker.drain(), second.drain()]);
    await second.stop();

    const subjects = Object.fromEntries(
      ["zh", "en", "both", "j", "pending"].map((p) => [p, smtp.to(`${p}@example.org`).map((m) => m.parsed.subject)]),
    );
    expect(subjects).toEqual({
      zh: ["中文标题"],
      en: ["English title"],
      both: ["English title"],
      j: ["中文标题"],
      pending: [],
    });
    const mail = smtp.to("en@example.org")[0]!;
    expect(mail.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    expect(mail.parsed.text).toContain(`http://localhost:3000/en/news/${release.slug}`);
    expect(mail.parsed.html).toContain(`href="http://localhost:3000/en/news/${release.slug}"`);
    expect(mail.parsed.headers.get("list")).toMatchObject({
      unsubscribe: { url: expect.stringMatching(/\/unsubscribe\?token=/) },
    });
    const lines = mail.parsed.headerLines.map((h) => h.line);
    expect(lines).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(lines.find((l) => l.startsWith("List-Unsubscribe:"))).toMatch(/^List-Unsubscribe:\s*<https?:\/\/[^>]+>$/);
    expect(smtp.to("j@example.org")[0]!.parsed.to).toMatchObject({
      value: [{ name: "Jay", address: "j@example.org" }],
    });

    // Republishing a correction sends nothing; asking to send again sends one more each.
    await publish(db, editor, release, { subscribers: true, listIds: [list.id], resend: false });
    await worker.drain();
    expect(smtp.received).toHaveLength(4);
    await publish(db, editor, release, { subscribers: true, listIds: [], resend: true });
    await worker.drain();
    expect(smtp.received).toHaveLength(7);
    const both = await db.subscriber.findUniqueOrThrow({ where: { email: "both@example.org" } });
    expect(smtp.to("both@example.org").at(-1)!.parsed.subject).toBe("中文标题 / English title");
    expect(both.language).toBe("both");
  });

  test("a publish that rolls back sends nothing", async () => {
    await confirmedSubscriber(db, "zh@example.org", "zh");
    const release = await readyRelease(db, editor, { zh: "冲突", en: "Conflict" });
    const stale = await runWorkflow(
      db,
      editor,
      release.id,
      { type: "publish", distribution: everyone },
      release.version - 1,
    );
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.mailDispatch.count()).toBe(0);
    await worker.drain();
    expect(smtp.received).toHaveLength(0);
  });

  test("an embargoed release is mailed when the embargo lifts, not before; a withdrawal cancels what waits", async () => {
    await confirmedSubscriber(db, "zh@example.org", "zh");
    const later = await readyRelease(db, editor, { zh: "定时稿", en: "Scheduled" });
    const cancelled = await readyRelease(db, editor, { zh: "撤回稿", en: "Withdrawn" });
    const at = new Date(Date.now() + 3600_000);
    await publish(db, editor, later, everyone, at);
    await publish(db, editor, cancelled, everyone, at);
    await worker.drain();
    expect(smtp.received).toHaveLength(0);

    const withdrawn = await runWorkflow(db, editor, cancelled.id, { type: "withdraw" }, cancelled.version);
    expect(withdrawn.ok).toBe(true);
    travel(3600_000 + 1000);
    await worker.drain();
    expect(smtp.received.map((m) => m.parsed.subject)).toEqual(["定时稿"]);
  });

  test("a CR/LF in a title or a name cannot add a header", async () => {
    const list = await journalistList(db, "Hostile", [
      { email: "victim@example.org", name: "Eve\r\nBcc: spy@example.org", language: "en" },
    ]);
    const release = await readyRelease(db, editor, {
      zh: "标题\r\nBcc: spy@example.org",
      en: "Title\r\nBcc: spy@example.org\r\nX-Evil: 1",
    });
    await publish(db, editor, release, { subscribers: false, listIds: [list.id], resend: false });
    await worker.drain();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["victim@example.org"]);
    const names = mail.parsed.headerLines.map((h) => h.key);
    expect(names).not.toContain("bcc");
    expect(names).not.toContain("x-evil");
    expect(names.filter((k) => k === "subject")).toHaveLength(1);
    expect(mail.parsed.subject).toBe("Title Bcc: spy@example.org X-Evil: 1");
  });
});

describe("unsubscribing and bounces", () => {
  test("one-click unsubscribe with the token of the List-Unsubscribe header stops further mail", async () => {
    await confirmedSubscriber(db, "zh@example.org", "zh");
    const first = await readyRelease(db, editor, { zh: "第一篇", en: "First" });
    await publish(db, editor, first, everyone);
    await worker.drain();
    const token = unsubscribeToken(smtp.received[0]!.raw);
    expect((await unsubscribe(db, token)).ok).toBe(true);
    expect((await unsubscribe(db, "x".repeat(43))).ok).toBe(false);
    const second = await readyRelease(db, editor, { zh: "第二篇", en: "Second" });
    await publish(db, editor, second, everyone);
    await worker.drain();
    expect(smtp.received).toHaveLength(1);
    expect(await db.subscriber.findUniqueOrThrow({ where: { email: "zh@example.org" } })).toMatchObject({
      status: "unsubscribed",
    });
  });

  test("5xx suppresses the address; 4xx is retried with backoff and given up after 72 hours", async () => {
    await confirmedSubscriber(db, "gone@example.org", "zh");
    await confirmedSubscriber(db, "busy@example.org", "zh");
    await confirmedSubscriber(db, "late@example.org", "zh");
    smtp.refuse.set("gone@example.org", 550);
    smtp.refuse.set("busy@example.org", 451);
    smtp.refuse.set("late@example.org", 451);
    const release = await readyRelease(db, editor, { zh: "退信", en: "Bounces" });
    await publish(db, editor, release, everyone);
    await worker.drain();
    const state = async (email: string) => await db.mailMessage.findFirstOrThrow({ where: { email, kind: "release" } });
    expect(await state("gone@example.org")).toMatchObject({ state: "suppressed", lastCode: 550 });
    expect(await db.suppression.findUnique({ where: { email: "gone@example.org" } })).toMatchObject({
      reason: "bounce",
    });
    const busy = await state("busy@example.org");
    expect(busy).toMatchObject({ state: "deferred", lastCode: 451, attempts: 1 });
    expect(busy.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(50_000);

    smtp.refuse.delete("busy@example.org");
    travel(2 * 60_000);
    await worker.drain();
    expect(await state("busy@example.org")).toMatchObject({ state: "sent", attempts: 2 });
    expect(smtp.to("busy@example.org")).toHaveLength(1);

    for (let hours = 0; hours < 80; hours += 4) {
      travel(4 * 3600_000 + 60_000);
      await worker.drain();
    }
    const late = await state("late@example.org");
    expect(late.state).toBe("failed");
    expect(late.attempts).toBeGreaterThan(10);
    expect(smtp.to("late@example.org")).toHaveLength(0);

    // Suppressed: the next release is not even tried.
    const next = await readyRelease(db, editor, { zh: "下一篇", en: "Next" });
    await publish(db, editor, next, everyone);
    await worker.drain();
    expect(
      await db.mailMessage.findFirstOrThrow({ where: { email: "gone@example.org", releaseId: next.id } }),
    ).toMatchObject({
      state: "suppressed",
      attempts: 1,
    });
  });
});
