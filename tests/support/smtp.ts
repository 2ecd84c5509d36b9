// A real SMTP server for tests (smtp-server on a loopback port), every accepted message parsed by
// mailparser. Recipients can be refused (permanent 5xx or temporary 4xx) and accepted messages can
// be held before the server answers (to kill a sender in the middle of a transaction).
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  parsed: ParsedMail;
  raw: string;
  to: string[];
}

export interface TestSmtp {
  port: number;
  url: string;
  received: Received[];
  /** address → SMTP reply code to refuse it with at RCPT TO (e.g. 550 or 451) */
  refuse: Map<string, number>;
  /** while set, DATA is answered only when `release()` is called (nothing counts as received before) */
  hold: boolean;
  /** hold every message once this many have been received */
  holdAfter: number;
  held: () => number;
  release: (accept: boolean) => void;
  to: (address: string) => Received[];
  close: () => Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  const refuse = new Map<string, number>();
  const waiting: ((accept: boolean) => void)[] = [];
  const state = { hold: false, holdAfter: Infinity, admitted: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address.toLowerCase());
      if (!code) return callback();
      const err = Object.assign(new Error(code >= 500 ? "5.1.1 No such user" : "4.2.1 Try later"), {
        responseCode: code,
      });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const accept = async (ok: boolean) => {
          if (!ok || session.envelope.rcptTo.length === 0) return callback(new Error("not accepted"));
          state.admitted++; // before the first await: the next message's hold check sees it
          const raw = Buffer.concat(chunks).toString("utf8");
          received.push({ raw, parsed: await simpleParser(raw), to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        };
        // Counted when admitted, not when parsed: parallel messages must not slip past holdAfter.
        if (state.hold || state.admitted + waiting.length >= state.holdAfter) waiting.push((ok) => void accept(ok));
        else void accept(true);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    get hold() {
      return state.hold;
    },
    set hold(v: boolean) {
      state.hold = v;
    },
    get holdAfter() {
      return state.holdAfter;
    },
    set holdAfter(v: number) {
      state.holdAfter = v;
    },
    held: () => waiting.length,
    release: (accept) => {
      for (const w of waiting.splice(0)) w(accept);
    },
    to: (address) => received.filter((r) => r.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
