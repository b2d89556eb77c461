/** A headless Debian Chromium through playwright-core, one fresh profile per test file. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * `bypassCSP`: let the test inject scripts (axe-core through addScriptTag) into pages
 * whose Content-Security-Policy forbids inline script.
 */
export async function openBrowser(options: { bypassCSP?: boolean } = {}): Promise<Browser> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1366, height: 860 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    bypassCSP: options.bypassCSP ?? false,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/** A full-page screenshot under the OS temp directory; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(os.tmpdir(), "fazhi-e2e-screenshots");
  await fs.mkdir(dir, { recursive: true });
  await page.waitForTimeout(400); // let antd's open/close animations settle
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`screenshot: ${file}\n`);
  return file;
}
