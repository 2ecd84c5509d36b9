import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, expect, test } from "vitest";
import { textToDoc } from "../../../src/domain/release/content";
import { saveContent } from "../../../src/server/releases/lifecycle";
import { EXPORT_FORMAT } from "../../../src/server/ops/export-format";
import { exportContent, importContent, parseExport } from "../../../src/server/ops/export";
import { searchPublished, searchWorking } from "../../../src/server/search";
import { seedDemo } from "../../../src/server/seed/demo";
import { resetDb, testDb } from "../../support/db";

// Export → empty database → import → export again gives the same JSON, on SQLite and PostgreSQL
// (the "fresh database" is the suite's database after resetDb).

const db = testDb();
const dir = mkdtempSync(path.join(tmpdir(), "newsroom-export-"));
const now = new Date("2026-06-01T00:00:00Z");

const cli = (script: string, args: string[]) =>
  spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", `scripts/${script}`, ...args], {
    encoding: "utf8",
    env: { ...process.env },
    timeout: 60_000,
  });

async function seedWithEdits() {
  await seedDemo(db, "newsroom-demo", now);
  const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
  const draft = await db.release.findFirstOrThrow({ where: { status: "DRAFT" }, include: { contents: true } });
  const zh = draft.contents.find((c) => c.locale === "zh")!;
  let version = draft.version;
  for (const extra of ["第一次修改。", "第二次修改。"]) {
    const body = JSON.stringify(textToDoc(`${zh.bodyText}\n\n${extra}`));
    const saved = await saveContent(db, { id: editor.id, role: "EDITOR" }, draft.id, "zh", { ...zh, body }, version);
    if (!saved.ok) throw new Error(saved.code);
    version = saved.value.version;
  }
}

const withoutStamp = (data: { exportedAt: string }) => ({ ...data, exportedAt: "-" });
const roundTrip = (data: unknown) => parseExport(JSON.stringify(data));

