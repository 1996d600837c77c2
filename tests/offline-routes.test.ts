// The service worker's routes: which pages it keeps for offline reading, and how (src/offline/routes.ts).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { pageRoute } from "../src/offline/routes.ts";

test("front pages and every kind of list are lists; one folder under a language is an article", () => {
  for (const base of ["/", "/news/"]) {
    const route = (path: string) => pageRoute(`${base}${path}`, base);
    for (const list of ["zh/", "en/", "zh/page/1/", "zh/keywords/铁路/", "zh/keywords/铁路/page/3/", "en/archive/2024/05/", "zh/sections/city/", "en/sections/city/page/2/", "zh/authors/li-wei/"]) {
      assert.is(route(list), "list", `${base}${list}`);
    }
    for (const article of ["zh/shanghai-metro-night/", "en/about/"]) assert.is(route(article), "article", `${base}${article}`);
    for (const neither of ["zh/search/", "en/offline/", "", "zh/feed.xml", "pagefind/pagefind.js", "media/x.jpg", "fr/", "zh/a/b/"]) {
      assert.is(route(neither), undefined, `${base}${neither}`);
    }
  }
  assert.is(pageRoute("/zh/panda/", "/news/"), undefined, "outside the site's path");
});

test.run();
