/**
 * Filling the web's forms the way a user does (antd inputs, date pickers, selects), shared
 * by the browser tests. `onTyped` lets a test remember what it typed (the Chinese scan
 * ignores the user's own text).
 */
import { randomInt } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** A valid 18-digit ID number (GB 11643 check digit) with a random sequence. */
export function idNumber(region: string, birth: string): string {
  const body = `${region}${birth.replaceAll("-", "")}${String(randomInt(100, 999))}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return body + "10X98765432"[sum % 11];
}

/** A certificate number no demo officer holds (the demo's are 5001560xxxxx). */
export const certificateNo = () => `5001569${String(randomInt(10_000, 99_999))}`;

let onTyped: (text: string) => void = () => {};
/** Remember every text the test types (e.g. to tell it apart from the platform's own). */
export function recordTyped(f: (text: string) => void): void {
  onTyped = f;
}

/** The text box of a form item (antd puts the test id on the input, or on a wrapper). */
export async function box(loc: Locator): Promise<Locator> {
  const tag = await loc.evaluate((el) => el.tagName);
  return tag === "INPUT" || tag === "TEXTAREA" ? loc : loc.locator("input, textarea").first();
}

export async function fill(loc: Locator, text: string): Promise<void> {
  onTyped(text);
  await (await box(loc)).fill(text);
}

/** A date picker: typed as YYYY-MM-DD and confirmed with Enter. */
export async function fillDate(loc: Locator, date: string): Promise<void> {
  await loc.click();
  await loc.fill(date);
  await loc.press("Enter");
}

/** An option of the open select's dropdown, by its whole label (or a pattern). */
export const option = (page: Page, label: string | RegExp): Locator =>
  page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
    .filter({ hasText: typeof label === "string" ? new RegExp(`^\\s*${label}\\s*$`) : label });

/** Choose options of a select (one for an enum; several for a multiple select). */
export async function choose(page: Page, select: Locator, ...labels: string[]): Promise<void> {
  await select.click();
  for (const label of labels) await option(page, label).click();
}

/**
 * Choose an option of an enum select and check the select shows it, its dropdown closed:
 * under load a click can land while another dropdown is still closing, or during the
 * dropdown's opening animation; so wait until none is open, choose, and try again (at
 * most four times) until the select's root (where its test id is) shows the label.
 */
export async function chooseShown(page: Page, select: Locator, label: string): Promise<void> {
  const open = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  const closed = () => expect.poll(() => open.count(), { timeout: 10_000 }).toBe(0);
  for (let i = 0; i < 4; i++) {
    await closed().catch(() => page.keyboard.press("Escape"));
    await select.click();
    const item = option(page, label);
    await item.waitFor({ state: "visible", timeout: 10_000 });
    await item.click();
    const shown = await expect
      .poll(async () => (await select.textContent())?.trim(), { timeout: 5_000 })
      .toBe(label)
      .then(() => true)
      .catch(() => false);
    if (!shown) continue;
    await closed().catch(() => page.keyboard.press("Escape"));
    await closed();
    return;
  }
  throw new Error(`could not choose ${label}`);
}

/** Type items of a tags select (e.g. officers' certificate numbers), each closed with Enter. */
export async function tags(select: Locator, items: string[]): Promise<void> {
  const input = await box(select);
  for (const item of items) {
    onTyped(item);
    await input.fill(item);
    await input.press("Enter");
  }
}

/** The server's message on a field of an open form. */
export function fieldError(dialog: Locator, testId: string): Locator {
  return dialog
    .locator(".ant-form-item-has-error")
    .filter({ has: dialog.page().getByTestId(testId) })
    .locator(".ant-form-item-explain");
}

/** Close the open dialog with its 取消 button. */
export async function cancelDialog(page: Page): Promise<void> {
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /取\s*消/ })
    .click();
  await page.getByRole("dialog").waitFor({ state: "hidden" });
}
