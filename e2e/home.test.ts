/**
 * Each role's home page shows its own queue (GET /api/work), from the demo's current year
 * of work in progress: the handler's cases by next due date, the legal reviewer's cases
 * waiting for 法制审核, the leader's decisions, the rule-of-law office's district view;
 * an administrator its own pages. A step in the queue opens on the case page. After a
 * logout the next user starts on its own home page, not on the last user's page.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

/** The queue's rows (waits for the queue to load). */
async function queue(page: Page) {
  const card = page.getByTestId("work-queue");
  await card.waitFor();
  await card.locator(".ant-card-body .ant-statistic").first().waitFor();
  await expect.poll(() => card.locator(".ant-skeleton").count()).toBe(0);
  return card;
}

/** The step actions listed in the queue's rows. */
/** The steps the queue offers, of one case type when given (other modules share the queue). */
async function stepsShown(page: Page, caseType?: string): Promise<string[]> {
  const links = await page
    .getByTestId("work-table")
    .locator('[data-testid^="work-step-"]')
    .evaluateAll((els) =>
      els.map((e) => ({
        action: e.getAttribute("data-testid")!.slice(10),
        href: e.getAttribute("href") ?? "",
      })),
    );
  return links
    .filter((l) => !caseType || l.href.includes(`/cases/${caseType}/`))
    .map((l) => l.action);
}

test("the case handler's home page lists the cases by next due date; a step opens on its case", async ({
  page,
}) => {
  await loginAs(page, baseUrl, "wl.scjgj.handler");
  expect(new URL(page.url()).pathname).toBe("/");
  const card = await queue(page);
  expect(await card.locator(".ant-card-head-title").textContent()).toBe("我承办的案件");
  await page.getByTestId("work-table").waitFor();
  // Sorted by the date due (rows show it as YYYY-MM-DD).
  const dues = await page
    .getByTestId("work-due-date")
    .evaluateAll((els) => els.map((e) => e.textContent ?? ""));
  expect(dues.length).toBeGreaterThan(0);
  expect(dues).toEqual([...dues].sort());
  // The handler's steps, never the reviewer's or the leader's.
  const steps = await stepsShown(page);
  expect(steps.length).toBeGreaterThan(0);
  // on the penalty cases: the handler's steps, never the reviewer's or the leader's
  const penaltySteps = await stepsShown(page, "penalty_general");
  expect(penaltySteps).not.toContain("legal_review");
  expect(penaltySteps).not.toContain("decide");
  await screenshot(page, "home-handler");

  // A step in the queue opens its form on the case page.
  const first = page.getByTestId("work-table").locator('[data-testid^="work-step-"]').first();
  const label = ((await first.textContent()) ?? "").trim();
  await first.click();
  await page.waitForURL(/\/cases\/[a-z_]+\/\d+/);
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-form").waitFor();
  expect(await dialog.locator(".ant-modal-title").textContent()).toBe(label);
  // The optional reason is explained.
  expect(await dialog.textContent()).toMatch(/理由[\s\S]*(选填|必填)/);
  await dialog.getByRole("button", { name: /取\s*消/ }).click();
  // The case page says what comes next and who does it.
  expect(await page.getByTestId("case-next").textContent()).toMatch(/下一步/);
});

test("the legal reviewer's home page lists the cases waiting for 法制审核 only", async ({
  page,
}) => {
  await loginAs(page, baseUrl, "wl.scjgj.reviewer");
  // Not the handler's last page: the reviewer starts on its own home page.
  expect(new URL(page.url()).pathname).toBe("/");
  const card = await queue(page);
  expect(await card.locator(".ant-card-head-title").textContent()).toBe("待法制审核");
  const steps = await stepsShown(page);
  expect(steps.length).toBeGreaterThan(0);
  expect(new Set(steps)).toEqual(new Set(["legal_review"]));
  await screenshot(page, "home-reviewer");

  // On the case page the reviewer is offered the review, not the handler's notice or waiver.
  await page.getByTestId("work-case").first().click();
  await page.getByTestId("case-page").waitFor();
  await page.getByTestId("action-legal_review").waitFor();
  expect(await page.getByTestId("action-notify").count()).toBe(0);
  expect(await page.getByTestId("action-waive_rights").count()).toBe(0);
  expect(await page.getByTestId("case-next").textContent()).toContain("法制审核人员");
});

test("the leader's home page lists the decisions and collective discussions waiting", async ({
  page,
}) => {
  await loginAs(page, baseUrl, "wl.scjgj.leader");
  expect(new URL(page.url()).pathname).toBe("/");
  const card = await queue(page);
  expect(await card.locator(".ant-card-head-title").textContent()).toBe("待决定和集体讨论");
  const steps = await stepsShown(page);
  expect(steps.length).toBeGreaterThan(0);
  // the queue holds every module's cases, soonest due first: on the penalty cases it shows,
  // the leader's steps only, never the handler's
  const penaltySteps = await stepsShown(page, "penalty_general");
  for (const handlers of ["notify", "waive_rights", "investigate", "serve"])
    expect(penaltySteps).not.toContain(handlers);
  await screenshot(page, "home-leader");
});

test("the rule-of-law office's home page shows the district: overdue by unit, the year against the last", async ({
  page,
}) => {
  await loginAs(page, baseUrl, "wl.yfzqb.office");
  await queue(page);
  const district = page.getByTestId("district-card");
  await district.waitFor();
  const byUnit = page.getByTestId("district-by-unit");
  await byUnit.locator("tbody tr.ant-table-row").first().waitFor();
  // Units by name, never by code.
  expect(await byUnit.textContent()).not.toMatch(/[a-z]{3,}/);
  // The district's figures against the year before (e2e/dashboard.test.ts goes further).
  const dashboard = page.getByTestId("dashboard-card");
  await dashboard.getByTestId("dashboard-table").first().waitFor({ timeout: 60_000 });
  expect(await dashboard.textContent()).toMatch(/\d{4}年.*\d{4}年/);
  await screenshot(page, "home-office");
});

test("an administrator's home page shows its own pages", async ({ page }) => {
  await loginAs(page, baseUrl, "wl.auditadmin");
  const pages = page.getByTestId("admin-pages");
  await pages.waitFor();
  await page.getByTestId("admin-page-audit").waitFor();
  expect(await page.getByTestId("work-queue").count()).toBe(0);
});
