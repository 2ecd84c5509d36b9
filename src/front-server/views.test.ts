import { afterEach, expect, test } from "vitest";
import type { ViewCount } from "@/contract";
import { ViewCounter } from "./views";

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined } as never;
const batches: ViewCount[][] = [];
let failing = false;
globalThis.newsroomViews = {
  record: async (batch) => {
    if (failing) throw new Error("database down");
    batches.push([...batch]);
  },
};
afterEach(() => {
  batches.length = 0;
  failing = false;
});

const at = (iso: string) => () => Date.parse(iso);

test("counts GETs of article pages answered 200, per day, edition and slug, and nothing else", async () => {
  const views = new ViewCounter({ logger, now: at("2026-12-04T15:59:00Z"), timeZone: "Asia/Shanghai" });
  for (let i = 0; i < 3; i++) views.note("GET", "/zh/news/a-release", 200);
  views.note("GET", "/en/news/a-release", 200);
  views.note("HEAD", "/zh/news/a-release", 200);
  views.note("GET", "/zh/news/missing", 404);
  views.note("GET", "/zh/news/page/2", 200);
  views.note("GET", "/zh/news", 200);
  views.note("POST", "/zh/news/a-release", 200);
  views.note("GET", "/admin/releases/x", 200);
  await views.flush();
  expect(batches).toEqual([
    [
      { day: "2026-12-04", edition: "zh", slug: "a-release", count: 3 },
      { day: "2026-12-04", edition: "en", slug: "a-release", count: 1 },
    ],
  ]);
  await views.flush();
  expect(batches).toHaveLength(1); // nothing new: no empty batch
});

test("the day is the agency's: 16:00 UTC is the next day in Shanghai", async () => {
  let now = Date.parse("2026-12-04T15:59:59Z");
  const views = new ViewCounter({ logger, now: () => now, timeZone: "Asia/Shanghai" });
  views.note("GET", "/en/news/x", 200);
  now += 2000;
  views.note("GET", "/en/news/x", 200);
  await views.flush();
  expect(batches[0]!.map((v) => v.day)).toEqual(["2026-12-04", "2026-12-05"]);
});

test("a batch the database refused is kept and sent with the next one", async () => {
  const views = new ViewCounter({ logger, now: at("2026-12-04T00:00:00Z") });
  views.note("GET", "/zh/news/x", 200);
  failing = true;
  await views.flush();
  expect(batches).toHaveLength(0);
  failing = false;
  views.note("GET", "/zh/news/x", 200);
  await views.stop();
  expect(batches).toEqual([[{ day: "2026-12-04", edition: "zh", slug: "x", count: 2 }]]);
});

test("past maxKeys distinct pages it flushes early (memory stays bounded)", async () => {
  const views = new ViewCounter({ logger, maxKeys: 3, now: at("2026-12-04T00:00:00Z") });
  for (const slug of ["a", "b", "c"]) views.note("GET", `/zh/news/${slug}`, 200);
  await views.stop();
  expect(batches.flat().map((v) => v.slug)).toEqual(["a", "b", "c"]);
});
