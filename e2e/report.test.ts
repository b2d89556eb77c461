/**
 * The annual report on the complete Wulong 2020 demo (issue 17):
 * - every figure of ../shared/seed/figures.md (server/src/modules/report/seed-figures.ts)
 *   read over HTTP from the indicators and compared with the seed — the failure names each
 *   figure that differs; a figure marked pending whose indicator now exists fails too (the
 *   pending list only shrinks);
 * - the 2020 draft's preview (a figure opens its records), the secrecy review, publishing,
 *   then a new record shows as "would differ" while the publication stays as it was;
 * - the portal shows the public version; the city's office sees the report and the roll-up.
 */
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { agreesWithSeed, SEED_FIGURES } from "../server/src/modules/report/seed-figures.ts";
import { loginAs, openMenu } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

/** A JSON request from the page, as its session (CSRF header on writes). */
async function call<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const s = await (await fetch("/api/auth/session")).json();
      const res = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": s.csrfToken ?? "" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, path, body },
  ) as Promise<{ status: number; json: T }>;
}

test("the demo reproduces every figure of the seed report (pending ones listed)", () => {
  // read at start-up, before any browser test added records (support/global-setup.ts)
  const figures = inject("demoFigures2020");
  const values = new Map(Object.entries(figures));
  const problems: string[] = [];
  for (const s of SEED_FIGURES) {
    const declared = values.has(s.indicator);
    if (s.pending) {
      if (declared)
        problems.push(
          `${s.indicator} (${s.section} ${s.seed}) now exists: remove "pending: ${s.pending}"`,
        );
      continue;
    }
    if (!declared) {
      problems.push(`${s.indicator} (${s.section} ${s.seed}) is not declared`);
      continue;
    }
    const v = values.get(s.indicator) ?? null;
    if (!agreesWithSeed(s, v)) problems.push(`${s.indicator} (${s.section} ${s.seed}): ${v}`);
  }
  expect(problems).toEqual([]);
});

test("the 2020 report: preview, secrecy review, publication, then 'would differ'", async ({
  page,
}) => {
  await loginAs(page, baseUrl, "wl.yfzqb.office");
  await openMenu(page, "年度报告");
  await page.waitForURL(`${baseUrl}/reports`);
  await page
    .getByRole("link", { name: /2020年度法治政府建设情况报告/ })
    .first()
    .click();
  await page.getByText("核对提示").waitFor();
  await page.getByText(/不可能是194的整数比率/).waitFor();
  // A figure opens the records behind it.
  await page.locator('[data-figure="mediations"]').first().click();
  await page.getByTestId("drill-table").waitFor();
  await page.locator(".ant-drawer-close").click();
  await screenshot(page, "report-preview");

  await page.getByRole("button", { name: "提交保密审查" }).click();
  await page.getByText("保密审查中").first().waitFor();
  await page.getByRole("button", { name: "保密审查" }).click();
  await page.getByLabel("审查意见").fill("经审查，报告不涉及国家秘密和工作秘密，同意公开。");
  await page.getByText("确认不含国家秘密和工作秘密").click();
  await page.getByRole("button", { name: "审查通过" }).click();
  await page.getByText("审查通过待发布").first().waitFor();
  await page.getByRole("button", { name: "报送上级并向社会公开" }).click();
  await page.waitForURL(/\/reports\/published\/500156\/\d+$/);
  const published = page.url();
  await page.getByText("数字指纹（SM3）").waitFor();
  await page.getByRole("button", { name: "与当前数据核对" }).click();
  await page.getByText("当前数据与发布时一致").waitFor();

  // A record of 2020 entered later (a legal adviser engaged in 2020, recorded now): the
  // publication stays, the check names the figure.
  const r = await call(page, "POST", "/api/registers/legal_adviser/entries", {
    data: {
      name: "补录顾问",
      kind: "public_lawyer",
      firm: "武隆区司法局",
      engagedFrom: "2020-06-01",
      engagedTo: "2021-12-31",
    },
  });
  expect(r.status).toBe(201);
  await page.goto(published);
  await page.getByRole("button", { name: "与当前数据核对" }).click();
  await page.getByText("按当前数据将有变化的数字（已发布的报告不变）").waitFor({ timeout: 60_000 });
  await page.getByText("法律顾问和公职律师").first().waitFor();
  await screenshot(page, "report-would-differ");

  // The portal: the public version, without the contact.
  await page.goto(`${baseUrl}/public/500156/report`);
  await page.getByText("关于2020年度法治政府建设情况的报告").first().waitFor();
  expect(await page.content()).not.toContain("13908257027");

  // The city's office: the district's report and the roll-up.
  await page.goto(baseUrl);
  // the portal page has no logout button: leave the office's session from the app
  await page.getByTestId("logout").click({ timeout: 60_000 });
  await page.waitForURL(`${baseUrl}/login`);
  await loginAs(page, baseUrl, "cq.sfj.office");
  await openMenu(page, "年度报告");
  await page.getByText("已发布的报告").waitFor();
  await page
    .getByRole("link", { name: /2020年度法治政府建设情况的报告/ })
    .first()
    .waitFor();
  await page.getByText(/各区县指标对比/).waitFor();
  await screenshot(page, "report-city");
});
