import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, expect, test } from "vitest";
import { importTextArchive } from "../../../src/server/ops/text-import";
import { searchPublished, searchWorking } from "../../../src/server/search";
import { resetDb, testDb } from "../../support/db";

// npm run import:text against an archive built here in a temporary directory.

const db = testDb();
const root = mkdtempSync(path.join(tmpdir(), "newsroom-text-"));
const SAMPLE = "/work/shared/samples/cnipa-kipo-video-conference.en.txt";
const EN_SAMPLE = `CNIPA Commissioner Shen Changyu and KIPO Commissioner Park Won-joo Having a Video Conference

On April 9, CNIPA Commissioner Shen Changyu and KIPO Commissioner Park Won-joo had a video conference.

The two sides also exchanged ideas on IP5 cooperation and bilateral cooperation.
`;
const ZH = `国家知识产权局局长申长雨与韩国特许厅厅长朴原住举行视频会议

4月9日，国家知识产权局局长申长雨与韩国特许厅厅长朴原住举行视频会议。

双方还就五局合作和双边合作交换了意见。
`;

let admin: { id: string; role: "ADMIN" };

function archive(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(root, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const cli = (args: string[]) =>
  spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/import-text.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env },
    timeout: 60_000,
  });

beforeEach(async () => {
  await resetDb();
  const user = await db.user.create({
    data: { email: "chief@agency.gov", displayName: "Chief", role: "ADMIN", passwordHash: "-" },
  });
  admin = { id: user.id, role: "ADMIN" };
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

test("pairs zh/en files into releases and reports every skipped file with its reason", async () => {
  const dir = archive("mixed", {
    "cnipa-kipo-video-conference.zh.txt": ZH,
    "Zh Only.zh.txt": "只有中文的新闻稿\n\n正文第一段。\n\n正文第二段。",
    "orphan.en.txt": EN_SAMPLE,
    "empty.zh.txt": "  \n\n",
    "no-title.zh.txt": "\n\n正文。",
    "long-title.zh.txt": `${"长".repeat(201)}\n\n正文。`,
    "bad-bytes.zh.txt": Buffer.from([0xe6, 0x96, 0x0a, 0x0a, 0xff, 0xfe, 0x41]),
    "title-only.zh.txt": "只有标题",
    "notes.txt": "not a release",
    "新闻稿.zh.txt": ZH,
    "dup-name.zh.txt": "重复一\n\n正文。",
    "more/Dup Name.zh.txt": "重复二\n\n正文。",
    "broken-en.zh.txt": "中文完好\n\n正文。",
    "broken-en.en.txt": "",
  });
  // The sample from the brief, copied (the app never reads ../shared); an embedded copy otherwise.
  const en = path.join(dir, "cnipa-kipo-video-conference.en.txt");
  if (existsSync(SAMPLE)) copyFileSync(SAMPLE, en);
  else writeFileSync(en, EN_SAMPLE);

  const progress: number[] = [];
  const report = await importTextArchive(db, dir, { actor: admin, onProgress: (done) => progress.push(done) });

  expect(report.imported).toEqual([
    { slug: "broken-en", languages: ["zh"], status: "DRAFT" },
    { slug: "cnipa-kipo-video-conference", languages: ["zh", "en"], status: "DRAFT" },
    { slug: "dup-name", languages: ["zh"], status: "DRAFT" },
    { slug: "zh-only", languages: ["zh"], status: "DRAFT" },
  ]);
  const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
  expect(reasons).toEqual({
    "notes.txt": "no language in the file name (name it NAME.zh.txt or NAME.en.txt)",
    "orphan.en.txt": "English translation without a Chinese original (orphan.zh.txt)",
    "empty.zh.txt": "empty file",
    "no-title.zh.txt": "no title (the first line must be the title)",
    "long-title.zh.txt": "The title is too long (200 characters at most).",
    "bad-bytes.zh.txt": "not valid UTF-8 text",
    "title-only.zh.txt": "no text after the title",
    "新闻稿.zh.txt": "the file name gives no valid slug (use Latin letters, digits and hyphens)",
    [path.join("more", "Dup Name.zh.txt")]: 'duplicate slug "dup-name"',
    "broken-en.en.txt": "empty file",
  });
  expect(progress.at(-1)).toBe(progress.length - 1);

  // Through the release operations: revisions, audit events, search index, linked translation.
  const release = await db.release.findFirstOrThrow({
    where: { contents: { some: { slug: "cnipa-kipo-video-conference", locale: "zh" } } },
    include: { contents: true, revisions: true },
  });
  const zh = release.contents.find((c) => c.locale === "zh")!;
  const enContent = release.contents.find((c) => c.locale === "en")!;
  expect(zh.title).toBe("国家知识产权局局长申长雨与韩国特许厅厅长朴原住举行视频会议");
  expect(zh.summary).toBe("4月9日，国家知识产权局局长申长雨与韩国特许厅厅长朴原住举行视频会议。");
  expect(enContent.bodyText).toContain("On April 9, CNIPA Commissioner Shen Changyu");
  expect(enContent.sourceFingerprint).toBe(zh.fingerprint);
  expect(release.revisions.map((r) => r.locale).sort()).toEqual(["en", "zh"]);
  expect(release.authorId).toBe(admin.id);
  expect(await db.auditEvent.count({ where: { action: "release.created" } })).toBe(4);
  expect((await searchWorking(db, "朴原住")).total).toBe(1);
});

test("npm run import:text --publish publishes complete pairs at --date; a second run skips them as duplicates", async () => {
  const dir = archive("publish", {
    "video-conference.zh.txt": ZH,
    "video-conference.en.txt": EN_SAMPLE,
    "draft-only.zh.txt": "只有中文\n\n正文。",
  });
  const first = cli([dir, "--publish", "--date", "2020-04-09"]);
  expect(first.status).toBe(0);
  expect(first.stdout).toContain("imported  video-conference (zh+en, published)");
  expect(first.stdout).toContain("imported  draft-only (zh, draft)");
  expect(first.stdout.trim().split("\n").at(-1)).toBe("2 imported, 0 files skipped (as chief@agency.gov).");
  const live = await db.publication.findMany({ where: { slug: "video-conference" } });
  expect(live.map((p) => [p.locale, p.publishedAt.toISOString()]).sort()).toEqual([
    ["en", "2020-04-09T00:00:00.000Z"],
    ["zh", "2020-04-09T00:00:00.000Z"],
  ]);
  expect((await searchPublished(db, "video conference")).total).toBeGreaterThan(0);

  const again = cli([dir]);
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('skipped   video-conference.en.txt: duplicate slug "video-conference"');
  expect(again.stdout.trim().split("\n").at(-1)).toBe("0 imported, 3 files skipped (as chief@agency.gov).");
});

test("bad arguments: one line, non-zero exit, nothing imported", async () => {
  const dir = archive("args", { "a.zh.txt": "标题\n\n正文。" });
  const cases: [string[], number, RegExp][] = [
    [[], 2, /^usage: npm run import:text -- DIR/],
    [[path.join(root, "missing")], 1, /is not a directory\.$/],
    [[dir, "--as", "nobody@agency.gov"], 1, /^No account nobody@agency\.gov\.$/],
    [[dir, "--date", "yesterday"], 1, /^--date yesterday is not a date/],
  ];
  for (const [args, status, message] of cases) {
    const result = cli(args);
    expect(result.status).toBe(status);
    expect(result.stderr.trim()).toMatch(message);
  }
  expect(await db.release.count()).toBe(0);
});
