import { beforeAll, expect, test } from "vitest";
import { seedDemo } from "../../../src/server/seed/demo";
import { verifyPassword } from "../../../src/server/auth/password";
import { resetDb, testDb } from "../../support/db";

const db = testDb();
const now = new Date("2026-06-01T00:00:00Z");

beforeAll(async () => {
  await resetDb();
  expect(await seedDemo(db, "newsroom-demo", now)).toBe(true);
});

test("seeding twice does nothing", async () => {
  expect(await seedDemo(db, "newsroom-demo", now)).toBe(false);
});

test("the sample release is published in both languages, linked, dated 2020-04-09", async () => {
  const live = await db.publication.findMany({ where: { slug: "cnipa-kipo-video-conference" } });
  expect(live.map((p) => p.locale).sort()).toEqual(["en", "zh"]);
  expect(new Set(live.map((p) => p.releaseId)).size).toBe(1);
  expect(live[0]!.publishedAt.toISOString()).toBe("2020-04-09T02:00:00.000Z");
  expect(live.find((p) => p.locale === "en")!.bodyText).toContain("On April 9, CNIPA Commissioner Shen Changyu");
  expect(live.find((p) => p.locale === "zh")!.bodyText).toContain("4月9日，国家知识产权局局长申长雨");
});

test("demo releases cover every workflow situation", async () => {
  const releases = await db.release.findMany({ include: { contents: true, publications: true } });
  const by = (slug: string) => releases.find((r) => r.contents.some((c) => c.locale === "zh" && c.slug === slug))!;
  expect(releases.length).toBeGreaterThanOrEqual(6);
  expect(by("ip-protection-symposium")).toMatchObject({ status: "DRAFT" });
  expect(by("ip-protection-symposium").contents).toHaveLength(1);
  expect(by("china-patent-survey-2019")).toMatchObject({ status: "TRANSLATED" });
  const edited = by("china-eu-ip-working-group");
  const zh = edited.contents.find((c) => c.locale === "zh")!;
  const en = edited.contents.find((c) => c.locale === "en")!;
  expect(edited.status).toBe("PUBLISHED");
  expect(en.sourceFingerprint).not.toBe(zh.fingerprint);
  expect(edited.publications.find((p) => p.locale === "zh")!.summary).not.toBe(zh.summary);
  const embargoed = by("ip5-heads-meeting");
  expect(embargoed.publications[0]!.publishedAt.getTime()).toBeGreaterThan(now.getTime());
  expect(await db.category.count()).toBe(2);
});

test("demo accounts exist with hashed passwords", async () => {
  const users = await db.user.findMany({ orderBy: { email: "asc" } });
  expect(users.map((u) => [u.email, u.role])).toEqual([
    ["admin@example.com", "ADMIN"],
    ["editor@example.com", "EDITOR"],
    ["translator@example.com", "TRANSLATOR"],
  ]);
  for (const u of users) {
    expect(u.passwordHash).not.toContain("newsroom-demo");
    expect(await verifyPassword("newsroom-demo", u.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong", u.passwordHash)).toBe(false);
  }
});
