/** Steps through the web app the way a user does (Chinese UI unless switched). */
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(3).toString("hex")}`;
}

/** A password that passes the rules (≥10 chars, 3 classes, not the user name). */
export function strongPassword(): string {
  return `Qz7-${randomBytes(6).toString("hex")}-Lw`;
}

export async function submitLogin(page: Page, baseUrl: string, username: string, password: string) {
  if (!page.url().startsWith(`${baseUrl}/login`)) await page.goto(`${baseUrl}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByTestId("login-submit").click();
}

export async function loginFirstTime(
  page: Page,
  baseUrl: string,
  username: string,
  oneTimePassword: string,
): Promise<string> {
  await submitLogin(page, baseUrl, username, oneTimePassword);
  await page.waitForURL(`${baseUrl}/change-password`);
  const next = strongPassword();
  await changePassword(page, oneTimePassword, next);
  await page.waitForURL(`${baseUrl}/`);
  return next;
}

export async function changePassword(page: Page, current: string, next: string) {
  const card = page.getByTestId("change-password");
  await card.getByLabel("当前密码").fill(current);
  await card.getByLabel("新密码", { exact: true }).fill(next);
  await card.getByLabel("确认新密码").fill(next);
  await page.getByTestId("change-password-submit").click();
}

/** The texts of the left menu's items, in order. */
export async function menuTexts(page: Page): Promise<string[]> {
  const menu = page.getByTestId("main-menu");
  await menu.waitFor();
  const texts = await menu.locator(".ant-menu-title-content").allInnerTexts();
  return texts.map((s) => s.trim());
}

export async function expectText(page: Page, text: string) {
  await page.getByText(text).first().waitFor();
  expect(await page.getByText(text).first().isVisible()).toBe(true);
}
