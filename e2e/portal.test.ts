/**
 * The public portal in a browser (issue 11, "a public portal that passes a 政务公开
 * review"), over the demo district:
 *
 *   - the pages: a crawl from /public through every link of the portal, keeping one page
 *     of each kind — each stage, each section's list (its first and a later page), one
 *     item page per section, the report, the verification page — plus the search
 *     (empty, with hits, with none, with every filter) and the error pages (404, 400);
 *   - on each: axe-core (injected with addScriptTag) finds no violation of serious or
 *     critical impact; at 375 px the document is no wider than the screen (tables
 *     become cards), and it reads lang="zh-CN" with one h1 and a main landmark.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, openBrowser, screenshot } from "./support/browser.ts";
import { baseUrl } from "./support/fixture.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const REGION = "500156";

let browser: Browser;
let page: Page;
let pages: string[] = [];

/** One key per kind of page: the region, ids and later page numbers stand for any. */
function kindOf(url: string): string {
  const u = new URL(url, baseUrl);
  const later = Number(u.searchParams.get("page") ?? "1") > 1 ? "?later" : "";
  return (
    u.pathname
      .replace(/^\/public\/\d{6}(?=\/|$)/, "/public/:region")
      .replace(/(\/sections\/[a-z0-9_]+)\/\d+$/, "$1/:id") + later
  );
}

/** Every page of the portal, one of each kind, following links from /public. */
async function crawl(): Promise<string[]> {
  // The demo district first: its pages (with records) stand for every region's.
  const queue = [`/public/${REGION}`, "/public"];
  const seen = new Set<string>();
  const kinds = new Map<string, string>();
  while (queue.length > 0 && seen.size < 400) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const kind = kindOf(url);
    if (kinds.has(kind)) continue;
    kinds.set(kind, url);
    const res = await fetch(new URL(url, baseUrl));
    expect(res.status, url).toBe(200);
    const html = await res.text();
    for (const m of html.matchAll(/href="([^"]+)"/g)) {
      const href = m[1]!.replaceAll("&amp;", "&");
      if (!href.startsWith("/public") || href.startsWith("/public/api/")) continue;
      if (/\.(css|json|pem)(\?|$)/.test(href)) continue;
      // Downloads, not pages: a published document's .docx and PDF, a consultation's
      // adoption report (rules-lifecycle checks they are served).
      if (/\/files\/\d+(\?|$)|\.(docx|pdf)(\?|$)/.test(href)) continue;
      queue.push(href);
    }
  }
  return [...kinds.values()];
}

const q = encodeURIComponent;

beforeAll(async () => {
  browser = await openBrowser({ bypassCSP: true });
  page = browser.page;
  pages = [
    ...(await crawl()),
    `/public/${REGION}/search`,
    `/public/${REGION}/search?q=${q("食品")}`,
    `/public/${REGION}/search?q=${q("食品")}&section=penalty_decisions&body=scjgj&from=2020-01-01&to=2020-12-31`,
    `/public/${REGION}/search?q=${q("没有这样的内容啊")}`,
    "/public/999999",
    `/public/${REGION}/no-such-page`,
    `/public/${REGION}/search?from=2020-02-30`,
  ];
});

afterAll(async () => browser?.close());

describe("the public portal", () => {
  it("the crawl reached every stage and section, and the item pages", () => {
    const kinds = pages.map(kindOf);
    for (const stage of ["before", "during", "after", "documents"])
      expect(kinds).toContain(`/public/:region/stages/${stage}`);
    for (const s of ["bodies", "officers", "benchmarks", "major_decisions", "penalty_decisions"])
      expect(kinds).toContain(`/public/:region/sections/${s}`);
    expect(kinds).toContain("/public/:region/sections/penalty_decisions/:id");
    expect(kinds).toContain("/public/:region/sections/penalty_decisions?later");
    expect(kinds).toContain("/public/:region/report");
    expect(kinds).toContain("/public/verify");
    // Nothing example-only: the worked examples declare no section.
    expect(pages.join("\n")).not.toMatch(/example_/);
  });

  it("axe: no serious or critical violation on any portal page", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const problems: string[] = [];
    for (const url of pages) {
      await page.goto(baseUrl + url);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is injected above
        const axe = (window as any).axe;
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v: { id: string; impact: string; nodes: unknown[] }) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        }));
      });
      for (const v of violations as { id: string; impact: string; nodes: number }[])
        if (v.impact === "serious" || v.impact === "critical")
          problems.push(`${url}: ${v.id} (${v.impact}, ${v.nodes})`);
    }
    expect(problems).toEqual([]);
  }, 900_000); // ≈ 40 pages; axe takes seconds a page on a busy machine

  it("375 px: no page scrolls sideways; each is Chinese, with one h1 and a main landmark", async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const wide: string[] = [];
    for (const url of pages) {
      await page.goto(baseUrl + url);
      const m = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        lang: document.documentElement.lang,
        h1: document.querySelectorAll("h1").length,
        main: document.querySelectorAll("main").length,
      }));
      if (m.width > 375) wide.push(`${url}: ${m.width}px`);
      expect(m.lang, url).toBe("zh-CN");
      expect(m.h1, url).toBe(1);
      expect(m.main, url).toBe(1);
    }
    expect(wide).toEqual([]);
    await page.goto(`${baseUrl}/public/${REGION}/sections/penalty_decisions`);
    await screenshot(page, "portal-decisions-375");
  }, 600_000);

  it("a decision has its own page: the body's full name, the citation in Chinese form", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${baseUrl}/public/${REGION}/sections/penalty_decisions`);
    await page.locator("table.list tbody a").first().click();
    const main = page.locator("main");
    await expect.poll(() => main.locator("h1").textContent()).toMatch(/〔\d{4}〕\d+号/);
    const text = (await main.textContent()) ?? "";
    expect(text).toMatch(/处罚机关重庆市武隆区/);
    // A law or a ministry's rule (《城市建筑垃圾管理规定》第十五条), in Chinese form.
    expect(text).toMatch(/《[^》]+》第[一二三四五六七八九十百零]+条/);
    expect(text).not.toMatch(/art\.|\[R\]|[a-z]+_[a-z]+/);
    await screenshot(page, "portal-decision-1440");
  });

  it("the search form filters by section, body and date, and keeps the choices", async () => {
    await page.goto(`${baseUrl}/public/${REGION}/search`);
    await page.getByLabel("检索词").fill("食品");
    await page.getByLabel("栏目", { exact: true }).selectOption({ label: "行政处罚决定" });
    await page.getByLabel("日期从").fill("2020-01-01");
    await page.getByRole("button", { name: "检索" }).click();
    await expect
      .poll(() => page.locator("[role=status]").first().textContent())
      .toMatch(/找到|没有找到/);
    expect(page.url()).toContain("section=penalty_decisions");
    expect(await page.getByLabel("栏目", { exact: true }).inputValue()).toBe("penalty_decisions");
    const hits = await page.locator("ol.hits > li").count();
    expect(hits).toBeGreaterThan(0);
  });
});
