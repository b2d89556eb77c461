import { describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "../../../src/kernel/time/index.ts";
import { oversightModule } from "../../../src/modules/oversight/index.ts";
import type { Session } from "../../support/app.ts";
import { fineNotice, noticeWith, waive } from "../enforcement/penalty-decision-support.ts";
import {
  company,
  detail,
  handler,
  leader,
  ok,
  step,
  t,
  u,
  useEnforcementApp,
} from "../enforcement/support.ts";

/**
 * A reconsideration (by the district justice bureau) and a suit (by the market bureau as
 * defendant) linked by `reviews` to a market-bureau penalty decision: a correcting outcome
 * takes the penalty's declared alteration step; an upholding one leaves it as it is.
 */
useEnforcementApp([oversightModule]);

let rh: Session;
let rl: Session;
const R = "reconsideration";
const P = "penalty_general";

async function decidedPenalty(filedOn: string) {
  const n = await noticeWith(filedOn, company, fineNotice(8000));
  await ok(n.res);
  await ok(await waive(n.id, n.noticeOn));
  await ok(
    await step(
      leader,
      P,
      n.id,
      "decide",
      { decisionKind: "penalty", penalties: ["fine"], fineAmount: 8000, decisionContent: "罚款" },
      n.noticeOn,
    ),
  );
  const served = addDays(n.noticeOn as LocalDate, 1);
  await ok(
    await step(
      handler,
      P,
      n.id,
      "serve",
      { serviceMethod: "direct", servedTo: "李四光", publicationNotified: true },
      served,
    ),
  );
  return { id: n.id, served };
}

async function reconsideration(penaltyId: number, on: string) {
  if (!rh) {
    await t.user("rhandler", u.office as number, ["case_handler"]);
    await t.user("rleader", u.office as number, ["unit_leader"]);
    rh = await t.login("rhandler");
    rl = await t.login("rleader");
  }
  const r = await t.call(rh, {
    method: "POST",
    url: `/api/cases/${R}`,
    payload: {
      fields: {
        applicant: { name: "重庆市武隆区山泉食品有限公司" },
        respondent: "重庆市武隆区市场监督管理局",
        actKind: "penalty",
        act: "罚款八千元的行政处罚决定",
        knewOn: addDays(on as LocalDate, -10),
        request: "撤销该处罚决定",
        numberPrefix: "武隆府复",
      },
      onDate: on,
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as number;
  const d = await detail(rh, R, id);
  const link = await t.call(rh, {
    method: "POST",
    url: `/api/cases/${R}/${id}/links`,
    payload: { version: d.case.version, kind: "reviews", toCaseId: penaltyId },
  });
  expect(link.statusCode, link.body).toBe(200);
  await ok(await step(rh, R, id, "accept", { procedure: "ordinary" }, on));
  return id;
}

describe("reconsideration linked to the penalty it reviews", () => {
  it("a revoking decision alters the penalty decision; an upholding one does not", async () => {
    const kept = await decidedPenalty("2021-10-08");
    const rk = await reconsideration(kept.id, addDays(kept.served, 5));
    await ok(
      await step(
        rl,
        R,
        rk,
        "decide",
        { outcome: "uphold", decisionContent: "维持", reasoning: "合法适当" },
        addDays(kept.served, 20),
      ),
    );
    expect((await detail(handler, P, kept.id)).case.state).not.toBe("altered");

    const revoked = await decidedPenalty("2021-10-11");
    const rr = await reconsideration(revoked.id, addDays(revoked.served, 5));
    await ok(
      await step(
        rl,
        R,
        rr,
        "decide",
        { outcome: "revoke", decisionContent: "撤销", reasoning: "主要事实不清、证据不足" },
        addDays(revoked.served, 20),
      ),
    );
    const p = await detail(handler, P, revoked.id);
    expect(p.case.state).toBe("altered");
    // The follow-up is on the penalty's timeline, with its input (the target's derive is not run through a link).
    const alteration = (p.timeline as { action: string }[]).find(
      (e) => e.action === "alter_decision",
    );
    expect(JSON.stringify(alteration)).toMatch(/"authority":"reconsideration"/);
    expect(JSON.stringify(alteration)).toMatch(/"ground":"revoked"/);
  }, 180_000);

  it("an overturned act opens an accountability review, concluded only once linked to the correcting decision", async () => {
    const p = await decidedPenalty("2021-10-13");
    const rr = await reconsideration(p.id, addDays(p.served, 5));
    await ok(
      await step(
        rl,
        R,
        rr,
        "decide",
        { outcome: "change", decisionContent: "变更罚款数额", reasoning: "内容不适当" },
        addDays(p.served, 20),
      ),
    );
    const on = addDays(p.served, 25);
    const a = await t.call(rl, {
      method: "POST",
      url: "/api/cases/accountability_review",
      payload: {
        fields: {
          subject: "罚款八千元的行政处罚决定",
          unitName: "区市场监管局",
          officers: ["刘执法", "陈执法"],
          reviewers: ["孙审核"],
        },
        onDate: on,
      },
    });
    expect(a.statusCode, a.body).toBe(201);
    const id = a.json().id as number;
    const finding = { fault: "minor", sanction: "criticism", finding: "裁量不当，负一般过错" };
    const before = await detail(rl, "accountability_review", id);
    const refusedRes = await step(
      rl,
      "accountability_review",
      id,
      "conclude",
      finding,
      on,
      "认定责任",
    );
    expect(refusedRes.statusCode, refusedRes.body).toBe(409);
    expect(refusedRes.json().error.message).toMatch(/link the reconsideration decision/);
    const after = await detail(rl, "accountability_review", id);
    expect(after.case.version).toBe(before.case.version);
    expect(after.timeline.length).toBe(before.timeline.length);
    const link = await t.call(rl, {
      method: "POST",
      url: `/api/cases/accountability_review/${id}/links`,
      payload: { version: after.case.version, kind: "opened_from", toCaseId: rr },
    });
    expect(link.statusCode, link.body).toBe(200);
    await ok(await step(rl, "accountability_review", id, "conclude", finding, on, "认定责任"));
  }, 180_000);
});
