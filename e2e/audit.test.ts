/**
 * (b) An audit administrator made on the command line logs in (after one deliberate
 * wrong password), changes the password, and finds the failed login in the security
 * log and the account's creation in the audit trail.
 */
import { expect } from "vitest";
import { loginFirstTime, menuTexts, submitLogin, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, dataDir, test } from "./support/fixture.ts";
import { addUser } from "./support/server.ts";

test("audit admin sees the earlier failed login in the security log", async ({ page }) => {
  const auditor = await addUser(dataDir, {
    username: uniqueName("auditor"),
    displayName: "审计员甲",
    role: "audit_admin",
  });

  await submitLogin(page, baseUrl, auditor.username, `${auditor.password}x`);
  await page.getByTestId("error-alert").getByText("用户名或密码错误").waitFor();

  await loginFirstTime(page, baseUrl, auditor.username, auditor.password);
  await page.getByText("审计员甲，您好！").waitFor();
  expect(await menuTexts(page)).toEqual(["工作台", "系统管理", "安全日志", "审计日志"]);

  await page.getByTestId("main-menu").getByText("安全日志").click();
  await page.waitForURL(`${baseUrl}/security-log`);
  const table = page.getByTestId("security-table");
  const failed = table.locator("tr", { hasText: auditor.username }).filter({ hasText: "登录失败" });
  await failed.first().waitFor();
  expect(await failed.first().textContent()).toContain("原因：密码错误");
  await screenshot(page, "audit-security-log");

  // the filter narrows the log to one kind
  await page.getByLabel("事件").click();
  await page.locator(".ant-select-item-option", { hasText: "修改密码" }).click();
  await page.getByRole("button", { name: "查询" }).click();
  await expect
    .poll(async () => {
      const kinds = await table
        .locator("tbody [data-kind]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
      return kinds.length > 0 && kinds.every((k) => k === "password_changed");
    })
    .toBe(true);

  await page.getByTestId("main-menu").getByText("审计日志").click();
  await page.waitForURL(`${baseUrl}/audit`);
  // the action is chosen by its label (typing filters the list), and shown by it
  await page.getByLabel("操作", { exact: true }).click();
  await page.getByLabel("操作", { exact: true }).fill("创建账户");
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
      hasText: /^创建账户$/,
    })
    .click();
  await page.getByRole("button", { name: "查询" }).click();
  const created = page
    .getByTestId("audit-table")
    .locator("tr", { has: page.locator('[data-action="user.create"]') });
  await created.first().waitFor();
  await expect
    .poll(async () => {
      const rows = await page
        .getByTestId("audit-table")
        .locator("tbody tr.ant-table-row")
        .allTextContents();
      return (
        rows.length > 0 && rows.every((r) => r.includes("创建账户") && !r.includes("user.create"))
      );
    })
    .toBe(true);
  await created.first().locator(".ant-table-row-expand-icon").click();
  // field by field, with the fields' labels (no raw JSON)
  await page.getByTestId("audit-changes").first().getByText("用户名").waitFor();
  expect(await page.getByTestId("audit-changes").first().textContent()).not.toContain("{");
  await screenshot(page, "audit-trail");
});
