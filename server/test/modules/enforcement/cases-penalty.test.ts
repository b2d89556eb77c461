import { describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "../../../src/kernel/time/index.ts";
import { scanPublic } from "../../support/masking-scanner.ts";
import {
  allPassed,
  company,
  detail,
  due,
  handler,
  leader,
  minor,
  office,
  officers,
  ok,
  open,
  P,
  penaltyFields,
  person,
  refused,
  reviewer,
  step,
  t,
  toNotice,
  u,
  useEnforcementApp,
} from "./support.ts";

/**
 * The enforcement case types over HTTP (src/modules/enforcement/cases), by stage, on one
 * history of 2021: a penalty case from filing to closure, each guard refusing with a
 * clear error and nothing written, the procedure by the law in force on the filing date,
 * publication masked on the portal and withdrawn with its reason, documents, the lighter
 * case types and case-file review — and last the 2021 indicators, which count every case
 * the stages before made (so these stages share one file and one database).
 */
useEnforcementApp();

describe("a penalty case from filing to closure (2021 law)", () => {
  let id: number;
  let disclosureId: number;
  let noticeOn: LocalDate;

  it("files, investigates with two certified officers, concludes with the benchmark stored", async () => {
    const n = await toNotice("2021-09-01", {
      fine: 60000,
      hearingRight: true,
      flags: { complexOrMajorViolation: true },
    });
    id = n.id;
    noticeOn = n.noticeOn;
    const d = await detail(handler, "penalty_general", id);
    expect(d.case.state).toBe("notified");
    expect(d.case.fields.benchmark).toMatchObject({
      violationCode: "SCJG-001",
      fineMin: 5000,
      fineMax: 30000,
    });
    expect(d.case.fields.hearingRequestUntil).toBe(due(noticeOn, 5, "working_day"));
    const clock = d.deadlines.find((k: { clock: string }) => k.clock === "decision_limit");
    expect(clock.due).toBe(due("2021-09-01", 90, "calendar_day"));
    expect(clock.legalBasis).toBe("《中华人民共和国行政处罚法》第六十条");
    // The investigation step shows its officers in the timeline.
    const inv = d.timeline.find((e: { action: string }) => e.action === "investigate");
    expect(inv.data.input.officers).toEqual([officers.A.cert, officers.B.cert]);
    // The conclusion's derived benchmark is on its event.
    const concl = d.timeline.find((e: { action: string }) => e.action === "conclude_investigation");
    expect(concl.data.derived.benchmark.violationCode).toBe("SCJG-001");
  });

  it("records evidence with device, officer, capture time and hash; the timeline shows the custody", async () => {
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
      "hex",
    );
    const res = await t.call(handler, {
      method: "POST",
      url: `${P}/penalty_general/${id}/attachments?kind=evidence&name=photo.png&device=JLY-0001&officer=${officers.A.cert}&capturedAt=2021-09-02T10:00:00%2B08:00`,
      headers: { "content-type": "image/png" },
      payload: png,
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.sm3).toMatch(/^[0-9a-f]{64}$/);
    const dl = await t.call(handler, {
      method: "GET",
      url: `${P}/penalty_general/${id}/attachments/${a.id}`,
    });
    expect(dl.statusCode).toBe(200);
    const d = await detail(handler, "penalty_general", id);
    const custody = d.timeline.filter(
      (e: { data: { attachmentId?: number } }) => e.data.attachmentId === a.id,
    );
    expect(custody.map((e: { action: string }) => e.action)).toEqual(["attach", "download"]);
    expect(custody[0].data).toMatchObject({
      device: "JLY-0001",
      officer: officers.A.cert,
      capturedAt: "2021-09-02T10:00:00+08:00",
      sm3: a.sm3,
    });
  });

  it("refuses a decision inside the hearing-request window", async () => {
    await refused(
      leader,
      "penalty_general",
      id,
      "decide",
      {
        decisionKind: "penalty",
        penalties: ["warning", "fine"],
        fineAmount: 60000,
        decisionContent: "警告，罚款六万元",
        discretionReason: "情节较重",
      },
      addDays(noticeOn, 2),
      409,
      /may ask for a hearing until .*art\. 64/,
    );
  });

  it("takes the hearing request, refuses a hearing less than 7 working days ahead, then holds it", async () => {
    await ok(
      await step(handler, "penalty_general", id, "request_hearing", {}, addDays(noticeOn, 1)),
    );
    const scheduleOn = addDays(noticeOn, 2);
    const earliest = due(scheduleOn, 7, "working_day");
    const tooSoon = addDays(earliest as LocalDate, -1);
    const hearing = {
      hearingPlace: "区市场监管局听证室",
      hearingChair: "赵主持",
      publicHearing: true,
    };
    const err = await refused(
      handler,
      "penalty_general",
      id,
      "schedule_hearing",
      { ...hearing, hearingDate: tooSoon },
      scheduleOn,
      422,
      new RegExp(`on or after ${earliest}`),
      "input.hearingDate",
    );
    expect(err.fields[0].message).toMatch(/7 working days/);
    await ok(
      await step(
        handler,
        "penalty_general",
        id,
        "schedule_hearing",
        { ...hearing, hearingDate: earliest },
        scheduleOn,
      ),
    );
    await ok(
      await step(
        handler,
        "penalty_general",
        id,
        "hold_hearing",
        { partyAttended: true, record: "当事人对事实无异议，请求从轻", partySigned: true },
        earliest,
      ),
    );
  });

  it("refuses the decision of a major case without a passed legality review", async () => {
    const d = await detail(handler, "penalty_general", id);
    await refused(
      leader,
      "penalty_general",
      id,
      "decide",
      {
        decisionKind: "penalty",
        penalties: ["warning", "fine"],
        fineAmount: 60000,
        decisionContent: "警告，罚款六万元",
        discretionReason: "情节较重",
      },
      addDays(d.case.fields.hearingDate, 1),
      409,
      /major decision .*目录：罚款数额不低于50000元.*cannot be issued without a passed legality review/,
    );
  });

  it("refuses a reviewer who is not a legal reviewer, or a first-timer without the qualification", async () => {
    const d = await detail(handler, "penalty_general", id);
    const on = addDays(d.case.fields.hearingDate, 1);
    await refused(
      reviewer,
      "penalty_general",
      id,
      "legal_review",
      { reviewerCertificateNo: officers.A.cert, ...allPassed, opinion: "同意" },
      on,
      422,
      /not a legal reviewer/,
      "input.reviewerCertificateNo",
    );
    await refused(
      reviewer,
      "penalty_general",
      id,
      "legal_review",
      { reviewerCertificateNo: officers.N.cert, ...allPassed, opinion: "同意" },
      on,
      422,
      /first-time reviewer must hold it/,
      "input.reviewerCertificateNo",
    );
    // Only a legal reviewer's account may sign.
    const res = await step(
      handler,
      "penalty_general",
      id,
      "legal_review",
      { reviewerCertificateNo: officers.R.cert, ...allPassed, opinion: "同意" },
      on,
    );
    expect(res.statusCode).toBe(403);
  });

  it("a failed review item fails the review, and the decision stays refused", async () => {
    const d = await detail(handler, "penalty_general", id);
    const on = addDays(d.case.fields.hearingDate, 1);
    const r = await ok(
      await step(
        reviewer,
        "penalty_general",
        id,
        "legal_review",
        {
          reviewerCertificateNo: officers.R.cert,
          ...allPassed,
          factsEvidence: { passed: false, note: "缺少进货查验记录" },
          opinion: "补充证据后再审",
        },
        on,
      ),
    );
    expect(r.fields.legalReview.passed).toBe(false);
    expect(r.fields.legalReview.failed).toEqual(["factsEvidence"]);
    // The benchmark applied is shown to the review.
    expect(r.fields.legalReview.benchmark.fineMax).toBe(30000);
    expect(r.fields.legalReview.reviewer).toMatchObject({ name: officers.R.name, firstTime: true });
    await refused(
      leader,
      "penalty_general",
      id,
      "decide",
      {
        decisionKind: "penalty",
        penalties: ["warning", "fine"],
        fineAmount: 60000,
        decisionContent: "警告，罚款六万元",
        discretionReason: "情节较重",
      },
      on,
      409,
      /did not pass \(案件事实清楚、证据合法充分\)/,
    );
  });

  it("a first-time reviewer with the qualification passes it; a collective discussion follows", async () => {
    const d = await detail(handler, "penalty_general", id);
    const on = addDays(d.case.fields.hearingDate, 2);
    const r = await ok(
      await step(
        reviewer,
        "penalty_general",
        id,
        "legal_review",
        { reviewerCertificateNo: officers.R.cert, ...allPassed, opinion: "事实清楚，同意" },
        on,
      ),
    );
    expect(r.fields.legalReview.passed).toBe(true);
    expect(r.fields.legalReview.reviewer.firstTime).toBe(false);
    await refused(
      leader,
      "penalty_general",
      id,
      "decide",
      {
        decisionKind: "penalty",
        penalties: ["warning", "fine"],
        fineAmount: 60000,
        decisionContent: "警告，罚款六万元",
        discretionReason: "情节较重",
      },
      on,
      409,
      /collective discussion first.*art\. 57/,
    );
    const res = await step(
      handler,
      "penalty_general",
      id,
      "collective_discussion",
      { participants: ["甲", "乙", "丙"], conclusion: "同意" },
      on,
    );
    expect(res.statusCode).toBe(403);
    await ok(
      await step(
        leader,
        "penalty_general",
        id,
        "collective_discussion",
        { participants: ["局长甲", "副局长乙", "副局长丙"], conclusion: "同意法制审核意见" },
        on,
      ),
    );
  });

  it("refuses a fine heavier than notified, and a fine outside the benchmark without a reason", async () => {
    const d = await detail(handler, "penalty_general", id);
    const on = d.case.fields.collectiveDiscussion.onDate;
    const base = {
      decisionKind: "penalty",
      penalties: ["warning", "fine"],
      decisionContent: "警告，罚款",
    };
    await refused(
      leader,
      "penalty_general",
      id,
      "decide",
      { ...base, fineAmount: 70000, discretionReason: "x" },
      on,
      422,
      /heavier than the notice: 罚款70000元（告知60000元）/,
      "input.penalties",
    );
    await refused(
      leader,
      "penalty_general",
      id,
      "decide",
      { ...base, fineAmount: 60000 },
      on,
      422,
      /outside the discretion benchmark SCJG-001 .*5000–30000/,
      "input.discretionReason",
    );
  });

  it("decides with a number, opens the publication record, and serves", async () => {
    const d0 = await detail(handler, "penalty_general", id);
    const on = d0.case.fields.collectiveDiscussion.onDate;
    const dec = await ok(
      await step(
        leader,
        "penalty_general",
        id,
        "decide",
        {
          decisionKind: "penalty",
          penalties: ["warning", "fine"],
          fineAmount: 60000,
          decisionContent: "给予警告，并处罚款人民币六万元",
          discretionReason: "当事人曾因同类违法行为受过处罚，从重处罚",
        },
        on,
      ),
    );
    expect(dec.numbers.decision).toBe("武隆市监罚〔2021〕1号");
    expect(dec.fields.major).toMatchObject({ isMajor: true, reviewPassed: true });
    expect(dec.fields.major.reasons.join()).toMatch(/第五十八条第一款第（二）项/);
    expect(dec.fields.benchmarkCheck).toEqual({ applied: true, within: false });
    expect(dec.fields.publicationPlan).toMatchObject({ required: true, workingDays: 20 });
    const d = await detail(handler, "penalty_general", id);
    const link = d.links.find((l: { kind: string }) => l.kind === "follows");
    expect(link.caseType).toBe("penalty_disclosure");
    disclosureId = link.caseId;
    const disc = await detail(handler, "penalty_disclosure", disclosureId);
    expect(disc.case.fields.party).toEqual({
      kind: "natural_person",
      name: "张三丰",
      minor: false,
    });
    expect(JSON.stringify(disc.case.fields)).not.toContain(person.idNumber);
    const pub = disc.deadlines.find((k: { clock: string }) => k.clock === "publication");
    expect(pub.due).toBe(due(on, 20, "working_day"));
    // The service clock: 7 working days (art. 61, 85).
    expect(d.deadlines.find((k: { clock: string }) => k.clock === "service").due).toBe(
      due(on, 7, "working_day"),
    );
    const served = await ok(
      await step(
        handler,
        "penalty_general",
        id,
        "serve",
        { serviceMethod: "direct", servedTo: "张三丰", publicationNotified: true },
        addDays(on, 2),
      ),
    );
    expect(served.fields.paymentDue).toBe(due(addDays(on, 2), 15, "calendar_day"));
  });

  it("generates the decision and the service receipt as .docx", async () => {
    for (const code of ["penalty_decision", "service_receipt"]) {
      const res = await t.call(handler, {
        method: "GET",
        url: `${P}/penalty_general/${id}/documents/${code}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toMatch(/wordprocessingml/);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    }
  });

  it("refuses closing with the fine unpaid and a surcharge above the cap; then pays and closes", async () => {
    const d = await detail(handler, "penalty_general", id);
    const paymentDue = d.case.fields.paymentDue as LocalDate;
    await refused(
      handler,
      "penalty_general",
      id,
      "close",
      {},
      addDays(paymentDue, 1),
      409,
      /fine of 60000 yuan is unpaid/,
    );
    // Two days late: at most 2 × 3% × 60000 = 3600 yuan.
    await refused(
      handler,
      "penalty_general",
      id,
      "record_payment",
      { amountPaid: 60000, surchargePaid: 3700, collector: "农商行武隆支行", receiptNo: "R001" },
      addDays(paymentDue, 2),
      422,
      /at most 3600 yuan/,
      "input.surchargePaid",
    );
    const paid = await ok(
      await step(
        handler,
        "penalty_general",
        id,
        "record_payment",
        { amountPaid: 60000, surchargePaid: 3600, collector: "农商行武隆支行", receiptNo: "R001" },
        addDays(paymentDue, 2),
      ),
    );
    expect(paid.fields.payment).toMatchObject({ daysLate: 2, surchargeCap: 3600 });
    const closed = await ok(
      await step(handler, "penalty_general", id, "close", {}, addDays(paymentDue, 3)),
    );
    expect(closed.state).toBe("closed");
  });

  it("publishes the decision on the portal, masked", async () => {
    const d = await detail(handler, "penalty_disclosure", disclosureId);
    const on = addDays(d.case.fields.decidedOn, 5);
    const p = await ok(
      await step(
        leader,
        "penalty_disclosure",
        disclosureId,
        "publish",
        { channel: "credit_system" },
        on,
      ),
    );
    expect(p.fields.publishedOnTime).toBe(true);
    const page = await t.app.inject({
      method: "GET",
      url: `/public/500156/sections/penalty_decisions/${disclosureId}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("武隆市监罚〔2021〕1号");
    expect(page.body).toContain("张**");
    expect(page.body).not.toContain("张三丰");
    const scan = await scanPublic(
      t.app,
      [{ name: person.name, idNumber: person.idNumber, phone: person.phone }],
      ["/public", "/public/500156"],
      ["/public/api/500156/cases/penalty_disclosure"],
    );
    expect(scan.visited).toContain(`/public/500156/sections/penalty_decisions/${disclosureId}`);
    expect(scan.leaks).toEqual([]);
  });

  it("a revoked decision starts the 3-working-day withdrawal clock on the warning list; the portal then shows the withdrawal and its reason", async () => {
    const d = await detail(handler, "penalty_disclosure", disclosureId);
    const on = addDays(d.case.fields.publishedOn, 30);
    // A sensitive step: the reason is required.
    const noReason = await step(
      handler,
      "penalty_general",
      id,
      "alter_decision",
      {
        ground: "revoked",
        authority: "reconsideration",
        documentNo: "武隆府复〔2021〕9号",
        reason: "事实不清",
      },
      on,
    );
    expect(noReason.statusCode).toBe(422);
    await ok(
      await step(
        handler,
        "penalty_general",
        id,
        "alter_decision",
        {
          ground: "revoked",
          authority: "reconsideration",
          documentNo: "武隆府复〔2021〕9号",
          reason: "主要事实不清、证据不足",
        },
        on,
        "复议决定撤销",
      ),
    );
    const disc = await detail(handler, "penalty_disclosure", disclosureId);
    const w = disc.deadlines.find((k: { clock: string }) => k.clock === "withdrawal");
    expect(w.due).toBe(due(on, 3, "working_day"));
    expect(w.legalBasis).toMatch(/^《中华人民共和国行政处罚法》第四十八条第二款/);
    const warnings = (
      await t.call(handler, { method: "GET", url: "/api/warnings?limit=500" })
    ).json().items;
    expect(
      warnings.some(
        (x: { caseId: number; clock: string; warning: string }) =>
          x.caseId === disclosureId && x.clock === "withdrawal" && x.warning === "overdue",
      ),
    ).toBe(true);
    await ok(
      await step(
        handler,
        "penalty_disclosure",
        disclosureId,
        "withdraw",
        {
          withdrawalGround: "revoked",
          withdrawalReason: "该处罚决定已被武隆府复〔2021〕9号行政复议决定撤销",
        },
        addDays(on, 1),
        "决定被撤销",
      ),
    );
    const page = await t.app.inject({
      method: "GET",
      url: `/public/500156/sections/penalty_decisions/${disclosureId}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("已撤回");
    expect(page.body).toContain("行政复议决定撤销");
    expect(page.body).not.toContain("张**");
    expect(page.body).not.toContain("罚款");
    const api = (
      await t.app.inject({ method: "GET", url: "/public/api/500156/cases/penalty_disclosure" })
    ).json();
    const item = api.items.find((x: { id: number }) => x.id === disclosureId);
    expect(Object.keys(item).sort()).toEqual(
      [
        "body",
        "id",
        "number",
        "status",
        "withdrawalGround",
        "withdrawalReason",
        "withdrawnOn",
      ].sort(),
    );
    const after = (await t.call(handler, { method: "GET", url: "/api/warnings?limit=500" })).json()
      .items;
    expect(after.some((x: { caseId: number }) => x.caseId === disclosureId)).toBe(false);
  });
});

describe("guards", () => {
  it("investigation needs two officers with certificates valid that day, of the case's body", async () => {
    const c = await open(handler, "penalty_general", penaltyFields(), "2021-10-11");
    const inv = (officerList: string[]) => ({
      officers: officerList,
      kind: "inquiry",
      summary: "询问当事人",
    });
    await refused(
      handler,
      "penalty_general",
      c.id,
      "investigate",
      inv([officers.A.cert]),
      "2021-10-12",
      422,
      /at least 2 officers .* 1 named \(行政处罚法\(2021\) art\. 42/,
      "input.officers",
    );
    await refused(
      handler,
      "penalty_general",
      c.id,
      "investigate",
      inv([officers.A.cert, officers.C.cert]),
      "2021-10-12",
      422,
      /周过期's certificate 500156000003 is not valid on 2021-10-12/,
      "input.officers",
    );
    await refused(
      handler,
      "penalty_general",
      c.id,
      "investigate",
      inv([officers.A.cert, "999999999"]),
      "2021-10-12",
      422,
      /no enforcement officer holds certificate 999999999/,
      "input.officers",
    );
    await refused(
      handler,
      "penalty_general",
      c.id,
      "investigate",
      inv([officers.A.cert, officers.X.cert]),
      "2021-10-12",
      422,
      /enforces for sthjj, not for this case's body scjgj/,
      "input.officers",
    );
    // The same officer twice is one officer.
    await refused(
      handler,
      "penalty_general",
      c.id,
      "investigate",
      inv([officers.A.cert, officers.A.cert.toLowerCase()]),
      "2021-10-12",
      422,
      /1 named/,
      "input.officers",
    );
    await ok(
      await step(
        handler,
        "penalty_general",
        c.id,
        "investigate",
        inv([officers.A.cert, officers.B.cert]),
        "2021-10-12",
      ),
    );
  });

  it("2021 law: a non-major decision needs no review; the party's waiver ends the hearing window", async () => {
    const n = await toNotice("2021-10-11", { fine: 10000, hearingRight: true });
    await refused(
      leader,
      "penalty_general",
      n.id,
      "decide",
      {
        decisionKind: "penalty",
        penalties: ["fine"],
        fineAmount: 10000,
        decisionContent: "罚款一万元",
      },
      n.noticeOn,
      409,
      /may ask for a hearing until/,
    );
    await ok(
      await step(
        handler,
        "penalty_general",
        n.id,
        "waive_rights",
        { statementWaived: true, hearingWaived: true, signedBy: "张三丰" },
        n.noticeOn,
      ),
    );
    const dec = await ok(
      await step(
        leader,
        "penalty_general",
        n.id,
        "decide",
        {
          decisionKind: "penalty",
          penalties: ["fine"],
          fineAmount: 10000,
          decisionContent: "罚款一万元",
        },
        n.noticeOn,
      ),
    );
    expect(dec.fields.major).toEqual({
      isMajor: false,
      reasons: [],
      reviewRequired: false,
      reviewPassed: false,
    });
    // Market regulation publishes every general-procedure decision (总局令第45号).
    expect(dec.fields.publicationPlan).toMatchObject({ required: true, workingDays: 20 });
  });

  it("the art. 58 flags make a decision major; a request for a hearing after the window is refused", async () => {
    const n = await toNotice("2021-11-01", {
      fine: 10000,
      hearingRight: true,
      flags: { majorPublicInterest: true },
    });
    const late = addDays(due(n.noticeOn, 5, "working_day") as LocalDate, 1);
    await refused(
      handler,
      "penalty_general",
      n.id,
      "request_hearing",
      {},
      late,
      409,
      /too late: a hearing could be asked for until/,
    );
    await refused(
      leader,
      "penalty_general",
      n.id,
      "decide",
      { decisionKind: "penalty", penalties: ["fine"], fineAmount: 10000, decisionContent: "罚款" },
      late,
      409,
      /涉及重大公共利益（第五十八条第一款第（一）项）.*legality review/,
    );
  });

  it("a minor's decision is never published", async () => {
    const n = await toNotice("2021-11-01", { party: minor, fine: 500 });
    // Below the benchmark: decided collectively (issue 10), stating the minor's ground (art. 30).
    await ok(
      await step(
        leader,
        "penalty_general",
        n.id,
        "collective_discussion",
        { participants: ["局长甲", "副局长乙", "副局长丙"], conclusion: "依法减轻处罚" },
        n.noticeOn,
      ),
    );
    const dec = await ok(
      await step(
        leader,
        "penalty_general",
        n.id,
        "decide",
        {
          decisionKind: "penalty",
          penalties: ["fine"],
          fineAmount: 500,
          decisionContent: "罚款",
          discretionReason: "未成年人，依法减轻处罚",
          mitigation: ["minor_14_18"],
        },
        n.noticeOn,
      ),
    );
    expect(dec.fields.publicationPlan.required).toBe(false);
    expect(dec.fields.publicationPlan.reason).toMatch(/未成年人/);
    const d = await detail(handler, "penalty_general", n.id);
    expect(d.links).toEqual([]);
  });
});

describe("the procedure by the law in force on the filing date (2017 text before 2021-07-15)", () => {
  it("has no 90-day limit, a 3-day hearing window, 7 calendar days' hearing notice, and a review for every decision", async () => {
    // 2020-09-28 (Mon): 3 calendar days → 10-01 is a holiday, rolled to the next working day.
    const c = await open(handler, "penalty_general", penaltyFields(company), "2020-09-14");
    await ok(
      await step(
        handler,
        "penalty_general",
        c.id,
        "investigate",
        { officers: [officers.A.cert, officers.B.cert], kind: "inquiry", summary: "询问" },
        "2020-09-15",
      ),
    );
    await ok(
      await step(
        handler,
        "penalty_general",
        c.id,
        "conclude_investigation",
        {
          facts: "销售过期食品",
          evidence: "笔录",
          legalBasis: "食品安全法第一百二十四条",
          circumstance: "general",
          proposedFine: 8000,
        },
        "2020-09-21",
      ),
    );
    await ok(
      await step(
        handler,
        "penalty_general",
        c.id,
        "notify",
        {
          intendedPenalty: "罚款八千元",
          intendedPenalties: ["fine"],
          intendedFine: 8000,
          hearingRight: true,
        },
        "2020-09-28",
      ),
    );
    const d = await detail(handler, "penalty_general", c.id);
    expect(d.deadlines.map((k: { clock: string }) => k.clock)).not.toContain("decision_limit");
    expect(d.case.fields.hearingRequestUntil).toBe(due("2020-09-28", 3, "calendar_day"));
    expect(d.case.fields.hearingRequestUntil).toBe("2020-10-09");
    await ok(await step(handler, "penalty_general", c.id, "request_hearing", {}, "2020-09-29"));
    // 7 calendar days ahead is enough under the 2017 text (it is less than 7 working days here).
    const hearingDate = due("2020-09-29", 7, "calendar_day");
    expect(hearingDate < due("2020-09-29", 7, "working_day")).toBe(true);
    await ok(
      await step(
        handler,
        "penalty_general",
        c.id,
        "schedule_hearing",
        { hearingDate, hearingPlace: "听证室", hearingChair: "赵主持" },
        "2020-09-29",
      ),
    );
    await ok(
      await step(
        handler,
        "penalty_general",
        c.id,
        "hold_hearing",
        { partyAttended: false, record: "当事人无正当理由未到场", partySigned: false },
        hearingDate,
      ),
    );
    await refused(
      leader,
      "penalty_general",
      c.id,
      "decide",
      { decisionKind: "penalty", penalties: ["fine"], fineAmount: 8000, decisionContent: "罚款" },
      addDays(hearingDate as LocalDate, 1),
      409,
      /legality review.*2017\) art\. 38 para\. 3/,
    );
  });

  it("simplified procedure: the 2017 limits (50 yuan for a citizen) and the 2021 ones (200 yuan)", async () => {
    const make = (onDate: string, fineAmount: number) =>
      open(
        handler,
        "penalty_simplified",
        {
          party: person,
          category: "market_regulation",
          place: "芙蓉路",
          facts: "占道经营",
          legalBasis: "某条例第十条",
          penaltyKind: "fine",
          fineAmount,
        },
        onDate,
      );
    const old = await make("2020-06-01", 100);
    await refused(
      handler,
      "penalty_simplified",
      old.id,
      "decide_on_spot",
      { officers: [officers.A.cert] },
      "2020-06-01",
      409,
      /at most 50 yuan for a citizen, 行政处罚法\(2017\) art\. 33/,
    );
    const now = await make("2021-09-01", 100);
    // Two officers under the 2021 text (art. 42).
    await refused(
      handler,
      "penalty_simplified",
      now.id,
      "decide_on_spot",
      { officers: [officers.A.cert] },
      "2021-09-01",
      422,
      /at least 2 officers/,
      "input.officers",
    );
    const d = await ok(
      await step(
        handler,
        "penalty_simplified",
        now.id,
        "decide_on_spot",
        { officers: [officers.A.cert, officers.B.cert], collectedOnSpot: true },
        "2021-09-01",
      ),
    );
    expect(d.numbers.decision).toBe("武隆市监简罚〔2021〕1号");
    await ok(await step(handler, "penalty_simplified", now.id, "file_with_body", {}, "2021-09-02"));
    await ok(await step(handler, "penalty_simplified", now.id, "close", {}, "2021-09-02"));
    const big = await make("2021-09-01", 201);
    await refused(
      handler,
      "penalty_simplified",
      big.id,
      "decide_on_spot",
      { officers: [officers.A.cert, officers.B.cert] },
      "2021-09-01",
      409,
      /at most 200 yuan/,
    );
  });
});

describe("inspection, seal-up and case-file review", () => {
  it("an inspection needs two valid officers and may order rectification", async () => {
    const c = await open(
      handler,
      "administrative_inspection",
      {
        party: company,
        category: "market_regulation",
        kind: "random",
        matter: "食品经营许可事项检查",
        legalBasis: "食品安全法第一百一十条",
      },
      "2021-09-06",
    );
    await refused(
      handler,
      "administrative_inspection",
      c.id,
      "inspect",
      {
        officers: [officers.A.cert, officers.C.cert],
        place: "公司仓库",
        findings: "x",
        problemFound: false,
      },
      "2021-09-07",
      422,
      /not valid on 2021-09-07/,
      "input.officers",
    );
    await ok(
      await step(
        handler,
        "administrative_inspection",
        c.id,
        "inspect",
        {
          officers: [officers.A.cert, officers.B.cert],
          place: "公司仓库",
          findings: "进货查验记录不全",
          problemFound: true,
        },
        "2021-09-07",
      ),
    );
    await ok(
      await step(
        handler,
        "administrative_inspection",
        c.id,
        "order_rectification",
        { rectificationDeadline: "2021-09-30", requirements: "补全记录" },
        "2021-09-07",
      ),
    );
    await ok(
      await step(
        handler,
        "administrative_inspection",
        c.id,
        "conclude",
        { result: "rectified" },
        "2021-10-08",
      ),
    );
  });

  it("a seal-up runs 30 days, may be extended once by 30 with a leader's approval", async () => {
    const c = await open(
      handler,
      "administrative_compulsion",
      {
        party: company,
        category: "market_regulation",
        measure: "seizure",
        items: ["过期食品12盒"],
        place: "公司仓库",
        reason: "防止证据灭失",
        legalBasis: "食品安全法第一百一十条第（四）项",
      },
      "2021-09-08",
    );
    // The leader approves first (行政强制法 art. 18 (一)); details in coercive-measures.test.ts.
    await ok(
      await step(
        leader,
        "administrative_compulsion",
        c.id,
        "approve",
        { opinion: "同意" },
        "2021-09-08",
      ),
    );
    await refused(
      handler,
      "administrative_compulsion",
      c.id,
      "impose",
      { officers: [officers.A.cert, officers.B.cert], listHandedOver: false },
      "2021-09-08",
      422,
      /handed over on the spot \(行政强制法 art\. 24\)/,
      "input.listHandedOver",
    );
    await ok(
      await step(
        handler,
        "administrative_compulsion",
        c.id,
        "impose",
        { officers: [officers.A.cert, officers.B.cert], listHandedOver: true },
        "2021-09-08",
      ),
    );
    let d = await detail(handler, "administrative_compulsion", c.id);
    expect(d.deadlines[0].due).toBe(due("2021-09-08", 30, "calendar_day"));
    await ok(
      await step(
        leader,
        "administrative_compulsion",
        c.id,
        "extend_term",
        { days: 30, reason: "情况复杂", noticeNo: "延期〔2021〕1号", noticeServedOn: "2021-10-01" },
        "2021-10-01",
      ),
    );
    d = await detail(handler, "administrative_compulsion", c.id);
    // Counted from the original end: 60 days from the day imposed, rolled once.
    expect(d.deadlines[0].due).toBe(due("2021-09-08", 60, "calendar_day"));
  });

  it("a case-file review scores a closed case linked by reviews; the score is attributed to the reviewed body", async () => {
    const list = (
      await t.call(office, { method: "GET", url: `${P}/penalty_simplified?state=closed` })
    ).json();
    const closedId = list.items[0].id;
    const r = await open(
      office,
      "case_file_review",
      { year: 2021, reviewers: ["评查员甲", "评查员乙"] },
      "2021-12-01",
    );
    const scores = {
      subject: 10,
      procedure: 22,
      factsEvidence: 23,
      legalApplication: 14,
      discretion: 8,
      documents: 9,
      archiving: 4,
      comments: "程序规范",
    };
    await refused(
      office,
      "case_file_review",
      r.id,
      "score",
      scores,
      "2021-12-02",
      409,
      /link the reviewed case first/,
    );
    const link = await t.call(office, {
      method: "POST",
      url: `${P}/case_file_review/${r.id}/links`,
      payload: { kind: "reviews", toCaseId: closedId },
    });
    expect(link.statusCode, link.body).toBe(200);
    await refused(
      office,
      "case_file_review",
      r.id,
      "score",
      { ...scores, subject: 11 },
      "2021-12-02",
      422,
      /at most 10 points/,
      "input.subject",
    );
    const s = await ok(await step(office, "case_file_review", r.id, "score", scores, "2021-12-02"));
    expect(s.fields).toMatchObject({ total: 90, grade: "excellent", reviewedUnitId: u.market });
  });
});

describe("indicators", () => {
  it("compute for 2021, per body, with drill-down", async () => {
    // One more decision, published late, for the on-time rate.
    const n = await toNotice("2021-10-18", { fine: 10000 });
    await ok(
      await step(
        leader,
        "penalty_general",
        n.id,
        "decide",
        {
          decisionKind: "penalty",
          penalties: ["fine"],
          fineAmount: 10000,
          decisionContent: "罚款",
        },
        n.noticeOn,
      ),
    );
    const d = await detail(handler, "penalty_general", n.id);
    const discId = d.links.find((l: { kind: string }) => l.kind === "follows").caseId;
    await ok(
      await step(
        leader,
        "penalty_disclosure",
        discId,
        "publish",
        { channel: "credit_system" },
        addDays(due(n.noticeOn, 20, "working_day") as LocalDate, 1),
      ),
    );
    const res = await t.call(office, {
      method: "GET",
      url: "/api/indicators/values?region=500156&year=2021",
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = Object.fromEntries(
      (res.json().values as { id: string; value: number | null }[])
        .filter((x) => x.id.startsWith("enforcement_"))
        .map((x) => [x.id, x.value]),
    );
    expect(v.enforcement_major_decisions).toBe(1);
    expect(v.enforcement_major_review_rate).toBe(100);
    expect(v.enforcement_decisions_to_publish).toBe(3);
    expect(v.enforcement_decisions_published_on_time).toBe(1);
    expect(v.enforcement_publications_withdrawn).toBe(1);
    expect(v.enforcement_file_review_score).toBe(90);
    expect(v.enforcement_simplified_cases).toBe(2);
    expect(v.enforcement_overdue_cases).toBeGreaterThanOrEqual(2);
    const byBody = (
      await t.call(office, {
        method: "GET",
        url: `/api/indicators/values?region=500156&year=2021&unitId=${u.env}&ids=enforcement_cases,enforcement_file_review_score`,
      })
    ).json().values;
    expect(byBody.find((x: { id: string }) => x.id === "enforcement_cases").value).toBe(0);
    expect(byBody.find((x: { id: string }) => x.id === "enforcement_file_review_score").value).toBe(
      null,
    );
    const drill = (
      await t.call(office, {
        method: "GET",
        url: "/api/indicators/enforcement_overdue_cases/drill?region=500156&year=2021",
      })
    ).json();
    expect(drill.rows.length).toBe(drill.value);
    expect(drill.rows[0].extra.overdue.length).toBeGreaterThan(0);
  });
});
