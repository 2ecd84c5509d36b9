import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { localTransport } from "../../../src/server/distribution/transport";
import { createWorker } from "../../../src/server/distribution/worker";
import { runWorkflow } from "../../../src/server/releases/lifecycle";
import { isPublicAddress } from "../../../src/server/webhooks/address";
import { createWebhook, sendTestEvent } from "../../../src/server/webhooks/admin";
import { resetDb, testDb } from "../../support/db";
import { publish, readyRelease, staff } from "../distribution/fixtures";

// Webhooks against a real HTTP receiver that verifies each signature the way docs/DISTRIBUTION.md
// tells integrators to (HMAC-SHA256 over "<t>.<body>", constant-time comparison, 5-minute tolerance).

const db = testDb();
const ALLOWED = ["127.0.0.1"];
const EVENTS = ["release.published", "release.updated", "release.withdrawn"] as const;
let receiver: Server;
let base: string;
let received: { event: string; body: Record<string, unknown>; valid: boolean; headers: IncomingMessage["headers"] }[];
let failNext = 0;
let secretOf: () => string;
let offset = 0;
const now = () => new Date(Date.now() + offset);
const nothing = { subscribers: false, listIds: [], resend: false };

function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300 + offset / 1000) return false;
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (req.url === "/slow") return; // never answers
      if (req.url === "/huge") {
        res.writeHead(200);
        res.end("x".repeat(5 * 1024 * 1024));
        return;
      }
      const valid = verify(secretOf(), String(req.headers["x-newsroom-signature"]), body);
      received.push({
        event: String(req.headers["x-newsroom-event"]),
        body: JSON.parse(body),
        valid,
        headers: req.headers,
      });
      res.writeHead(failNext-- > 0 ? 500 : 204);
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

let editor: Awaited<ReturnType<typeof staff>>;
let admin: { id: string; role: "ADMIN" };
beforeEach(async () => {
  await resetDb();
  received = [];
  failNext = 0;
  offset = 0;
  editor = await staff(db);
  admin = { id: editor.id, role: "ADMIN" };
});

const worker = (allowedHosts = ALLOWED) =>
  createWorker({ db, transport: localTransport(db), clock: now, webhooks: { allowedHosts, timeoutMs: 2_000 } });

async function hook(path = "/hook") {
  const created = await createWebhook(db, admin, { url: `${base}${path}`, events: [...EVENTS] }, ALLOWED);
  if (!created.ok) throw new Error(created.code);
  const row = await db.webhook.findUniqueOrThrow({ where: { id: created.value.id } });
  secretOf = () => row.secret;
  return row;
}

test("private, loopback, link-local and special addresses are refused; public ones pass", async () => {
  for (const a of [
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "224.0.0.1",
  ])
    expect(isPublicAddress(a), a).toBe(false);
  for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]) expect(isPublicAddress(a), a).toBe(true);
  expect(await createWebhook(db, admin, { url: `${base}/hook`, events: ["release.published"] }, [])).toMatchObject({
    ok: false,
    code: "webhook_address_blocked",
  });
  expect(await createWebhook(db, admin, { url: "http://[::1]:9/x", events: ["release.published"] }, [])).toMatchObject({
    ok: false,
    code: "webhook_address_blocked",
  });
  expect(
    await createWebhook(db, editor, { url: `${base}/hook`, events: ["release.published"] }, ALLOWED),
  ).toMatchObject({
    ok: false,
    code: "forbidden",
  });
});

