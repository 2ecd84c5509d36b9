import { expect, test } from "vitest";
import { absolute, paths } from "./urls";

// Every public link is built here; a wrong one is a broken site, feed or sitemap.

test.each([
  [paths.home("zh"), "/zh"],
  [paths.news("en"), "/en/news"],
  [paths.news("en", 1), "/en/news"],
  [paths.news("zh", 3), "/zh/news/page/3"],
  [paths.article("en", "cnipa-kipo"), "/en/news/cnipa-kipo"],
  [paths.article("en", "a b/c?d#e"), "/en/news/a%20b%2Fc%3Fd%23e"],
  [paths.category("zh", "press", 2), "/zh/category/press/page/2"],
  [paths.archive("en"), "/en/archive"],
  [paths.archiveMonth("zh", 2020, 4), "/zh/archive/2020/04"],
  [paths.archiveMonth("zh", 2020, 12), "/zh/archive/2020/12"],
  [paths.search("en"), "/en/search"],
  [paths.rss("zh"), "/zh/feed.xml"],
  [paths.atom("en"), "/en/atom.xml"],
])("%s is %s", (actual, expected) => expect(actual).toBe(expected));

test("absolute joins the site URL and a path", () => {
  expect(absolute("https://news.example.gov", paths.home("en"))).toBe("https://news.example.gov/en");
});
