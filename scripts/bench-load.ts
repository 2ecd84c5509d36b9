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
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { CONNECTIONS, DURATION, ENGINE, PASSWORD, PG_URL, USERS } from "./bench/load-config";
import { dbRevisions, listedSlugs, preparePostgres } from "./bench/load-db";
import { iteration, newPage, runLane, signIn, tally, type Lane } from "./bench/load-editors";
import { readersUntilStopped } from "./bench/load-readers";
import { CHROMIUM } from "./lib/chromium";
import { freePort, waitFor } from "./lib/net";
import { startArgs } from "./lib/server-command";

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
    app = spawn("node", startArgs(), {
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
