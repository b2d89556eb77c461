/**
 * Normative documents in the browser: the district government opens a draft for public
 * comment; a citizen, without an account, finds it on the portal and comments through the
 * page's form; the drafter sees the comment (with the contact the public never sees); the
 * demo's showcase shows its published answers and adoption report.
 */
import { expect } from "vitest";
import { loginAs, shanghaiDate, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

const DRAFTER = "wl.qzf.leader";
const title = uniqueName("武隆区规范性文件测试稿-");
let caseId = 0;

test("a citizen comments on an open draft through the portal's form", async ({ page }) => {
  await loginAs(page, baseUrl, DRAFTER);
  const session = await (await page.request.get(`${baseUrl}/api/auth/session`)).json();
  const headers = { "x-csrf-token": session.csrfToken };
  const today = shanghaiDate(0);
  const opened = await page.request.post(`${baseUrl}/api/cases/normative_document`, {
    headers,
    data: {
      fields: {
        title,
        issuer: "government",
        numberPrefix: "武隆府发",
        marketRelated: false,
        draftText: "第一条 为规范管理，制定本办法。",
      },
      onDate: today,
    },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  caseId = (await opened.json()).id;
  const step = await page.request.post(
    `${baseUrl}/api/cases/normative_document/${caseId}/actions/open_comment`,
    {
      headers,
      data: {
        version: 1,
        input: { commentFrom: today, commentTo: shanghaiDate(40) },
        onDate: today,
      },
    },
  );
  expect(step.status(), await step.text()).toBe(200);

  // The citizen: the portal's list, the draft, the form.
  const citizen = await page.context().browser()!.newContext();
  const p = await citizen.newPage();
  await p.goto(`${baseUrl}/public/500156/consultations`);
  await p.getByRole("link", { name: title }).click();
  await p.getByText("第一条 为规范管理").waitFor();
  await p.getByLabel("针对的条款或主题（选填）").fill("第一条");
  await p.getByLabel(/意见内容/).fill("建议明确适用范围。");
  await p.getByLabel(/联系电话/).fill("13900001111");
  await p.getByRole("button", { name: "提交意见" }).click();
  await p.getByText("您的意见已提交").waitFor();
  await p.getByText("建议明确适用范围。").waitFor();
  expect(await p.content()).not.toContain("13900001111");
  await screenshot(p, "rules-comment");
  await citizen.close();

  // The drafter reads it, with the contact.
  const k = await (
    await page.request.get(`${baseUrl}/api/cases/normative_document/${caseId}/consultation`)
  ).json();
  expect(k.comments.map((c: { body: string }) => c.body)).toContain("建议明确适用范围。");
  expect(k.comments[0].contact).toBe("13900001111");
});

test("the showcase's answers and adoption report are on the portal", async ({ page }) => {
  await page.goto(`${baseUrl}/public/500156/consultations`);
  await page.getByRole("link", { name: "武隆区外贸专项资金管理实施细则（试行）" }).click();
  await page.getByText("答复：不予采纳").waitFor();
  await page.getByRole("link", { name: /下载意见采纳情况及理由/ }).waitFor();
});
