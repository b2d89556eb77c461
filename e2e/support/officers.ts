/**
 * Registering an enforcement officer through the 执法人员 register's form, as the bureau's
 * clerk does (shared by the penalty and Chinese walks). Under load a select's click can
 * miss; the body is chosen again until the select shows it, and a form that stays open
 * names what it says (the fields' errors, the server's message) instead of timing out mute.
 */
import type { Page } from "playwright-core";
import { screenshot } from "./browser.ts";
import { fill, fillDate, idNumber, option } from "./forms.ts";

export interface NewOfficer {
  name: string;
  cert: string;
  validFrom: string;
  validTo: string;
  reviewer?: boolean;
  qualified?: boolean;
}

const BODY = "区市场监管局";

export async function registerOfficer(
  page: Page,
  o: NewOfficer,
  beforeSubmit?: () => Promise<void>,
): Promise<void> {
  await page.getByTestId("entry-new").click();
  const form = page.getByTestId("entry-form");
  await form.waitFor();
  await page.waitForTimeout(300);
  await fill(form.getByTestId("field-data.name"), o.name);
  await fill(form.getByTestId("field-data.idNumber"), idNumber("500156", "1990-05-17"));
  // The body by its name from the directory (a searchable select, not a typed code).
  const body = form.getByTestId("field-data.bodyUnitCode");
  for (let i = 0; i < 3; i++) {
    await body.click();
    await page.keyboard.type("市场监管");
    await option(page, BODY).click();
    if ((await body.textContent())?.includes(BODY)) break;
  }
  await fill(form.getByTestId("field-data.certificateNo"), o.cert);
  await fillDate(form.getByTestId("field-data.certificateValidFrom"), o.validFrom);
  await fillDate(form.getByTestId("field-data.certificateValidTo"), o.validTo);
  if (o.reviewer) await form.getByTestId("field-data.legalReviewer").check();
  if (o.qualified) await form.getByTestId("field-data.legalQualification").check();
  if (beforeSubmit) await beforeSubmit();
  await page.getByTestId("entry-submit").click();
  await form.waitFor({ state: "detached", timeout: 60_000 }).catch(async (e) => {
    const said = await page
      .locator('.ant-form-item-explain-error, [role="alert"], .ant-message-notice')
      .allTextContents();
    await screenshot(page, "officer-form-stuck");
    throw new Error(`the officer form stayed open: ${said.join(" | ") || "—"}`, { cause: e });
  });
  await page
    .getByTestId("register-table")
    .locator("tbody tr.ant-table-row", { hasText: o.cert })
    .waitFor({ timeout: 60_000 });
}
