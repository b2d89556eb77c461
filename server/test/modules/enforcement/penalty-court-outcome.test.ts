import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { CaseTypeDecl } from "../../../src/engines/case/index.ts";
import type { ModuleDecl } from "../../../src/engines/registry.ts";
import {
  due,
  handler,
  leader,
  ok,
  open,
  P,
  refused,
  step,
  t,
  toNotice,
  useEnforcementApp,
} from "./support.ts";

/**
 * 行政诉讼法 第八十五条 over HTTP: the body records the court's first-instance outcome on the
 * penalty case (`record_court_outcome`), a judgment (判决, 15 days to appeal) or a ruling
 * (裁定, 10 days), from the day it was served, the end rolled to the next working day; the
 * court application waits until the outcome is in force. Refusals write nothing.
 */
const lawsuit: CaseTypeDecl<{ applicant: string }> = {
  code: "pc_litigation",
  label: { zh: "测试：行政诉讼一审", en: "Test: first-instance lawsuit" },
  module: "pc",
  fields: z.object({ applicant: z.string() }),
  title: (f) => `诉讼：${f.applicant}`,
  states: {
    pending: { label: { zh: "审理中", en: "Pending" } },
    decided: { label: { zh: "已裁判", en: "Decided" }, terminal: true },
  },
  initial: "pending",
  transitions: [
    { action: "decide", label: { zh: "裁判", en: "Decide" }, from: ["pending"], to: "decided" },
  ],
  links: ["reviews"],
};
const pcModule: ModuleDecl = {
  code: "pc",
  label: { zh: "测试", en: "Test" },
  caseTypes: [lawsuit],
};

useEnforcementApp([pcModule]);

const PT = "penalty_general";
const COURT = { court: "武隆区人民法院" };

/** Decided and served (2021-08-31), sued on 2021-10-08, reminded; the lawsuit ends on `judgedOn`. */
async function suedAndJudged(judgedOn: string) {
  const { id } = await toNotice("2021-07-20");
  const decision = {
    decisionKind: "penalty",
    penalties: ["fine"],
    fineAmount: 20000,
    decisionContent: "罚款人民币二万元",
  };
  await ok(await step(leader, PT, id, "decide", decision, "2021-08-20"));
  await ok(
    await step(
      handler,
      PT,
      id,
      "serve",
      { serviceMethod: "direct", servedTo: "张三丰" },
      "2021-08-31",
    ),
  );
  const c = await open(handler, "pc_litigation", { applicant: "张三丰" }, "2021-10-08");
  const link = await t.call(handler, {
    method: "POST",
    url: `${P}/pc_litigation/${c.id}/links`,
    payload: { kind: "reviews", toCaseId: id },
  });
  expect(link.statusCode, link.body).toBeLessThan(300);
  await ok(await step(handler, PT, id, "remind", { reminderNo: "催〔2021〕9号" }, "2021-10-11"));
  await ok(await step(handler, "pc_litigation", c.id, "decide", {}, judgedOn));
  return id;
}

const outcome = (form: string, servedOn: string) => ({
  instance: "first",
  form,
  documentNo: "（2022）渝0156行初1号",
  servedOn,
});

describe("a first-instance ruling: 10 days to appeal (行政诉讼法 第八十五条)", () => {
  it("served Tuesday 2022-03-01: the court may be asked from day 11 (2022-03-12), not on day 10", async () => {
    const id = await suedAndJudged("2022-03-01");
    await refused(
      handler,
      PT,
      id,
      "record_court_outcome",
      outcome("ruling", "2022-03-03"),
      "2022-03-02",
      422,
      /cannot have been served after 2022-03-02/,
      "input.servedOn",
    );
    const r = await ok(
      await step(
        handler,
        PT,
        id,
        "record_court_outcome",
        outcome("ruling", "2022-03-01"),
        "2022-03-02",
      ),
    );
    expect(r.fields.courtOutcomes[0]).toMatchObject({ form: "ruling", finalAfter: "2022-03-11" });
    await refused(
      handler,
      PT,
      id,
      "apply_court",
      COURT,
      "2022-03-11",
      409,
      /may still appeal the first-instance ruling until 2022-03-11; it is not yet in force.*十日内/,
    );
    const a = await ok(await step(handler, PT, id, "apply_court", COURT, "2022-03-12"));
    expect(a.state).toBe("court_enforcement");
  });

  it("a ruling whose 10th day is a holiday: the end rolls to the next working day", async () => {
    const id = await suedAndJudged("2022-04-21");
    // 2022-04-21 + 10 days = 2022-05-01, Labour Day (holiday 04-30 … 05-04, 国办发明电
    // 〔2021〕11号): the next working day is Thursday 2022-05-05.
    const end = due("2022-04-21", 10, "calendar_day");
    expect(end).toBe("2022-05-05");
    await ok(
      await step(
        handler,
        PT,
        id,
        "record_court_outcome",
        outcome("ruling", "2022-04-21"),
        "2022-04-22",
      ),
    );
    for (const on of ["2022-05-01", end]) {
      await refused(
        handler,
        PT,
        id,
        "apply_court",
        COURT,
        on,
        409,
        /until 2022-05-05; it is not yet in force/,
      );
    }
    await ok(await step(handler, PT, id, "apply_court", COURT, "2022-05-06"));
  });
});

describe("a first-instance judgment: 15 days to appeal", () => {
  it("served Tuesday 2022-03-01: refused on day 15 (2022-03-16), accepted on day 16", async () => {
    const id = await suedAndJudged("2022-03-01");
    await ok(
      await step(
        handler,
        PT,
        id,
        "record_court_outcome",
        outcome("judgment", "2022-03-01"),
        "2022-03-02",
      ),
    );
    await refused(
      handler,
      PT,
      id,
      "apply_court",
      COURT,
      "2022-03-16",
      409,
      /may still appeal the first-instance judgment until 2022-03-16.*十五日内/,
    );
    await ok(await step(handler, PT, id, "apply_court", COURT, "2022-03-17"));
  });
});
