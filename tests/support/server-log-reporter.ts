// Playwright reporter: the production server's log of an e2e run goes to a file (the console shows
// only the tests); when something failed, say where that log is.
import type { FullResult, Reporter } from "@playwright/test/reporter";

export default class ServerLogReporter implements Reporter {
  onEnd(result: FullResult) {
    if (result.status !== "passed") {
      console.log(`\nServer log of this run (requests, errors with request ids): ${process.env.E2E_SERVER_LOG}`);
    }
  }
}