beforeEach(async () => {
  await resetDb();
  await seedWithEdits();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("export → import into an empty database → export again is identical; search works after import", async () => {
  const first = await exportContent(db);
  expect(first.format).toBe(EXPORT_FORMAT);
  expect(first.releases.some((r) => r.revisions.filter((v) => v.locale === "zh").length >= 3)).toBe(true);
  expect(first.users.every((u) => u.passwordHash.length > 20)).toBe(true);
  expect(first.glossary.map((g) => g.term)).toContain("国家知识产权局");
  // The press contacts, the contacts a release names and the live snapshot of them travel too.
  expect(first.pressContacts).toHaveLength(2);
  expect(first.releases.some((r) => r.contacts.length === 2)).toBe(true);
  expect(first.releases.flatMap((r) => r.publications).some((p) => p.contacts.includes("Wang Xiaoming"))).toBe(true);

  await resetDb();
  const report = await importContent(db, roundTrip(first));
  expect(report).toMatchObject({ users: 3, categories: 2, releases: first.releases.length });
  expect(report.searchDocuments).toBeGreaterThan(0);

  const second = await exportContent(db);
  expect(JSON.parse(JSON.stringify(withoutStamp(second)))).toEqual(JSON.parse(JSON.stringify(withoutStamp(first))));
  expect((await searchPublished(db, "知识产权", { now })).total).toBeGreaterThan(0);
  expect((await searchWorking(db, "第二次修改")).total).toBe(1);
  // The translation memory is rebuilt from the live snapshots.
  expect(await db.tmUnit.count()).toBeGreaterThan(0);
});

test("import refuses a non-empty database and invalid files, changing nothing", async () => {
  const data = await exportContent(db);
  await expect(importContent(db, roundTrip(data))).rejects.toThrow(/The database is not empty/);

  expect(() => parseExport("{")).toThrow(/Not a JSON file/);
  expect(() => parseExport(JSON.stringify({ format: "other" }))).toThrow(/Not a Newsroom export/);
  expect(() => parseExport(JSON.stringify({ ...data, version: 4 }))).toThrow(/Unsupported export version 4/);
  const dangling = { ...data, users: data.users.filter((u) => u.email !== "editor@example.com") };
  expect(() => parseExport(JSON.stringify(dangling))).toThrow(/release \S+ → authorId: refers to a missing user/);

  // A duplicate slug passes the schema but breaks a unique index: the whole import rolls back.
  await resetDb();
  const [a, b] = data.releases.filter((r) => r.contents.length > 0);
  const clash = structuredClone(data);
  clash.releases.find((r) => r.id === b!.id)!.contents[0]!.slug = a!.contents[0]!.slug;
  await expect(importContent(db, roundTrip(clash))).rejects.toThrow(/duplicate values.*nothing was imported/);
  expect(await db.user.count()).toBe(0);
  expect(await db.release.count()).toBe(0);
});

test(
  "import validates every record like the app's forms do, naming the record; nothing is written",
  { timeout: 120_000 },
  async () => {
    const data = JSON.parse(JSON.stringify(await exportContent(db)));
    const releaseId: string = data.releases.find((r: { contents: unknown[] }) => r.contents.length === 2).id;
    // The records a case spoils, inside a fresh copy of the export.
    const records = (d: typeof data) => {
      const release = d.releases.find((r: { id: string }) => r.id === releaseId);
      return { d, user: d.users[0], release, zh: release.contents.find((c: { locale: string }) => c.locale === "zh") };
    };
    const { user, zh } = records(data);
    const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
    const cases: [string, (r: ReturnType<typeof records>) => void, RegExp][] = [
      [
        "weaker scrypt parameters",
        (r) => (r.user.passwordHash = r.user.passwordHash.replace("$32768$", "$1024$")),
        new RegExp(`user ${user.id} → passwordHash: is not a scrypt hash with this app's parameters`),
      ],
      ["a password in clear", (r) => (r.user.passwordHash = "hunter2"), /passwordHash: is not a scrypt hash/],
      ["an upper-case email", (r) => (r.user.email = "Admin@Example.com"), /email: must be a valid lower-case email/],
      ["an empty name", (r) => (r.user.displayName = " "), /displayName: must not be empty/],
      [
        "a path as slug",
        (r) => (r.zh.slug = "../../etc/passwd"),
        new RegExp(`release ${releaseId} → working copy ${zh.id} zh → slug: must be a slug`),
      ],
      [
        "an unknown node in a body",
        (r) => (r.zh.body = JSON.stringify({ type: "doc", content: [{ type: "html", content: [] }] })),
        /working copy .* zh → body: body holds content the editor does not support \(html in block 1\)/,
      ],
      [
        "text outside paragraphs",
        (r) => (r.zh.body = JSON.stringify({ type: "doc", content: [paragraph("ok"), { type: "text", text: "x" }] })),
        /body holds content the editor does not support \(text in block 2\)/,
      ],
      ["a body that is not a document", (r) => (r.zh.body = "<p>hi</p>"), /body: body is not a tiptap document/],
      [
        "a title of 10,000 characters",
        (r) => (r.zh.title = "x".repeat(10_000)),
        /title: must be at most 200 characters/,
      ],
      ["a version as text", (r) => (r.release.version = "2"), new RegExp(`release ${releaseId} → version: `)],
      [
        "an audit detail of 1 MB",
        (r) => (r.d.auditEvents[0].detail = "x".repeat(1 << 20)),
        /audit event \S+ → detail: must be at most 10000 characters/,
      ],
    ];
    for (const [name, spoil, message] of cases) {
      const copy = records(structuredClone(data));
      spoil(copy);
      expect(() => parseExport(JSON.stringify(copy.d)), name).toThrow(message);
    }

    // Through the command: one clear line naming the record, and the empty database stays empty.
    await resetDb();
    const bad = records(structuredClone(data));
    bad.user.passwordHash = "scrypt$1048576$8$1$c2FsdA==$aGFzaA==";
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(bad.d));
    const refused = cli("import.ts", [file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      new RegExp(`^Invalid export, nothing was imported: user ${user.id} → passwordHash`),
    );
    expect(await db.user.count()).toBe(0);
    expect(await db.release.count()).toBe(0);

    // Lone surrogates are made well-formed, like every input of the app.
    const odd = records(structuredClone(data));
    odd.zh.title = "标题\uD800";
    const imported = await importContent(db, parseExport(JSON.stringify(odd.d)));
    expect(imported.releases).toBe(data.releases.length);
    const stored = await db.releaseContent.findUniqueOrThrow({ where: { id: zh.id } });
    expect(stored.title).toBe("标题\uFFFD");
  },
);

test(
  "npm run export writes a private file that npm run import loads into an empty database only",
  { timeout: 120_000 },
  async () => {
    const file = path.join(dir, "out", "export.json");
    const exported = cli("export.ts", ["--out", file]);
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(
      /^Exported \d+ releases, \d+ revisions, 3 accounts, \d+ audit events, 0 images, 2 press-kit files \(4 files, \d+(\.\d)? KB, not included\) to .*export\.json/,
    );
    expect(JSON.parse(readFileSync(file, "utf8")).format).toBe(EXPORT_FORMAT);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const refused = cli("import.ts", [file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^The database is not empty/);

    await resetDb(); // the media store too: the demo's press-kit files are not in a .json export
    const imported = cli("import.ts", [file, "--allow-missing-media"]);
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^Imported \d+ releases, .* search index rebuilt \(\d+ documents\)/);
    expect(await db.user.count()).toBe(3);

    const usage = cli("import.ts", []);
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim()).toBe("usage: npm run import -- FILE [--allow-missing-media]");
  },
);
