/**
 * The annual report on the complete Wulong 2020 demo (issue 17):
 * - every figure of ../shared/seed/figures.md (server/src/modules/report/seed-figures.ts)
 *   read over HTTP from the indicators and compared with the seed — the failure names each
 *   figure that differs; a figure marked pending whose indicator now exists fails too (the
 *   pending list only shrinks);
 * - the 2020 draft's preview (a figure opens its records); its writer (wl.yfzqb.handler)
 *   edits it by section (分节编辑: the template's sections in order, each figure with its
 *   live value and records, the checks beside their section, a required field refused in
 *   the browser with nothing saved) and submits it;
 * - the office may not review a report it wrote itself (a 2021 draft it opened and
 *   submitted: the page says why, the step is refused over HTTP, nothing written);
 * - the office's secrecy review of the 2020 report, publishing, then a new record shows as
 *   "would differ" while the publication stays as it was;
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

test("the 2020 report: preview, editing by section, secrecy review (not by the writer), publication, then 'would differ'", async ({
  page,
}) => {
  // The writer: the preview, then the editor.
  await loginAs(page, baseUrl, "wl.yfzqb.handler");
  await openMenu(page, "年度报告");
  await page.waitForURL(`${baseUrl}/reports`);
  await page
    .getByRole("link", { name: /2020年度法治政府建设情况报告/ })
    .first()
    .click();
  await page.waitForURL(/\/reports\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").at(-1));
  await page.getByText("核对提示").waitFor();
  await page.getByText(/不可能是194的整数比率/).waitFor();
  // A figure opens the records behind it.
  await page.locator('[data-figure="mediations"]').first().click();
  await page.getByTestId("drill-table").waitFor();
  await page.locator(".ant-drawer-close").click();
  await screenshot(page, "report-preview");
  // Every computed figure of the preview is a link in the text, and its records answer.
  const preview = await call<{
    figures: { key: string; indicator: string; value: number | null; pending: boolean }[];
  }>(page, "GET", `/api/reports/${id}/preview`);
  const unlinked: string[] = [];
  for (const f of preview.json.figures) {
    if (f.pending || f.value === null) continue;
    if ((await page.locator(`[data-figure="${f.key}"]`).count()) === 0)
      unlinked.push(`${f.key}: no link in the text`);
    const d = await call<{ total: number }>(
      page,
      "GET",
      `/api/indicators/${f.indicator}/drill?region=500156&year=2020&limit=1`,
    );
    if (d.status !== 200 || (f.value > 0 && d.json.total === 0))
      unlinked.push(`${f.key} (${f.indicator} = ${f.value}): ${d.status}, ${d.json.total} records`);
  }
  expect(unlinked).toEqual([]);

  const version = async () =>
    (await call<{ version: number }>(page, "GET", `/api/reports/${id}/preview`)).json.version;
  await page.getByRole("tab", { name: "分节编辑" }).click();
  const section = (key: string) => page.locator(`[data-section="${key}"]`);
  await section("1").waitFor();
  // the template's order: head, opening, 一 with its nine parts, 二, 三, signature, date, contact
  const keys = await page
    .locator("[data-section]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-section")));
  expect(keys).toEqual([
    "head",
    "opening",
    "1",
    ...Array.from({ length: 9 }, (_, i) => `1.${i + 1}`),
    "2",
    "3",
    "signature",
    "date",
    "contact",
  ]);
  // figures are written by their names, never their codes (【名称】, typed 【名称=95.2%】)
  const texts = await page
    .locator("[data-section] textarea")
    .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  expect(texts.filter((x) => x.includes("{{"))).toEqual([]);
  expect(texts.some((x) => /【[^【】]+=95\.2%】/.test(x))).toBe(true);
  // the check beside the section it concerns; a figure's live value opens its records
  await section("1.3")
    .getByTestId("checks-1.3")
    .getByText(/不可能是194的整数比率/)
    .waitFor();
  await page.locator('[data-section] [data-figure="mediations"]').first().click();
  await page.getByTestId("drill-table").waitFor();
  await page.locator(".ant-drawer-close").click();

  // A required field left empty: refused in the browser, nothing saved.
  const before = await version();
  const opening = section("opening").locator("textarea");
  const original = await opening.inputValue();
  await opening.fill("");
  await section("opening").getByRole("button", { name: "保存本节" }).click();
  await section("opening").getByText("请填写正文（每行一段）").waitFor();
  expect(await version()).toBe(before);
  // Saved (save_section): the preview shows it.
  await opening.fill(original.replace("现将有关情况报告如下。", "现将有关情况报告如下："));
  await section("opening").getByRole("button", { name: "保存本节" }).click();
  await page.getByText("已保存").first().waitFor();
  await expect.poll(version).toBe(before + 1);
  await screenshot(page, "report-editor");
  await page.getByRole("tab", { name: "预览" }).click();
  await page.getByText(/现将有关情况报告如下：/).waitFor();
  await page.getByRole("button", { name: "提交保密审查" }).click();
  await page.getByText("保密审查中").first().waitFor();
  await page.getByTestId("logout").click();
  await page.waitForURL(`${baseUrl}/login`);

  // The office may not review a report it wrote: its own 2021 draft, opened and submitted.
  await loginAs(page, baseUrl, "wl.yfzqb.office");
  const opened = await call<{ id: number; version: number }>(
    page,
    "POST",
    "/api/cases/annual_report",
    {
      fields: {
        year: 2021,
        draft: {
          title: "重庆市武隆区人民政府\n关于2021年度法治政府建设情况的报告",
          addressee: "市政府",
          issuer: "重庆市武隆区人民政府",
          date: "2022-01-15",
          blocks: [{ kind: "paragraph", text: "{{year}}年，武隆区法治政府建设工作……" }],
        },
      },
    },
  );
  expect(opened.status).toBe(201);
  const own = opened.json.id;
  const submitted = await call(
    page,
    "POST",
    `/api/cases/annual_report/${own}/actions/submit_review`,
    {
      version: opened.json.version,
    },
  );
  expect(submitted.status).toBe(200);
  await page.goto(`${baseUrl}/reports/${own}`);
  await page
    .getByTestId("review-refused")
    .getByText(/本报告的起草人/)
    .waitFor();
  expect(await page.getByRole("button", { name: "保密审查" }).isDisabled()).toBe(true);
  const ownBefore = await call<{ state: string; version: number }>(
    page,
    "GET",
    `/api/reports/${own}/preview`,
  );
  const refused = await call<{ error: { message: string } }>(
    page,
    "POST",
    `/api/cases/annual_report/${own}/actions/pass_review`,
    { version: ownBefore.json.version, input: { opinion: "同意公开", noSecrets: true } },
  );
  expect(refused.status).toBe(403);
  expect(refused.json.error.message).toContain("本报告的起草人");
  const ownAfter = await call<{ state: string; version: number }>(
    page,
    "GET",
    `/api/reports/${own}/preview`,
  );
  expect(ownAfter.json).toMatchObject({ state: "secrecy_review", version: ownBefore.json.version });
  await screenshot(page, "report-review-refused");

  // The office reviews the writer's 2020 report.
  await page.goto(`${baseUrl}/reports/${id}`);
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
