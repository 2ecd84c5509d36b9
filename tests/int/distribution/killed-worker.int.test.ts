import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, test } from "vitest";
import { resetDb, testDb } from "../../support/db";
import { startSmtp, type TestSmtp } from "../../support/smtp";
import { confirmedSubscriber, publish, readyRelease, staff } from "./fixtures";

// `npm run mail:worker` killed with SIGKILL in the middle of a batch (several messages in the middle
// of their SMTP transaction), then started again: every subscriber still gets exactly one email.
// A message counts as delivered only once the server has answered 250, as with a real MTA.

const db = testDb();
const SUBSCRIBERS = 30;
let smtp: TestSmtp;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const proc = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/mail-worker.ts"], {
    env: {
      ...process.env,
      SMTP_URL: smtp.url,
      MAIL_FROM: "Press <press@example.gov>",
      MAIL_LEASE_MS: "2000",
      WEBHOOK_ALLOWED_HOSTS: "",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  workers.push(proc);
  return proc;
}

async function until(check: () => Promise<boolean> | boolean, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  smtp = await startSmtp();
  await resetDb();
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) process.kill(-w.pid!, "SIGKILL");
  await smtp.close();
});

test("a worker killed mid-batch and restarted sends every email exactly once", { timeout: 120_000 }, async () => {
  const editor = await staff(db);
  for (let i = 0; i < SUBSCRIBERS; i++) await confirmedSubscriber(db, `s${i}@example.org`, i % 2 ? "en" : "zh");
  const release = await readyRelease(db, editor, { zh: "中途", en: "Midway" });
  await publish(db, editor, release, { subscribers: true, listIds: [], resend: false });

  smtp.holdAfter = 10;
  const first = startWorker();
  await until(() => smtp.received.length >= 10 && smtp.held() >= 2);
  const exited = new Promise((r) => first.once("exit", r));
  process.kill(-first.pid!, "SIGKILL");
  await exited;
  smtp.release(false); // the sender is gone: those transactions never completed
  expect(smtp.received).toHaveLength(10);
  const inFlight = await db.mailMessage.count({ where: { state: "sending" } });
  expect(inFlight).toBeGreaterThan(0); // leased by the dead worker

  smtp.holdAfter = Infinity;
  const second = startWorker(); // its first rounds find nothing due: the dead worker's lease still runs
  await until(async () => {
    if (second.exitCode !== null) throw new Error(`the restarted worker exited with code ${second.exitCode}`);
    return (await db.mailMessage.count({ where: { kind: "release", state: "sent" } })) === SUBSCRIBERS;
  });
  expect(second.exitCode).toBeNull(); // an idle worker keeps running (it once exited when nothing was due)
  process.kill(-second.pid!, "SIGTERM");

  const perAddress = new Map<string, number>();
  for (const m of smtp.received) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
  expect(perAddress.size).toBe(SUBSCRIBERS);
  expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
  expect(new Set(smtp.received.map((m) => m.parsed.messageId)).size).toBe(SUBSCRIBERS);
});
