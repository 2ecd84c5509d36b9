// `npm run bench:mail`: the production server (`node scripts/start.mjs` on a fresh seeded SQLite
// database, its outbox worker in the same process) sends one release to 10,000 confirmed subscribers
// through a local SMTP server (smtp-server, in this process), while readers load public pages.
// Reports the sending throughput and the pages' latency (p50/p95/p99) before and during the sending.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { createDb } from "../src/server/db/client";
import { runWorkflow } from "../src/server/releases/lifecycle";
import { freePort, waitFor } from "./lib/net";
import { startArgs } from "./lib/server-command";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const READERS = 8;
const PAGES = ["/en/news/cnipa-kipo-video-conference", "/zh/news", `/en/search?q=patent`];

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** READERS loops fetching PAGES in turn until `done()`; latencies in ms. */
async function readers(base: string, done: () => boolean) {
  const times: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: READERS }, async (_, r) => {
      for (let i = r; !done(); i++) {
        const started = performance.now();
        try {
          const res = await fetch(base + PAGES[i % PAGES.length]!);
          await res.arrayBuffer();
          if (!res.ok) errors++;
        } catch {
          errors++;
        }
        times.push(performance.now() - started);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const f = (p: number) => percentile(times, p).toFixed(1);
  return `${times.length} requests, p50 ${f(50)} ms, p95 ${f(95)} ms, p99 ${f(99)} ms, errors ${errors}`;
}

async function main() {
  let accepted = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        accepted++;
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const port = await freePort();
  const dbFile = `/tmp/newsroom-bench-mail-${port}.db`;
  const clean = () => [dbFile, `${dbFile}-wal`, `${dbFile}-shm`].forEach((f) => rmSync(f, { force: true }));
  clean();
  const app = spawn("node", startArgs(), {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Press <press@example.gov>",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      // gone
    }
  };
  process.on("exit", stop);
  let exited = false;
  app.on("exit", () => (exited = true));
  const db = createDb(`file:${dbFile}`);
  try {
    const base = `http://127.0.0.1:${port}`;
    console.log(`Starting the app on ${base} (builds first if the sources changed)…`);
    await waitFor(`${base}/api/health`, () => !exited);
    for (const p of PAGES) await (await fetch(base + p)).arrayBuffer(); // first renders
    for (let i = 0; i < RECIPIENTS; i += 1000)
      await db.subscriber.createMany({
        data: Array.from({ length: Math.min(1000, RECIPIENTS - i) }, (_, k) => ({
          email: `reader${i + k}@example.org`,
          language: ["zh", "en", "both"][(i + k) % 3]!,
          status: "confirmed",
        })),
      });

    console.log(`${RECIPIENTS} confirmed subscribers added; measuring the pages with nothing to send…`);
    let end = Date.now() + SECONDS * 1000;
    const idle = await readers(base, () => Date.now() > end);

    const release = await db.release.findFirstOrThrow({ where: { status: "TRANSLATED" } });
    const editor = await db.user.findFirstOrThrow({ where: { role: "EDITOR" } });
    let version = release.version;
    const publish = async (resend: boolean) => {
      const r = await runWorkflow(
        db,
        { id: editor.id, role: "EDITOR" },
        release.id,
        { type: "publish", distribution: { subscribers: true, listIds: [], resend } },
        version,
      );
      if (!r.ok) throw new Error(r.code);
      version = r.value.version;
    };
    const until = async (n: number) => {
      while (accepted < n) await new Promise((r) => setTimeout(r, 50));
    };

    // 1. Sending alone: the whole list, nobody reading.
    let started = Date.now();
    await publish(false);
    await until(RECIPIENTS);
    const alone = (Date.now() - started) / 1000;

    // 2. Sending again (the editor's "send again": a second round) while readers load pages.
    started = Date.now();
    const before = accepted;
    await publish(true);
    end = Date.now() + SECONDS * 1000;
    const busy = await readers(base, () => Date.now() > end);
    const during = accepted - before;
    const duringSeconds = (Date.now() - started) / 1000;
    await until(2 * RECIPIENTS);
    const sent = await db.mailMessage.count({ where: { state: "sent" } });
    console.log(`\n${RECIPIENTS} subscribers, ${READERS} concurrent readers on ${PAGES.join(", ")}`);
    console.log(`pages, nothing sending (${SECONDS} s): ${idle}`);
    console.log(`pages, while sending (${SECONDS} s):  ${busy}`);
    console.log(
      `sending alone: ${RECIPIENTS} emails accepted by the SMTP server in ${alone.toFixed(1)} s from the publish commit = ${(RECIPIENTS / alone).toFixed(0)} emails/s`,
    );
    console.log(
      `sending while read: ${during} emails in ${duringSeconds.toFixed(1)} s = ${(during / duringSeconds).toFixed(0)} emails/s`,
    );
    console.log(`${sent} rows marked sent, ${accepted} messages accepted (2 rounds)`);
  } finally {
    stop();
    await db.$disconnect();
    smtp.close();
    clean();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
