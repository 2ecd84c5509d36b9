import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

test.describe("each demo user sees what their role allows", () => {
  test("admin: users page, audit log, new release", async ({ page }) => {
    await signIn(page, DEMO.admin);
    const nav = page.getByRole("navigation", { name: "后台导航" });
    await expect(page.getByText("当前用户：管理员 Admin（管理员）")).toBeVisible();
    await expect(nav.getByRole("link", { name: "用户" })).toBeVisible();
    await expect(page.getByRole("link", { name: "新建稿件" })).toBeVisible();
    await nav.getByRole("link", { name: "用户" }).click();
    await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "translator@example.com", exact: true })).toBeVisible();
  });

  test("editor: new release and audit, no user administration", async ({ page }) => {
    await signIn(page, DEMO.editor);
    await expect(page.getByRole("link", { name: "新建稿件" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "用户" })).toHaveCount(0);
    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(404);
  });

  test("translator: English interface, no new release, no users, no audit", async ({ page }) => {
    await signIn(page, DEMO.translator);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText("Signed in as 译员 Translator (Translator)")).toBeVisible();
    await expect(page.getByRole("link", { name: "New release" })).toHaveCount(0);
    for (const path of ["/admin/users", "/admin/audit", "/admin/releases/new"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });
});

test("signed-out visitors are sent to the sign-in page", async ({ page }) => {
  await page.goto("/admin/releases");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
});

test("a wrong password shows the error in the interface language", async ({ page }) => {
  await page.goto("/admin/login");
  await page.getByLabel("邮箱").fill(DEMO.translator);
  await page.getByLabel("密码").fill("not the password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("status")).toContainText("邮箱或密码不正确。");
  await expect(page.getByLabel("邮箱")).toHaveValue(DEMO.translator); // what was typed is kept

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).toContainText("Incorrect email or password.");
});

test("the session cookie is httpOnly and SameSite=Lax, and sign-out ends the session on the server", async ({
  page,
  context,
}) => {
  await signIn(page, DEMO.editor);
  const cookie = (await context.cookies()).find((c) => c.name === "newsroom_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const stolen = cookie!.value;

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);

  // Replaying the old cookie does not bring the session back: it was revoked server-side.
  await context.addCookies([{ ...cookie!, value: stolen }]);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test("an admin creates a user who can then sign in", async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "新建用户" }) });
  await form.getByLabel("邮箱").fill("new.translator@example.com");
  await form.getByLabel("姓名").fill("New Translator");
  await form.getByLabel("角色").selectOption("TRANSLATOR");
  await form.getByLabel("初始密码").fill("short");
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form.getByText("密码至少 10 个字符。")).toBeVisible();
  await expect(form.getByLabel("邮箱")).toHaveValue("new.translator@example.com");
  await form.getByLabel("初始密码").fill("a long initial password");
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText("用户已创建。")).toBeVisible();
  await expect(page.getByRole("cell", { name: "new.translator@example.com", exact: true })).toBeVisible();

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto("/admin/login");
  await p2.getByLabel("邮箱").fill("new.translator@example.com");
  await p2.getByLabel("密码").fill("a long initial password");
  await p2.getByRole("button", { name: "登录" }).click();
  await expect(p2).toHaveURL(/\/admin$/);
  await other.close();
});
