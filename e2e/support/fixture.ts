/**
 * The set-up every browser test file shares: the running server's address, data
 * directory and admin password (provided by global-setup.ts), and one headless browser
 * per test file — opened when a test of the file first asks for `page` or `context`,
 * closed after the file's last test. Tests in one file share the browser (and so the
 * logged-in session), as a user working through one scenario does.
 *
 *   import { baseUrl, test } from "./support/fixture.ts";
 *   test("…", async ({ page }) => { await page.goto(baseUrl); });
 */
import type { BrowserContext, Page } from "playwright-core";
import { test as base, inject } from "vitest";
import { type Browser, openBrowser } from "./browser.ts";

export const baseUrl = inject("baseUrl");
export const dataDir = inject("dataDir");
export const adminPassword = inject("adminPassword");

export const test = base.extend<{
  browser: Browser;
  page: Page;
  context: BrowserContext;
}>({
  browser: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixtures a fixture needs from its first parameter's pattern
    async ({}, use) => {
      const browser = await openBrowser();
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: "file" },
  ],
  page: async ({ browser }, use) => use(browser.page),
  context: async ({ browser }, use) => use(browser.context),
});
