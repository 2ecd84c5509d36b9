import { expect, test, type Page } from "@playwright/test";
import { DEMO, editorReady, openRelease, signIn } from "./support";

// Unsaved local drafts belong to the user who typed them (docs/SECURITY.md, "Local drafts"), in one
// browser shared by two people: B is never offered A's text; signing out deletes A's drafts (after
// asking); a session that merely ends keeps them for A alone.

const RELEASE = "国家知识产权局召开知识产权保护工作座谈会";
const OFFER = /^(恢复本地草稿|Restore local draft)$/;
const SUMMARY = /^(摘要|Summary)$/;

async function typeDraft(page: Page, text: string) {
  await openRelease(page, RELEASE);
  await editorReady(page);
  await page.getByLabel(SUMMARY).fill(text);
  await page.waitForTimeout(800); // the autosave is debounced
}

const storedText = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .map((k) => `${k}=${localStorage.getItem(k)}`)
      .join("\n"),
  );

async function expectNoOffer(page: Page, secret: string) {
  await openRelease(page, RELEASE);
  await editorReady(page);
  await page.waitForTimeout(300);
  await expect(page.getByRole("button", { name: OFFER })).toHaveCount(0);
  await expect(page.getByLabel(SUMMARY)).not.toHaveValue(secret);
  expect(await page.content()).not.toContain(secret);
}

test("signing out deletes A's local draft; B on the same browser is never offered it", async ({ page }) => {
  const secret = "甲未保存的草稿：机密内容";
  await signIn(page, DEMO.editor);
  await typeDraft(page, secret);
  expect(await storedText(page)).toContain(secret);

  const asked: string[] = [];
  page.once("dialog", (d) => (asked.push(d.message()), void d.accept()));
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  expect(asked).toEqual(["此电脑上有未保存的本地草稿，退出登录将删除它们。仍要退出吗？"]);
  expect(await storedText(page)).not.toContain(secret);

  await signIn(page, DEMO.admin);
  await expectNoOffer(page, secret);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  // A gets it back neither: signing out was the choice to discard it (and A was asked).
  await signIn(page, DEMO.editor);
  await expectNoOffer(page, secret);
});

test("a session that ends without signing out keeps the draft for A only", async ({ page, context }) => {
  const secret = "甲的会话过期前输入的摘要";
  await signIn(page, DEMO.editor);
  await typeDraft(page, secret);
  await context.clearCookies(); // the session ends (expiry, revoked) without the sign-out button

  await signIn(page, DEMO.translator);
  await expectNoOffer(page, secret);
  await context.clearCookies();

  await signIn(page, DEMO.editor);
  await openRelease(page, RELEASE);
  await editorReady(page);
  await page.getByRole("button", { name: OFFER }).click();
  await expect(page.getByLabel(SUMMARY)).toHaveValue(secret);
});
