// The editor beside bench:search's readers: a chromium page signed in as an editor republishes one
// live release through the admin UI ("发布", then "确认") every few seconds. Each publish changes
// the public pages of both languages, search pages included, so the server drops the result
// pages it kept and the next reader of each waits for a render: the readers' figures include
// those renders, as they would on a site whose editors publish while it is read.
import { chromium } from "@playwright/test";
import { generatePassword } from "../../src/server/auth/password";
import { insertUser, setPasswordByEmail } from "../../src/server/auth/users";
import type { Db } from "../../src/server/db/client";
import { publishFromUi, signInAs } from "../lib/admin-ui";
import { CHROMIUM } from "../lib/chromium";

const EMAIL = "bench-search-editor@example.com";

export interface EditorAccount {
  email: string;
  password: string;
  /** the live release the editor republishes */
  releaseId: string;
}

/** The benchmark's editor account (created on first use, a new password each run) and the newest live release. */
export async function prepareEditor(db: Db): Promise<EditorAccount> {
  const password = generatePassword();
  const created = await insertUser(
    db,
    { email: EMAIL, displayName: "Bench Editor", role: "EDITOR", password, locale: "zh" },
    null,
  );
  if (!created.ok) {
    const reset = await setPasswordByEmail(db, EMAIL, password);
    if (!reset.ok) throw new Error(`the benchmark's editor account: ${reset.code}`);
  }
  const release = await db.release.findFirst({
    where: { status: "PUBLISHED", contents: { some: { locale: "en" } } },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  if (!release) throw new Error("no live release to republish");
  return { email: EMAIL, password, releaseId: release.id };
}

export interface Editor {
  /** publishes answered "已发布。" so far */
  publishes(): number;
  /** stops after the publish under way; its failures, if any */
  stop(): Promise<string[]>;
}

/** Signs in, then republishes every `everyMs` (from the start of one publish to the next) until stopped. */
export async function startEditor(base: string, account: EditorAccount, everyMs: number): Promise<Editor> {
  const browser = await chromium.launch(CHROMIUM);
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  await signInAs(page, base, account.email, account.password);
  const releaseUrl = `${base}/admin/releases/${account.releaseId}`;
  let done = 0;
  let stopped = false;
  let wake = () => {};
  const errors: string[] = [];
  const loop = (async () => {
    while (!stopped && errors.length < 3) {
      const started = performance.now();
      try {
        await publishFromUi(page, releaseUrl);
        done++;
      } catch (error) {
        errors.push((error as Error).message.split("\n")[0]!);
      }
      const rest = everyMs - (performance.now() - started);
      if (!stopped && rest > 0) await new Promise<void>((r) => ((wake = r), setTimeout(r, rest)));
    }
  })();
  return {
    publishes: () => done,
    async stop() {
      stopped = true;
      wake();
      await loop;
      await browser.close();
      return errors;
    },
  };
}
