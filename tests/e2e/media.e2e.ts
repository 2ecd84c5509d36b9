import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO, editorReady, signedInPage, runWorkflowButton } from "./support";

// Images in releases: an editor uploads one from the editor with alt texts in both languages and
// inserts it; it stays private until published; the translator inserts it in the English; after
// publishing, readers get an <img> with alt and srcset, and the file itself.

const SLUG = `e2e-media-${Date.now().toString(36)}`;
const ALT_ZH = "端到端测试发布会现场照片";
const ALT_EN = "Photo of the end-to-end test press conference";

async function typeBody(page: Page, name: string, text: string) {
  const body = page.getByRole("textbox", { name });
  await body.click();
  await body.pressSequentially(text);
}

test("upload from the editor, private until published, then served with alt and srcset", async ({ browser }) => {
  test.setTimeout(120_000);
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3a7" } })
    .png()
    .toBuffer();
  const editor = await signedInPage(browser, DEMO.editor);
  await editor.getByRole("link", { name: "新建稿件" }).click();
  await editorReady(editor);
  await editor.getByLabel("标题").fill("媒体库端到端测试稿件");
  await editor.getByLabel("摘要").fill("带图片的测试稿件。");
  await editor.getByLabel("网址别名").fill(SLUG);
  await typeBody(editor, "正文", "第一段：请看下图。");

  // A text file named .jpg is refused with a localized message; the alt texts typed stay.
  await editor.getByRole("button", { name: "图片", exact: true }).click();
  const dialog = editor.getByRole("dialog", { name: "插入图片" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/图片文件/).setInputFiles({
    name: "photo.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("This is plain text, not a photo."),
  });
  await dialog.getByLabel("替代文本（中文，必填）").fill(ALT_ZH);
  await dialog.getByLabel("替代文本（英文）").fill(ALT_EN);
  await dialog.getByRole("button", { name: "上传" }).click();
  await expect(dialog.getByText("该文件不是图片。")).toBeVisible();
  await expect(dialog.getByLabel("替代文本（中文，必填）")).toHaveValue(ALT_ZH);
  await expect(dialog.getByLabel("替代文本（英文）")).toHaveValue(ALT_EN);

  // The real image uploads; its Chinese alt text is proposed for this Chinese document.
  await dialog.getByLabel(/图片文件/).setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: png });
  await dialog.getByRole("button", { name: "上传" }).click();
  await expect(dialog.getByText("图片已上传。")).toBeVisible();
  await expect(dialog.getByLabel("本中文稿件中的替代文本")).toHaveValue(ALT_ZH);
  await dialog.getByRole("button", { name: "插入" }).click();
  await expect(dialog).toBeHidden();
  const inEditor = editor.locator(".prose-editor img");
  await expect(inEditor).toHaveAttribute("alt", ALT_ZH);
  const src = (await inEditor.getAttribute("src"))!;
  expect(src).toMatch(/^\/media\/[a-f0-9]{24}\/original\.png$/);
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor).toHaveURL(/\/admin\/releases\/(?!new$)[^/]+$/);
  const releaseUrl = editor.url();

  // Not published yet: anonymous readers cannot fetch it; staff can, privately.
  const reader = await (await browser.newContext()).newPage();
  expect((await reader.request.get(src)).status()).toBe(404);
  expect((await reader.request.get(src.replace("original.png", "w480.webp"))).status()).toBe(404);
  const staff = await editor.request.get(src);
  expect(staff.status()).toBe(200);
  expect(staff.headers()["cache-control"]).toBe("private, no-store");

  // The translator picks the same image from the library; its English alt text is proposed.
  const translator = await signedInPage(browser, DEMO.translator);
  await translator.goto(`${releaseUrl}/translate`);
  await editorReady(translator);
  await translator.getByLabel("Title").fill("Media library end-to-end test release");
  await translator.getByLabel("Summary").fill("A test release with an image.");
  await typeBody(translator, "Body", "Paragraph one: see the picture below.");
  await translator.getByRole("button", { name: "Image", exact: true }).click();
  const picker = translator.getByRole("dialog", { name: "Insert an image" });
  await picker.getByRole("button", { name: ALT_ZH }).click();
  await expect(picker.getByLabel("Alt text in this English document")).toHaveValue(ALT_EN);
  await picker.getByRole("button", { name: "Insert" }).click();
  await expect(translator.locator(".prose-editor img")).toHaveAttribute("alt", ALT_EN);
  await translator.getByRole("button", { name: "Save" }).click();
  await expect(translator.getByText("Saved.", { exact: true })).toBeVisible();
  await runWorkflowButton(translator, "Mark as translated", "Marked as translated.");

  await editor.reload();
  await runWorkflowButton(editor, "发布", "已发布。");

  // Readers see the image with alt, size and srcset in both languages, and may fetch it.
  await reader.goto(`/zh/news/${SLUG}`);
  const zhImg = reader.locator(".article-body img");
  await expect(zhImg).toHaveAttribute("alt", ALT_ZH);
  await expect(zhImg).toHaveAttribute("src", src);
  await expect(zhImg).toHaveAttribute("width", "1200");
  await expect(zhImg).toHaveAttribute("height", "800");
  await expect(zhImg).toHaveAttribute("loading", "lazy");
  await expect(zhImg).toHaveAttribute("srcset", /w480\.webp 480w, .*w960\.webp 960w, .*original\.png 1200w/);
  await expect.poll(() => zhImg.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await reader.goto(`/en/news/${SLUG}`);
  await expect(reader.locator(".article-body img")).toHaveAttribute("alt", ALT_EN);
  const file = await reader.request.get(src);
  expect(file.status()).toBe(200);
  expect(file.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(file.headers()["content-type"]).toBe("image/png");

  // The library lists it as used by this release.
  await editor.goto("/admin/media");
  const row = editor.getByRole("row").filter({ hasText: ALT_ZH });
  await expect(row).toContainText("媒体库端到端测试稿件");
  await editor.goto("/admin/media?filter=unused");
  await expect(editor.getByRole("row").filter({ hasText: ALT_ZH })).toHaveCount(0);
});

test("the media library: unused images can be listed and deleted after confirmation", async ({ browser }) => {
  const page = await signedInPage(browser, DEMO.admin);
  await page.goto("/admin/media");
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#a33" } })
    .jpeg()
    .toBuffer();
  await page.getByLabel(/图片文件/).setInputFiles({ name: "spare.jpg", mimeType: "image/jpeg", buffer: jpeg });
  await page.getByLabel("替代文本（中文，必填）").fill("备用图片");
  await page.getByRole("button", { name: "上传" }).click();
  await expect(page.getByText("图片已上传。")).toBeVisible();
  await page.getByRole("link", { name: "未使用的媒体" }).click();
  const row = page.getByRole("row").filter({ hasText: "备用图片" });
  await expect(row).toContainText("未使用");
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "删除图片：备用图片" }).click();
  await expect(page.getByRole("row").filter({ hasText: "备用图片" })).toHaveCount(0);
});
