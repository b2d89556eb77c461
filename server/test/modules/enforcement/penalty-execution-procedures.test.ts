import { describe, expect, it } from "vitest";
import {
  company,
  detail,
  due,
  handler,
  leader,
  officers,
  ok,
  open,
  P,
  penaltyFields,
  refused,
  step,
  t,
  useEnforcementApp,
} from "./support.ts";

/**
 * The rules issue 10 found missing (part B), over HTTP: 先行登记保存 with the head's
 * approval and its 7-working-day decision, 回避 decided by the head, 行刑衔接 with the
 * case suspended meanwhile, and 责令改正 with its deadline and follow-up check.
 */
useEnforcementApp();

const PT = "penalty_general";
const clock = async (id: number, code: string, type = PT) =>
  (await detail(handler, type, id)).deadlines.find((k: { clock: string }) => k.clock === code);

describe("先行登记保存 (2021 art. 56)", () => {
  it("approved by the head; decided within 7 working days; no second one before it", async () => {
    const c = await open(handler, PT, penaltyFields(), "2021-08-02");
    const input = { items: ["过期食品12盒"], reason: "证据可能被转移" };
    const byHandler = await t.call(handler, {
      method: "POST",
      url: `${P}/${PT}/${c.id}/actions/preserve_evidence`,
      payload: { version: c.version, input, onDate: "2021-08-02" },
    });
    expect(byHandler.statusCode).toBe(403);
    const p = await ok(await step(leader, PT, c.id, "preserve_evidence", input, "2021-08-02"));
    expect(p.fields.preservation).toMatchObject({
      approvedOn: "2021-08-02",
      items: ["过期食品12盒"],
    });
    expect((await clock(c.id, "preservation")).due).toBe(due("2021-08-02", 7, "working_day"));
    await refused(
      leader,
      PT,
      c.id,
      "preserve_evidence",
      input,
      "2021-08-03",
      409,
      /has no handling decision yet/,
    );
    const h = await ok(
      await step(handler, PT, c.id, "handle_preserved", { handling: "tested" }, "2021-08-06"),
    );
    expect(h.fields.preservation).toMatchObject({ handling: "tested", handledOn: "2021-08-06" });
    expect((await clock(c.id, "preservation")).state).toBe("stopped");
    await refused(
      handler,
      PT,
      c.id,
      "handle_preserved",
      { handling: "returned" },
      "2021-08-06",
      409,
      /no preserved evidence waiting/,
    );
  });
});

describe("回避 (art. 43)", () => {
  it("decided by the head on the party's application; a recused officer takes no further step", async () => {
    const c = await open(handler, PT, penaltyFields(), "2021-08-02");
    const input = {
      appliedOn: "2021-08-03",
      officer: officers.A.cert,
      grounds: "执法人员与当事人有亲属关系",
      granted: true,
      reason: "经查属实",
    };
    await refused(
      leader,
      PT,
      c.id,
      "decide_recusal",
      { ...input, appliedOn: "2021-08-05" },
      "2021-08-04",
      422,
      /cannot come after the decision/,
      "input.appliedOn",
    );
    const r = await ok(await step(leader, PT, c.id, "decide_recusal", input, "2021-08-04"));
    expect(r.fields.recusals[0]).toMatchObject({
      officer: officers.A.cert,
      granted: true,
      decidedOn: "2021-08-04",
    });
    await refused(
      handler,
      PT,
      c.id,
      "investigate",
      { officers: [officers.A.cert, officers.B.cert], kind: "inquiry", summary: "询问" },
      "2021-08-05",
      422,
      new RegExp(`officer ${officers.A.cert} was recused`),
      "input.officers",
    );
  });
});

describe("行刑衔接 (art. 27)", () => {
  it("the case is suspended first; the transfer and the judiciary's answer are recorded", async () => {
    const c = await open(handler, PT, penaltyFields(), "2021-08-02");
    const transfer = {
      receivingOrgan: "重庆市武隆区公安局",
      documentNo: "武隆市监移〔2021〕1号",
      suspectedCrime: "涉嫌生产、销售不符合安全标准的食品罪",
      materials: "现场检查笔录、检验报告",
    };
    await refused(
      leader,
      PT,
      c.id,
      "transfer_judiciary",
      transfer,
      "2021-08-10",
      409,
      /suspend it first/,
    );
    const d = await detail(handler, PT, c.id);
    const s = await t.call(leader, {
      method: "POST",
      url: `${P}/${PT}/${c.id}/suspend`,
      payload: { version: d.case.version, reason: "涉嫌犯罪，移送公安机关", onDate: "2021-08-10" },
    });
    expect(s.statusCode, s.body).toBe(200);
    const tr = await ok(await step(leader, PT, c.id, "transfer_judiciary", transfer, "2021-08-10"));
    expect(tr.state).toBe("transferred");
    expect((await clock(c.id, "decision_limit")).state).toBe("suspended");
    const back = await ok(
      await step(
        handler,
        PT,
        c.id,
        "judiciary_returns",
        { answerDocumentNo: "武公不立〔2021〕8号" },
        "2021-09-10",
      ),
    );
    expect(back.state).toBe("investigating");
    expect(back.fields.judicialTransfer).toMatchObject({
      answer: "returned",
      receivingOrgan: "重庆市武隆区公安局",
    });
  });
});

describe("责令改正 (art. 28)", () => {
  it("a deadline on the warning list until the check; not corrected only after the deadline", async () => {
    const c = await open(
      handler,
      "correction_order",
      {
        party: company,
        category: "market_regulation",
        violation: "未按规定公示营业执照",
        requirements: "在经营场所醒目位置公示营业执照",
        deadline: "2021-09-15",
        legalBasis: "《中华人民共和国行政处罚法》第二十八条",
      },
      "2021-09-01",
    );
    expect((await clock(c.id, "correction", "correction_order")).due).toBe("2021-09-15");
    const warnings = (
      await t.call(handler, { method: "GET", url: "/api/warnings?limit=500" })
    ).json().items as {
      caseId: number;
      clock: string;
      warning: string;
    }[];
    expect(
      warnings.some(
        (x) => x.caseId === c.id && x.clock === "correction" && x.warning === "overdue",
      ),
    ).toBe(true);
    const input = {
      officers: [officers.A.cert, officers.B.cert],
      corrected: false,
      findings: "仍未公示",
    };
    await refused(
      handler,
      "correction_order",
      c.id,
      "check",
      input,
      "2021-09-14",
      422,
      /found only after it/,
      "input.corrected",
    );
    const r = await ok(await step(handler, "correction_order", c.id, "check", input, "2021-09-16"));
    expect(r.state).toBe("checked");
  });
});
