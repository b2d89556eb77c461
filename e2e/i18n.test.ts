/** (c) The language switch turns the menu and header into English, and it persists. */
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { loginFirstTime, menuTexts, uniqueName } from "./support/app.ts";
import { type Browser, openBrowser, screenshot } from "./support/browser.ts";
import { addUser } from "./support/server.ts";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("the English switch changes the menu labels", async () => {
  const { page } = browser;
  const user = await addUser(inject("dataDir"), {
    username: uniqueName("secadmin"),
    displayName: "安全员乙",
    role: "security_admin",
  });
  await loginFirstTime(page, baseUrl, user.username, user.password);
  expect(await menuTexts(page)).toEqual(["工作台", "系统管理", "账户管理"]);
  expect(await page.getByTestId("app-name").textContent()).toBe("法治");

  await page.getByTestId("lang-switch").click();
  await expect.poll(() => menuTexts(page)).toEqual(["Home", "System", "Accounts"]);
  expect(await page.getByTestId("app-name").textContent()).toBe("Fazhi");
  await page.getByText("Hello, 安全员乙!").waitFor();
  await expect
    .poll(() => page.getByTestId("my-roles").textContent())
    .toContain("Security administrator");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

  await screenshot(page, "home-english");

  // the choice survives a reload
  await page.reload();
  await expect.poll(() => menuTexts(page)).toEqual(["Home", "System", "Accounts"]);

  await page.getByTestId("lang-switch").click();
  await expect.poll(() => menuTexts(page)).toEqual(["工作台", "系统管理", "账户管理"]);
});
