/**
 * (a) The system administrator's first login: forced password change (a weak password
 * first, rejected by the server field by field), enrolment of the authenticator (two
 * factors), home page, the Accounts menu, and a new account — no role and no password
 * until the security administrator activates it (the system administrator never sees
 * its one-time password).
 */
import { expect } from "vitest";
import {
  changePassword,
  enrolTotp,
  menuTexts,
  strongPassword,
  submitLogin,
  uniqueName,
} from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { adminPassword, baseUrl, test } from "./support/fixture.ts";

test("admin changes the one-time password, then creates a case handler's account", async ({
  page,
}) => {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(`${baseUrl}/login`);

  await submitLogin(page, baseUrl, "admin", adminPassword);
  await page.waitForURL(`${baseUrl}/change-password`);
  await page.getByText("首次登录请先修改一次性密码").waitFor();
  expect(await page.getByTestId("main-menu").count()).toBe(0);

  // another page is refused until the password is changed
  await page.goto(`${baseUrl}/accounts`);
  await page.waitForURL(`${baseUrl}/change-password`);

  // the server's rule violations land on the new-password field
  await changePassword(page, adminPassword, "admin12");
  await page.getByText("至少 10 位", { exact: true }).waitFor();
  await screenshot(page, "admin-weak-password");
  expect(page.url()).toBe(`${baseUrl}/change-password`);

  await changePassword(page, adminPassword, strongPassword());
  // an administrator cannot do anything before enrolling its authenticator
  await page.waitForURL(`${baseUrl}/enrol-totp`);
  expect(await page.getByTestId("main-menu").count()).toBe(0);
  await page.goto(`${baseUrl}/accounts`);
  await page.waitForURL(`${baseUrl}/enrol-totp`);
  await page.getByTestId("totp-start").click();
  await page.getByTestId("totp-secret").waitFor();
  await screenshot(page, "admin-enrol-totp");
  await page.reload();
  await enrolTotp(page, baseUrl);
  await page.getByText("系统管理员，您好！").waitFor();
  await expect.poll(() => page.getByTestId("my-roles").textContent()).toContain("系统管理员");
  expect(await menuTexts(page)).toEqual(["工作台", "系统管理", "账户管理", "地方设置"]);

  // an administrator's home page lists its own pages (the deadline card is the business users')
  await page.getByTestId("admin-pages").waitFor();

  await page.getByTestId("main-menu").getByText("账户管理").click();
  await page.waitForURL(`${baseUrl}/accounts`);
  const table = page.getByTestId("accounts-table");
  await table.getByRole("cell", { name: "admin", exact: true }).waitFor();

  const username = uniqueName("handler");
  await page.getByTestId("account-create").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("用户名").fill(username);
  await dialog.getByLabel("姓名").fill("张承办");
  await dialog.getByLabel("单位", { exact: true }).click();
  await page.locator(".ant-select-item-option").first().click();
  await page.getByTestId("account-create-submit").click();

  // no one-time password for the system administrator: the account awaits activation
  await page.getByTestId("account-created-pending").waitFor();
  expect(await page.getByTestId("one-time-password").count()).toBe(0);

  // With the demo's 120-odd accounts, find the new one by its name.
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /确\s*定/ })
    .click();
  await page.getByLabel("用户名或姓名").fill(username);
  await page.getByRole("button", { name: "查询" }).click();
  const row = table.locator("tr", { hasText: username });
  await row.waitFor();
  // No role and no password yet: the security administrator activates it.
  expect(await row.textContent()).not.toContain("承办人");
  expect(await row.textContent()).toContain("待激活");
  await screenshot(page, "admin-accounts");
});
