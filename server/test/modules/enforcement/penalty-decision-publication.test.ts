import { describe, expect, it } from "vitest";
import { addDays, addMonthsClamped, type LocalDate } from "../../../src/kernel/time/index.ts";
import { fineNotice, noticeWith, P, waive } from "./penalty-decision-support.ts";
import {
  company,
  detail,
  handler,
  leader,
  ok,
  refused,
  step,
  useEnforcementApp,
} from "./support.ts";

/**
 * Issue 10 fault 12 over HTTP (market regulation, 总局令第45号): a decision imposing only
 * 通报批评 is published (only a warning alone is not); the party is told in writing at
 * service that it will be published (art. 8); publication ends after 3 months for 通报批评
 * and small fines, 3 years for the rest (art. 13, settings).
 */
useEnforcementApp();

async function decided(
  filedOn: string,
  notice: Record<string, unknown>,
  decision: Record<string, unknown>,
) {
  // An act of 2021 (通报批评 is a kind of the 2021 law only, art. 37).
  const n = await noticeWith(filedOn, company, notice, {
    flags: { violationOn: addDays(filedOn as LocalDate, -30), discoveredOn: "2021-09-01" },
  });
  await ok(n.res);
  await ok(await waive(n.id, n.noticeOn));
  const dec = await ok(
    await step(leader, P, n.id, "decide", { decisionKind: "penalty", ...decision }, n.noticeOn),
  );
  return { id: n.id, on: n.noticeOn, dec };
}

const discOf = async (id: number) =>
  (await detail(handler, P, id)).links.find((l: { kind: string }) => l.kind === "follows")
    ?.caseId as number | undefined;

describe("fault 12: publication in market regulation", () => {
  it("publishes a decision of 通报批评 alone, but not one of a warning alone", async () => {
    const crit = await decided(
      "2021-09-20",
      { intendedPenalty: "通报批评", intendedPenalties: ["criticism"] },
      { penalties: ["criticism"], decisionContent: "通报批评", discretionReason: "情节轻微" },
    );
    expect(crit.dec.fields.publicationPlan).toMatchObject({ required: true });
    expect(await discOf(crit.id)).toBeDefined();
    const warn = await decided(
      "2021-09-21",
      { intendedPenalty: "警告", intendedPenalties: ["warning"] },
      { penalties: ["warning"], decisionContent: "警告", discretionReason: "情节轻微" },
    );
    expect(warn.dec.fields.publicationPlan.required).toBe(false);
    expect(warn.dec.fields.publicationPlan.reason).toMatch(/仅受到警告的不予公示/);
  });

  it("refuses service without the written notice of publication", async () => {
    const c = await decided("2021-09-22", fineNotice(8000), {
      penalties: ["fine"],
      fineAmount: 8000,
      decisionContent: "罚款八千元",
    });
    const on = addDays(c.on, 1);
    await refused(
      handler,
      P,
      c.id,
      "serve",
      { serviceMethod: "direct", servedTo: "李四光" },
      on,
      422,
      /tell the party so in writing when serving it.*art\. 8/,
      "input.publicationNotified",
    );
    await ok(
      await step(
        handler,
        P,
        c.id,
        "serve",
        { serviceMethod: "direct", servedTo: "李四光", publicationNotified: true },
        on,
      ),
    );
  });

  it("a small fine is public for 3 months, then ended; a large one for 3 years", async () => {
    const small = await decided("2021-09-23", fineNotice(8000), {
      penalties: ["fine"],
      fineAmount: 8000,
      decisionContent: "罚款八千元",
    });
    const discId = (await discOf(small.id)) as number;
    const disc = await detail(handler, "penalty_disclosure", discId);
    expect(disc.case.fields.publicMonths).toBe(3);
    const publishedOn = addDays(small.on, 1);
    await ok(
      await step(
        leader,
        "penalty_disclosure",
        discId,
        "publish",
        { channel: "credit_system" },
        publishedOn,
      ),
    );
    const term = (await detail(handler, "penalty_disclosure", discId)).deadlines.find(
      (k: { clock: string }) => k.clock === "publication_term",
    );
    const end = addMonthsClamped(publishedOn as LocalDate, 3);
    expect(term.legalBasis).toMatch(/《市场监督管理行政处罚信息公示规定》第十三条/);
    await refused(
      handler,
      "penalty_disclosure",
      discId,
      "end_publication",
      {},
      addDays(end, -1),
      409,
      new RegExp(`public for 3 months, until ${end}`),
    );
    const ended = await ok(
      await step(handler, "penalty_disclosure", discId, "end_publication", {}, end),
    );
    expect(ended.state).toBe("ended");

    const large = await decided("2021-09-24", fineNotice(28000), {
      penalties: ["fine"],
      fineAmount: 28000,
      decisionContent: "罚款两万八千元",
    });
    const d2 = await detail(handler, "penalty_disclosure", (await discOf(large.id)) as number);
    expect(d2.case.fields.publicMonths).toBe(36);
  });
});
