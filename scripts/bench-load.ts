// `npm run bench:load [-- --duration 30 --connections 20]`: a bounded load test on loopback. The
// production server (`node scripts/start.mjs`, what `npm start` runs: built if needed) on a fresh
// database in a temp dir; for a fixed duration, autocannon readers hit a mix of public URLs while
// headless chromium pages sign in and write through the real admin UI: create releases, edit them,
// save the same release from two accounts at once (a version conflict, then "保留我的版本"),
// translate and publish. At the end it checks: no 5xx for readers, no server error in the editors'
// flows, one revision per successful content save (none lost, none duplicated, numbers 1..n per
// language), and every publish live in both languages and listed. Exit status 1 if a check fails.
//
// SQLite by default (demo seed). With TEST_DATABASE_URL=postgresql://… that database is wiped,
// migrated, and the three accounts are created with `npm run user:create`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannonUntyped from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { CHROMIUM } from "./lib/chromium";
import { freePort, waitFor } from "./lib/net";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "20" },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
if (!(DURATION > 0) || !(CONNECTIONS > 0)) throw new Error("--duration and --connections must be positive numbers");
const PASSWORD = process.env.DEMO_PASSWORD || "bench-load-password";
const PG_URL = process.env.TEST_DATABASE_URL;
const ENGINE = PG_URL ? "postgresql" : "sqlite";
const RUN = Date.now().toString(36);
const PREFIX = `load-${RUN}-`;
const UI_TIMEOUT = 30_000;
const USERS = {
  admin: { email: "admin@example.com", name: "Load Admin", role: "admin", locale: "zh" },
  editor: { email: "editor@example.com", name: "Load Editor", role: "editor", locale: "zh" },
  translator: { email: "translator@example.com", name: "Load Translator", role: "translator", locale: "en" },
} as const;

// ---- autocannon (the shared ambient types in scripts/autocannon.d.ts cover less than we use) ----
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  /** seconds */
  duration: number;
}
const autocannon = autocannonUntyped as unknown as (
  options: {
    url: string;
    connections: number;
    duration: number;
    pipelining: number;
    requests: { method: "GET"; path: string }[];
  },
  done: (error: Error | null, result: CannonResult) => void,
) => { stop: () => void };

/** Readers until `stop()` (or `maxSeconds`), then autocannon's result. */
function readersUntilStopped(base: string, paths: string[], maxSeconds: number) {
  let tracker: { stop: () => void } | undefined;
  const result = new Promise<CannonResult>((resolve, reject) => {
    tracker = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: maxSeconds,
        pipelining: 1,
        requests: paths.map((p) => ({ method: "GET", path: p })),
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
  });
  return { result, stop: () => tracker!.stop() };
}

// ---- process helpers ----
async function preparePostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
  for (const u of Object.values(USERS)) {
    const r = spawnSync(
      "npm",
      [
        "run",
        "--silent",
        "user:create",
        "--",
        "--email",
        u.email,
        "--name",
        u.name,
        "--role",
        u.role,
        "--locale",
        u.locale,
        "--password-stdin",
      ],
      { input: PASSWORD, env: { ...process.env, DATABASE_URL: url }, stdio: ["pipe", "inherit", "inherit"] },
    );
    if (r.status !== 0) throw new Error(`user:create ${u.email} failed`);
  }
}

