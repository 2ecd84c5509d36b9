// The editors of `npm run bench:load`: chromium pages that sign in and write through the real
// admin UI (create, edit, conflicting saves, translate, publish), each outcome counted in `tally`.
import type { BrowserContext, Page } from "@playwright/test";
import { publishFromUi, signInAs } from "../lib/admin-ui";
import { PASSWORD, PREFIX, UI_TIMEOUT } from "./load-config";

export interface Tally {
  saves: number;
  publishes: number;
  conflicts: number;
  keptMine: number;
  iterations: number;
  errors: string[];
  serverErrors: string[];
  /** successful content saves per zh slug and language: the revisions the database must hold */
  expected: Map<string, { zh: number; en: number }>;
  published: string[];
}
export const tally: Tally = {
  saves: 0,
  publishes: 0,
  conflicts: 0,
  keptMine: 0,
  iterations: 0,
  errors: [],
  serverErrors: [],
  expected: new Map(),
  published: [],
};

function watch(page: Page, who: string) {
  page.setDefaultTimeout(UI_TIMEOUT);
  page.on("response", (r) => {
    if (r.status() >= 500) tally.serverErrors.push(`${who}: ${r.status()} ${r.request().method()} ${r.url()}`);
  });
}

export async function signIn(context: BrowserContext, base: string, email: string, who: string): Promise<Page> {
  const page = await context.newPage();
  watch(page, who);
  await signInAs(page, base, email, PASSWORD);
  return page;
}

export async function newPage(context: BrowserContext, who: string): Promise<Page> {
  const page = await context.newPage();
  watch(page, who);
  return page;
}

const editorReady = (page: Page) => page.getByRole("toolbar").first().waitFor({ state: "visible" });

async function typeBody(page: Page, name: string, text: string) {
  const body = page.getByRole("textbox", { name, exact: true });
  await body.click();
  await page.keyboard.press("ControlOrMeta+End");
  await body.pressSequentially(text);
}

type Outcome = "saved" | "conflict";
/**
 * After a click on 保存/Save: "saved" once the unsaved-changes hint is gone and the saved message
 * shows, "conflict" once the conflict panel shows; anything else (an error message, a timeout) throws.
 */
async function saveOutcome(page: Page, lang: "zh" | "en"): Promise<Outcome> {
  const hint = page.getByText(lang === "zh" ? "有未保存的修改" : "Unsaved changes", { exact: true });
  const saved = page.getByText(lang === "zh" ? "已保存。" : "Saved.", { exact: true });
  const conflict = page.getByRole("region", { name: lang === "zh" ? "保存冲突" : "Save conflict" });
  const until = Date.now() + UI_TIMEOUT;
  while (Date.now() < until) {
    if (await conflict.isVisible()) return "conflict";
    if ((await hint.count()) === 0 && (await saved.isVisible())) return "saved";
    const error = page.locator(".form-error, .field-error");
    if (await error.count()) {
      // The conflict message and the conflict panel render together; the panel may have appeared
      // just after the check above.
      if (await conflict.isVisible()) return "conflict";
      throw new Error(`save refused: ${(await error.allInnerTexts()).join(" | ")}`);
    }
    await page.waitForTimeout(50);
  }
  throw new Error("save: no outcome within the timeout");
}

function expectRevision(slug: string, lang: "zh" | "en") {
  const e = tally.expected.get(slug) ?? { zh: 0, en: 0 };
  e[lang] += 1;
  tally.expected.set(slug, e);
  tally.saves += 1;
}

async function saveZh(page: Page, slug: string): Promise<void> {
  await page.getByRole("button", { name: "保存", exact: true }).click();
  if ((await saveOutcome(page, "zh")) !== "saved") throw new Error("unexpected conflict on an uncontended save");
  expectRevision(slug, "zh");
}

export interface Lane {
  name: string;
  owner: Page; // creates, edits, publishes
  rival: Page; // another account, saving the same release at the same moment
  translator: Page;
}

