import { afterAll, beforeAll, expect, test } from "vitest";
import { textToDoc } from "../../src/domain/release/content";
import { createDb, type Db } from "../../src/server/db/client";
import { createRelease, runWorkflow, saveContent } from "../../src/server/releases/lifecycle";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { FRONT_SERVER, createUser, databaseUrl, freshDatabase, startServer, within, type Server } from "./servers";

// Two production servers on one PostgreSQL, each running the outbox worker, sending to one SMTP
// server (smtp-server): a release published to 400 subscribers reaches each exactly once, and both
// instances took part (docs/DISTRIBUTION.md "Exactly once").

const SUBSCRIBERS = 400;
const url = databaseUrl();
let db: Db;
let smtp: TestSmtp;
let a: Server;
let b: Server;

beforeAll(async () => {
  await freshDatabase(url);
  createUser(url, "editor@pg-dist.test", "editor", "pg-dist-password-1");
  db = createDb(url);
  smtp = await startSmtp();
  const env = { SMTP_URL: smtp.url, MAIL_FROM: "Press <press@example.gov>" };
  a = await startServer("dist-A", "scripts/start.mjs", url, env);
  b = await startServer("dist-B", FRONT_SERVER, url, env);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await smtp?.close();
  await db?.$disconnect();
});

const content = (title: string, slug: string) => ({
  title,
  summary: `${title}。`,
  slug,
  body: JSON.stringify(textToDoc(`${title}的正文。`)),
});

test("two instances share the outbox: every subscriber gets exactly one email", async () => {
  // "listening" is logged once the bus and the outbox worker have started, after /api/health answers.
  for (const s of [a, b]) {
    const deadline = Date.now() + 15_000;
    while (!s.logs().some((l) => l.msg === "listening") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(s.logs().find((l) => l.msg === "listening")).toMatchObject({ outbox: true });
  }
  await db.subscriber.createMany({
    data: Array.from({ length: SUBSCRIBERS }, (_, i) => ({
      email: `s${i}@example.org`,
      language: ["zh", "en", "both"][i % 3]!,
      status: "confirmed",
    })),
  });
  const user = await db.user.findFirstOrThrow();
  const editor = { id: user.id, role: "EDITOR" as const };
  const created = await createRelease(db, editor, content("两台实例", "two-instances"), {
    categoryId: null,
    releaseDate: null,
  });
  if (!created.ok) throw new Error(created.code);
  const en = await saveContent(
    db,
    editor,
    created.value.id,
    "en",
    content("Two instances", "two-instances"),
    created.value.version,
  );
  if (!en.ok) throw new Error(en.code);
  const marked = await runWorkflow(db, editor, created.value.id, { type: "markTranslated" }, en.value.version);
  if (!marked.ok) throw new Error(marked.code);
  const published = await runWorkflow(
    db,
    editor,
    created.value.id,
    { type: "publish", distribution: { subscribers: true, listIds: [], resend: false } },
    marked.value.version,
  );
  expect(published.ok).toBe(true);

  const ms = await within(
    90_000,
    async () => (await db.mailMessage.count({ where: { state: "sent" } })) === SUBSCRIBERS,
  );
  await new Promise((r) => setTimeout(r, 3_000)); // would a duplicate still arrive?
  const perAddress = new Map<string, number>();
  for (const m of smtp.received) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
  expect(perAddress.size).toBe(SUBSCRIBERS);
  expect([...perAddress.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  const workers = await db.mailMessage.groupBy({ by: ["lockedBy"], _count: { _all: true } });
  expect(workers.length, JSON.stringify(workers)).toBeGreaterThanOrEqual(2);
  console.log(
    `Two instances: ${SUBSCRIBERS} emails in ${ms} ms, ${workers.map((w) => w._count._all).join(" + ")} per worker, 0 duplicates.`,
  );
});
