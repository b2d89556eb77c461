/** (c) The language switch turns the menu and header into English, and it persists. */
import { expect } from "vitest";
import { loginFirstTime, menuTexts, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, dataDir, test } from "./support/fixture.ts";
import { addUser } from "./support/server.ts";

test("the English switch changes the menu labels", async ({ page }) => {
  const user = await addUser(dataDir, {
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