export async function iteration(lane: Lane, base: string, n: number, withConflict: boolean): Promise<string> {
  const slug = `${PREFIX}${lane.name}-${n}`;
  const { owner, rival, translator } = lane;
  // 1. create
  await owner.goto(`${base}/admin/releases/new`);
  await editorReady(owner);
  await owner.getByLabel("标题", { exact: true }).fill(`负载测试稿件 ${lane.name} 第${n}号`);
  await owner.getByLabel("摘要", { exact: true }).fill(`负载测试摘要 ${slug} 初稿`);
  await owner.getByLabel("网址别名", { exact: true }).fill(slug);
  await typeBody(owner, "正文", `负载测试正文第一段，稿件 ${slug}。`);
  await owner.getByRole("button", { name: "保存", exact: true }).click();
  await owner.waitForURL(/\/admin\/releases\/(?!new$)[^/]+$/, { timeout: UI_TIMEOUT });
  expectRevision(slug, "zh");
  const releaseUrl = owner.url();
  // 2. edit and save twice
  await editorReady(owner);
  for (const k of [1, 2]) {
    await owner.getByLabel("摘要", { exact: true }).fill(`负载测试摘要 ${slug} 第${k}次修改`);
    await saveZh(owner, slug);
  }
  // 3. sometimes: both accounts save the same release at once
  if (withConflict) {
    await owner.reload();
    await rival.goto(releaseUrl);
    await Promise.all([editorReady(owner), editorReady(rival)]);
    await owner.getByLabel("摘要", { exact: true }).fill(`负载测试摘要 ${slug} 甲的版本`);
    await rival.getByLabel("摘要", { exact: true }).fill(`负载测试摘要 ${slug} 乙的版本`);
    await Promise.all([
      owner.getByRole("button", { name: "保存", exact: true }).click(),
      rival.getByRole("button", { name: "保存", exact: true }).click(),
    ]);
    const outcomes = await Promise.all([saveOutcome(owner, "zh"), saveOutcome(rival, "zh")]);
    const winners = outcomes.filter((o) => o === "saved").length;
    for (let i = 0; i < winners; i++) expectRevision(slug, "zh");
    if (winners === 2) throw new Error("two saves against the same version both succeeded (lost update)");
    if (winners === 1) {
      tally.conflicts += 1;
      const loser = outcomes[0] === "conflict" ? owner : rival;
      const panel = loser.getByRole("region", { name: "保存冲突" });
      await panel.getByRole("button", { name: "保留我的版本" }).click();
      await panel.waitFor({ state: "detached" }); // gone once the save is answered (ok, or an error)
      if ((await saveOutcome(loser, "zh")) !== "saved") throw new Error("保留我的版本 did not save");
      expectRevision(slug, "zh");
      tally.keptMine += 1;
    } else {
      throw new Error("both concurrent saves reported a conflict");
    }
  }
  // 4. translate (English UI) and mark translated
  await translator.goto(`${releaseUrl}/translate`);
  await editorReady(translator);
  await translator.getByLabel("Title", { exact: true }).fill(`Load test release ${lane.name} no. ${n}`);
  await translator.getByLabel("Summary", { exact: true }).fill(`Load test summary ${slug}`);
  await typeBody(translator, "Body", `Load test body, release ${slug}.`);
  await translator.getByRole("button", { name: "Save", exact: true }).click();
  if ((await saveOutcome(translator, "en")) !== "saved") throw new Error("unexpected conflict on the translation");
  expectRevision(slug, "en");
  await translator.getByRole("button", { name: "Mark as translated", exact: true }).click();
  await translator.getByRole("button", { name: "Confirm", exact: true }).click();
  await translator.getByText("Marked as translated.", { exact: true }).waitFor();
  // 5. publish
  await publishFromUi(owner, releaseUrl);
  tally.publishes += 1;
  tally.published.push(slug);
  return slug;
}

export async function runLane(lane: Lane, base: string, until: number) {
  for (let n = 1; Date.now() < until; n++) {
    try {
      await iteration(lane, base, n, n % 2 === 1);
      tally.iterations += 1;
    } catch (error) {
      const message = `${lane.name} #${n}: ${(error as Error).message.split("\n")[0]}`;
      tally.errors.push(message);
      console.error(`  editor flow failed: ${message}`);
      if (tally.errors.length > 5) return; // something is badly wrong; the checks will fail anyway
    }
  }
}