// ---- the editors ----
interface Tally {
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
const tally: Tally = {
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

async function signIn(context: BrowserContext, base: string, email: string, who: string): Promise<Page> {
  const page = await context.newPage();
  watch(page, who);
  await page.goto(`${base}/admin/login`);
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(PASSWORD);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL(/\/admin$/);
  return page;
}

async function newPage(context: BrowserContext, who: string): Promise<Page> {
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

interface Lane {
  name: string;
  owner: Page; // creates, edits, publishes
  rival: Page; // another account, saving the same release at the same moment
  translator: Page;
}

async function iteration(lane: Lane, base: string, n: number, withConflict: boolean): Promise<string> {
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
  await owner.goto(releaseUrl);
  await owner.getByRole("button", { name: "发布", exact: true }).click();
  await owner.getByRole("button", { name: "确认", exact: true }).click();
  await owner.getByText("已发布。", { exact: true }).waitFor();
  tally.publishes += 1;
  tally.published.push(slug);
  return slug;
}

async function runLane(lane: Lane, base: string, until: number) {
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

// ---- verification ----
async function dbRevisions(url: string): Promise<{ slug: string; locale: string; number: number }[]> {
  const sql = `SELECT c."slug" AS slug, r."locale" AS locale, r."number" AS number
    FROM "Revision" r JOIN "ReleaseContent" c ON c."releaseId" = r."releaseId" AND c."locale" = 'zh'
    WHERE c."slug" LIKE '${PREFIX}%' ORDER BY 1, 2, 3`;
  if (url.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET default_transaction_read_only = on");
      return (await client.query<{ slug: string; locale: string; number: number }>(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(url.replace(/^file:/, ""), { readonly: true });
  try {
    return db.prepare(sql).all() as { slug: string; locale: string; number: number }[];
  } finally {
    db.close();
  }
}

async function listedSlugs(base: string): Promise<Set<string>> {
  const found = new Set<string>();
  const collect = (html: string) => {
    for (const m of html.matchAll(/\/zh\/news\/([a-z0-9-]+)/g)) found.add(m[1]!);
  };
  collect(await (await fetch(`${base}/zh/feed.xml`)).text());
  for (let p = 1; p <= 100; p++) {
    const res = await fetch(p === 1 ? `${base}/zh/news` : `${base}/zh/news/page/${p}`);
    if (res.status === 404) break;
    if (!res.ok) throw new Error(`/zh/news page ${p}: ${res.status}`);
    collect(await res.text());
  }
  return found;
}

// ---- main ----
async function main(): Promise<boolean> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-load-"));
  const dbUrl = PG_URL ?? `file:${path.join(dir, "newsroom.db")}`;
  const logFile = path.join(dir, "server.log");
  let app: ChildProcess | undefined;
  let browser: Browser | undefined;
  let exited = false;
  const stop = () => {
    if (app && !exited) {
      try {
        process.kill(-app.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stop();
      rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  }
  const checks: [string, boolean, string][] = [];
  try {
    if (PG_URL) {
      console.log("PostgreSQL: wiping and migrating TEST_DATABASE_URL, creating the accounts…");
      await preparePostgres(PG_URL);
    }
    const log = createWriteStream(logFile);
    app = spawn("node", ["scripts/start.mjs"], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: dbUrl,
        MEDIA_DIR: path.join(dir, "media"),
        MEDIA_CACHE_DIR: path.join(dir, "media-cache"),
        SITE_URL: base,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DEMO_PASSWORD: PASSWORD,
      },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true, // own process group: the whole tree stops with it
    });
    app.stdout!.pipe(log);
    app.on("exit", () => (exited = true));
    console.log(`Starting the app on ${base} (${ENGINE}; builds first if the sources changed)…`);
    await waitFor(`${base}/api/health`, () => !exited);

    browser = await chromium.launch(CHROMIUM);
    const contexts = {
      editor: await browser.newContext(),
      admin: await browser.newContext(),
      translator: await browser.newContext(),
    };
    const editor1 = await signIn(contexts.editor, base, USERS.editor.email, "editor");
    const admin1 = await signIn(contexts.admin, base, USERS.admin.email, "admin");
    const translator1 = await signIn(contexts.translator, base, USERS.translator.email, "translator");
    const lanes: Lane[] = [
      { name: "ed", owner: editor1, rival: await newPage(contexts.admin, "admin"), translator: translator1 },
      {
        name: "ad",
        owner: admin1,
        rival: await newPage(contexts.editor, "editor"),
        translator: await newPage(contexts.translator, "translator"),
      },
    ];

    // Articles for the readers: the live releases (on an empty PostgreSQL, publish one first).
    // Their article URLs in both languages (the API's `urls`; a release may be live in one only).
    const liveArticles = async () => {
      const list = (await (await fetch(`${base}/api/v1/releases?locale=zh`)).json()) as {
        data: { urls: Record<string, string> }[];
      };
      return list.data.slice(0, 4).flatMap((d) => Object.values(d.urls).map((u) => new URL(u).pathname));
    };
    let articles = await liveArticles();
    if (articles.length === 0) {
      console.log("No live release yet: publishing one through the UI before the readers start…");
      await iteration(lanes[0]!, base, 0, false);
      articles = await liveArticles();
    }
    const paths = [
      "/zh",
      "/en",
      "/zh/news",
      "/en/news",
      ...articles,
      "/zh/feed.xml",
      "/en/atom.xml",
      "/api/v1/releases?locale=zh",
      "/api/v1/releases?locale=en",
      `/zh/search?q=${encodeURIComponent("知识产权")}`,
      "/en/search?q=patent",
    ];
    const editorsBefore = { saves: tally.saves, publishes: tally.publishes };

    console.log(
      `Load: ${DURATION} s; readers: autocannon, ${CONNECTIONS} connections over ${paths.length} URLs; editors: ${lanes.length} lanes (editor, admin, translator) in chromium`,
    );
    const until = Date.now() + DURATION * 1000;
    const started = Date.now();
    // Editors start iterations for DURATION seconds and finish the one they are in; the readers run
    // until the last editor is done (bounded: at most DURATION + 90 s).
    const load = readersUntilStopped(base, paths, DURATION + 90);
    await Promise.all(lanes.map((lane) => runLane(lane, base, until)));
    const editorsSeconds = (Date.now() - started) / 1000;
    load.stop();
    const readers = await load.result;

    // (3) every publish live in both languages and listed, asked of the running server
    const missing: string[] = [];
    for (const slug of tally.published) {
      for (const lang of ["zh", "en"]) {
        const status = (await fetch(`${base}/${lang}/news/${slug}`)).status;
        if (status !== 200) missing.push(`/${lang}/news/${slug} → ${status}`);
      }
    }
    const listed = await listedSlugs(base);
    const unlisted = tally.published.filter((s) => !listed.has(s));

    // stop the server before reading the database
    await browser.close();
    browser = undefined;
    stop();
    const deadline = Date.now() + 15_000;
    while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (!exited) process.kill(-app.pid!, "SIGKILL");

    // (2) revisions
    const rows = await dbRevisions(dbUrl);
    const revisionProblems: string[] = [];
    const slugs = new Set([...tally.expected.keys(), ...rows.map((r) => r.slug)]);
    let revisionsInDb = 0;
    for (const slug of slugs) {
      for (const lang of ["zh", "en"] as const) {
        const numbers = rows.filter((r) => r.slug === slug && r.locale === lang).map((r) => Number(r.number));
        revisionsInDb += numbers.length;
        const want = tally.expected.get(slug)?.[lang] ?? 0;
        if (numbers.length !== want)
          revisionProblems.push(`${slug} ${lang}: ${numbers.length} revisions, ${want} saves`);
        if (numbers.some((v, i) => v !== i + 1)) revisionProblems.push(`${slug} ${lang}: numbers ${numbers.join(",")}`);
      }
    }

    // (1) status codes
    const logLines = readFileSync(logFile, "utf8").split("\n");
    const server5xx = logLines.filter((l) => /"status":5\d\d/.test(l)).length;
    const serverErrorLogs = logLines.filter((l) => /"level":"(error|fatal)"/.test(l)).length;
    const codes = Object.entries(readers.statusCodeStats).sort(([a], [b]) => a.localeCompare(b));
    const reader5xx = codes.filter(([c]) => c.startsWith("5")).reduce((n, [, s]) => n + s.count, 0);
    const non2xx = codes.filter(([c]) => !c.startsWith("2")).map(([c, s]) => `${c}: ${s.count}`);

    checks.push(
      [
        "readers: no 5xx, no socket errors",
        reader5xx === 0 && readers.errors === 0 && readers.timeouts === 0,
        `5xx ${reader5xx}, errors ${readers.errors}, timeouts ${readers.timeouts}`,
      ],
      [
        "editors: no server error (5xx response)",
        tally.serverErrors.length === 0,
        tally.serverErrors.slice(0, 5).join("; ") || "none",
      ],
      ["editors: every flow completed", tally.errors.length === 0, tally.errors.slice(0, 5).join("; ") || "none"],
      [
        "server log: no 5xx, no error lines",
        server5xx === 0 && serverErrorLogs === 0,
        `5xx ${server5xx}, error lines ${serverErrorLogs}`,
      ],
      [
        "editors: at least one publish during the load",
        tally.publishes > editorsBefore.publishes,
        `${tally.publishes - editorsBefore.publishes}`,
      ],
      [
        "revisions = successful saves, numbered 1..n",
        revisionProblems.length === 0,
        revisionProblems.slice(0, 5).join("; ") || `${revisionsInDb} revisions for ${tally.saves} saves`,
      ],
      [
        "every publish answers 200 in zh and en",
        missing.length === 0,
        missing.slice(0, 5).join("; ") || `${tally.published.length * 2} pages`,
      ],
      [
        "every publish listed (/zh/news or feed)",
        unlisted.length === 0,
        unlisted.slice(0, 5).join("; ") || `${tally.published.length} releases`,
      ],
    );

    const pad = (s: string) => s.padEnd(46);
    console.log(
      `\nLoad test summary (${ENGINE}, loopback; editors started iterations for ${DURATION} s and finished at ${editorsSeconds.toFixed(1)} s; readers ran ${readers.duration.toFixed(1)} s)`,
    );
    console.log(`${pad("reader requests/s (average)")}${readers.requests.average.toFixed(0)}`);
    console.log(
      `${pad("reader latency p50 / p99 / max")}${readers.latency.p50} / ${readers.latency.p99} / ${readers.latency.max} ms`,
    );
    console.log(`${pad("reader requests (total)")}${readers.requests.total}`);
    console.log(`${pad("reader status codes")}${codes.map(([c, s]) => `${c}: ${s.count}`).join(", ")}`);
    console.log(`${pad("reader non-2xx")}${non2xx.join(", ") || "none"}`);
    console.log(`${pad("editor iterations completed")}${tally.iterations}`);
    console.log(`${pad("editor saves (successful)")}${tally.saves}`);
    console.log(`${pad("publishes")}${tally.publishes}`);
    console.log(`${pad("conflicts (then 保留我的版本 ok)")}${tally.conflicts} (${tally.keptMine})`);
    console.log(`${pad("releases touched")}${tally.expected.size}`);
    console.log(`${pad("revisions in the database")}${revisionsInDb}`);
    console.log("\nChecks");
    for (const [name, ok, detail] of checks) console.log(`  ${ok ? "PASS" : "FAIL"}  ${pad(name)}${detail}`);
  } finally {
    await browser?.close().catch(() => undefined);
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return checks.length > 0 && checks.every(([, ok]) => ok);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
