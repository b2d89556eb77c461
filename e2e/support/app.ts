/** Steps through the web app the way a user does (Chinese UI unless switched). */
import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(3).toString("hex")}`;
}

/** A password that passes the rules (≥10 chars, 3 classes, not the user name). */
export function strongPassword(): string {
  return `Qz7-${randomBytes(6).toString("hex")}-Lw`;
}

/** The password of every demo account (Wulong district, loaded on the first start). */
export const DEMO_PASSWORD = "Fazhi-Demo-2020";
/** The demo administrators' published TOTP secret (server: engines/demo/declare.ts). */
export const DEMO_TOTP_SECRET = "FAZHIDEMOWULONGADMINSECRETKEYXYZ";

/** The authenticator app: the current code of a base32 secret. */
export function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/**
 * Enrol the authenticator on the enrolment page (administrators, after the password
 * change): generate the secret, read it as an app would, confirm with its code.
 */
export async function enrolTotp(page: Page, baseUrl: string): Promise<string> {
  await page.waitForURL(`${baseUrl}/enrol-totp`);
  await page.getByTestId("totp-start").click();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").trim();
  await page.getByTestId("totp-code").fill(totpCode(secret));
  await page.getByTestId("totp-confirm").click();
  await page.waitForURL(`${baseUrl}/`);
  return secret;
}

/**
 * Log in as a demo user (logging out whoever is logged in) and wait to leave the login
 * page (for the home page, or the page the last user was on).
 */
export async function loginAs(page: Page, baseUrl: string, username: string) {
  if (await page.getByTestId("logout").isVisible()) {
    // a drawer or dialog the last test left open would cover the button: start afresh
    await page.goto(`${baseUrl}/`);
    await page.getByTestId("logout").click();
    await page.waitForURL(`${baseUrl}/login`);
  }
  await submitLogin(page, baseUrl, username, DEMO_PASSWORD);
  // the demo's administrators log in with their TOTP code too
  const code = page.getByTestId("totp-code");
  const left = page.waitForURL((u) => u.pathname !== "/login").then(() => "left" as const);
  const asked = code.waitFor().then(() => "code" as const);
  // the one that loses the race times out later: nobody waits for it
  left.catch(() => undefined);
  asked.catch(() => undefined);
  if ((await Promise.race([left, asked])) === "code") {
    await code.fill(totpCode(DEMO_TOTP_SECRET));
    await page.getByTestId("totp-submit").click();
  }
  await page.waitForURL((u) => u.pathname !== "/login");
  await page.getByTestId("main-menu").waitFor();
}

/** Click a menu entry (a leaf, by its exact text); callers wait for its page. */
export async function openMenu(page: Page, text: string) {
  const item = page
    .getByTestId("main-menu")
    .locator("li.ant-menu-item")
    .filter({ hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`) });
  // Right after a login the menu may be re-rendered under the click (labels and menus
  // arrive from the server): click again until the item is the selected one.
  const selected = item.first().and(page.locator(".ant-menu-item-selected"));
  for (let attempt = 0; attempt < 3; attempt++) {
    await item.first().click();
    const ok = await selected
      .waitFor({ timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (ok) return;
  }
  await selected.waitFor({ timeout: 1000 });
}

/** A date `days` calendar days from today in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
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
  // an administrator enrols its authenticator next (two factors, GB/T 22239-2019 8.1.4.1 d);
  // the page passes through "/" on its way there, so wait for what is shown
  const enrol = page.getByTestId("enrol-totp");
  await enrol.or(page.getByTestId("main-menu")).first().waitFor();
  if (await enrol.isVisible()) await enrolTotp(page, baseUrl);
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