describe("release events", () => {
  test("published, updated, withdrawn: signed, with both languages, URLs, date and category", async () => {
    await hook();
    const category = await db.category.create({ data: { slug: "policy", nameZh: "政策", nameEn: "Policy" } });
    const release = await readyRelease(db, editor, { zh: "中文标题", en: "English title" }, category.id);
    await publish(db, editor, release, nothing);
    await worker().drain();
    await publish(db, editor, release, nothing);
    await worker().drain();
    expect((await runWorkflow(db, editor, release.id, { type: "withdraw" }, release.version)).ok).toBe(true);
    await worker().drain();

    expect(received.map((r) => [r.event, r.valid])).toEqual([
      ["release.published", true],
      ["release.updated", true],
      ["release.withdrawn", true],
    ]);
    const body = received[0]!.body as { release: Record<string, unknown> };
    expect(body).toMatchObject({ event: "release.published", id: received[0]!.headers["x-newsroom-delivery"] });
    expect(body.release).toMatchObject({
      id: release.id,
      category: { slug: "policy", name: { zh: "政策", en: "Policy" } },
      zh: { title: "中文标题", summary: "中文标题 summary", url: `http://localhost:3000/zh/news/${release.slug}` },
      en: { title: "English title", url: `http://localhost:3000/en/news/${release.slug}` },
    });
    expect(received[2]!.body).toMatchObject({ release: { en: { title: "English title" } } });
    const log = await db.webhookDelivery.findMany({ orderBy: { createdAt: "asc" } });
    expect(log.map((d) => [d.state, d.responseStatus])).toEqual([
      ["sent", 204],
      ["sent", 204],
      ["sent", 204],
    ]);
  });

  test("an embargoed release is announced when the embargo lifts, and never if withdrawn before", async () => {
    await hook();
    const later = await readyRelease(db, editor, { zh: "定时", en: "Later" });
    const never = await readyRelease(db, editor, { zh: "撤回", en: "Never" });
    await publish(db, editor, later, nothing, new Date(Date.now() + 3600_000));
    await publish(db, editor, never, nothing, new Date(Date.now() + 3600_000));
    await worker().drain();
    expect(received).toHaveLength(0);
    await runWorkflow(db, editor, never.id, { type: "withdraw" }, never.version);
    offset = 3600_000 + 1000;
    await worker().drain();
    expect(received.map((r) => [r.event, (r.body as { release: { en: { title: string } } }).release.en.title])).toEqual(
      [["release.published", "Later"]],
    );
  });

  test("a failed delivery is retried with backoff and logged with the response code", async () => {
    await hook();
    failNext = 1;
    const release = await readyRelease(db, editor, { zh: "重试", en: "Retry" });
    await publish(db, editor, release, nothing);
    await worker().drain();
    expect(await db.webhookDelivery.findFirstOrThrow()).toMatchObject({
      state: "deferred",
      responseStatus: 500,
      attempts: 1,
    });
    offset = 2 * 60_000;
    await worker().drain();
    expect(await db.webhookDelivery.findFirstOrThrow()).toMatchObject({
      state: "sent",
      responseStatus: 204,
      attempts: 2,
    });
    expect(received.map((r) => r.valid)).toEqual([true, true]);
  });

  test("at send time every resolved address is checked again: a host no longer allowed fails without retry", async () => {
    await hook();
    const release = await readyRelease(db, editor, { zh: "拒绝", en: "Refused" });
    await publish(db, editor, release, nothing);
    await worker([]).drain();
    const refused = await db.webhookDelivery.findFirstOrThrow();
    expect(refused).toMatchObject({ state: "failed", responseStatus: null });
    expect(refused.error).toMatch(/private or special-purpose/);
    expect(received).toHaveLength(0);
    // A name that resolves to loopback is refused the same way.
    await db.webhook.update({
      where: { id: refused.webhookId },
      data: { url: base.replace("127.0.0.1", "localhost") + "/hook" },
    });
    const again = await readyRelease(db, editor, { zh: "名字", en: "By name" });
    await publish(db, editor, again, nothing);
    await worker(["127.0.0.1"]).drain();
    expect((await db.webhookDelivery.findFirstOrThrow({ where: { releaseId: again.id } })).error).toMatch(/localhost/);
    expect(received).toHaveLength(0);
  });
});

describe("test event", () => {
  test("sent at once, signed, logged", async () => {
    const row = await hook();
    const result = await sendTestEvent(db, admin, row.id, { allowedHosts: ALLOWED });
    expect(result).toEqual({ ok: true, value: { status: 204, error: null } });
    expect(received).toMatchObject([{ event: "webhook.test", valid: true, body: { event: "webhook.test" } }]);
    expect(await db.webhookDelivery.findFirstOrThrow()).toMatchObject({
      event: "webhook.test",
      state: "sent",
      responseStatus: 204,
    });
  });

  test("a receiver that never answers times out; a huge answer is cut short", async () => {
    const slow = await hook("/slow");
    const started = Date.now();
    const timedOut = await sendTestEvent(db, admin, slow.id, { allowedHosts: ALLOWED, timeoutMs: 500 });
    expect(timedOut).toMatchObject({ ok: true, value: { status: null, error: "timed out" } });
    expect(Date.now() - started).toBeLessThan(3_000);
    const huge = await hook("/huge");
    expect(await sendTestEvent(db, admin, huge.id, { allowedHosts: ALLOWED })).toMatchObject({
      value: { status: 200 },
    });
    const logged = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: huge.id } });
    expect(logged.state).toBe("sent");
  });
});
