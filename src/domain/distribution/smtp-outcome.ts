// What a failed SMTP send means for the address. The SMTP reply code decides: 4xx and connection
// trouble are temporary (retry later); a 5xx refusal of the mailbox (at RCPT TO, or at DATA with an
// enhanced status 5.1.x, "bad destination mailbox") is permanent and suppresses the address; another
// 5xx (message refused for its content or size) fails this message only. Authentication and TLS
// errors are our configuration, not the recipient's: retried, so nothing is lost while it is fixed.

export type SmtpOutcome = "retry" | "suppress" | "fail";

export interface SmtpFailure {
  /** nodemailer's `responseCode` (e.g. 550), if the server answered */
  responseCode?: number;
  /** nodemailer's `command` at which it failed (e.g. "RCPT TO", "DATA", "CONN", "AUTH PLAIN") */
  command?: string;
  /** the server's reply text (e.g. "550 5.1.1 No such user") */
  response?: string;
}

export function classifySmtpFailure(error: SmtpFailure): SmtpOutcome {
  const code = error.responseCode;
  if (code === undefined || code < 500 || code >= 600) return "retry";
  const command = (error.command ?? "").toUpperCase();
  if (command.startsWith("AUTH") || command === "CONN" || command === "STARTTLS" || command === "EHLO") return "retry";
  if (command.startsWith("RCPT")) return "suppress";
  if (/\b5\.1\.\d{1,3}\b/.test(error.response ?? "")) return "suppress";
  return "fail";
}
