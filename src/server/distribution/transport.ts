import "server-only";
import nodemailer from "nodemailer";
import type { SendMailOptions } from "nodemailer/lib/mailer";
import type { Db } from "../db/client";
import { env } from "../env";

// Where mail goes: an SMTP server (SMTP_URL), or, without one (the embedded demo), the LocalMail
// table shown at /admin/mail. Both go through nodemailer, so the message is built the same way.
// The SMTP URL holds credentials: only host, port and TLS mode are ever described or logged.

export interface Transport {
  kind: "smtp" | "local";
  /** host:port (smtp) or "local outbox": safe to log */
  describe: string;
  send(mail: SendMailOptions): Promise<{ response: string }>;
  close(): void;
}

export const LOCAL_MAIL_KEEP = 2_000;

export interface SmtpOptions {
  maxConnections?: number;
  /** ms; connection, greeting and socket inactivity (each) */
  timeoutMs?: number;
}

export function smtpTransport(smtpUrl: string, options: SmtpOptions = {}): Transport {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const port = Number(url.port) || (secure ? 465 : 587);
  const timeout = options.timeoutMs ?? 30_000;
  const mailer = nodemailer.createTransport({
    pool: true,
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 100,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
    logger: false,
    debug: false,
  });
  return {
    kind: "smtp",
    describe: `${url.hostname}:${port}${secure ? " (TLS)" : ""}`,
    async send(mail) {
      const info = (await mailer.sendMail(mail)) as { response?: string };
      return { response: info.response ?? "" };
    },
    close: () => mailer.close(),
  };
}

export function localTransport(db: Db): Transport {
  const mailer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  let sent = 0;
  return {
    kind: "local",
    describe: "local outbox (/admin/mail)",
    async send(mail) {
      const info = (await mailer.sendMail(mail)) as { message: Buffer };
      const to = mail.to as { address: string };
      await db.localMail.create({
        data: {
          recipient: to.address,
          subject: String(mail.subject ?? ""),
          text: typeof mail.text === "string" ? mail.text : "",
          raw: info.message.toString("utf8"),
        },
      });
      if (++sent % 100 === 0) await pruneLocalMail(db);
      return { response: "250 kept in the local outbox" };
    },
    close: () => mailer.close(),
  };
}

/** Keeps the newest LOCAL_MAIL_KEEP messages of the demo outbox. */
export async function pruneLocalMail(db: Db): Promise<void> {
  const edge = await db.localMail.findFirst({
    orderBy: { createdAt: "desc" },
    skip: LOCAL_MAIL_KEEP,
    select: { createdAt: true },
  });
  if (edge) await db.localMail.deleteMany({ where: { createdAt: { lte: edge.createdAt } } });
}

/** The configured transport: SMTP when SMTP_URL is set, the local outbox otherwise. */
export function configuredTransport(db: Db): Transport {
  const { SMTP_URL } = env();
  return SMTP_URL ? smtpTransport(SMTP_URL) : localTransport(db);
}

/** MAIL_FROM, or a local sender for the demo. */
export function mailFrom(): string {
  return env().MAIL_FROM ?? `${env().NEWSROOM_NAME_EN} <newsroom@localhost>`;
}

/** The domain of the sender, for Message-IDs. */
export function fromDomain(): string {
  const from = mailFrom();
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? "localhost";
}
