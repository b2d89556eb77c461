import { describe, expect, it } from "vitest";
import { addDays, diffDays } from "../../../src/kernel/time/index.ts";
import { fineNotice, noticeWith, P, waive } from "./penalty-decision-support.ts";
import { company, detail, handler, leader, ok, step, t, useEnforcementApp } from "./support.ts";

/**
 * Issue 10 fault 6 over HTTP: only the 90-day decision limit may be suspended (on the
 * grounds the sector rules leave out of it: hearings, testing, announcement service);
 * the payment period, the court window and stopped clocks never move.
 */
useEnforcementApp();

type Clock = { clock: string; due: string | null; state: string };
const clocks = async (id: number) =>
  Object.fromEntries(
    ((await detail(handler, P, id)).deadlines as Clock[]).map((k) => [k.clock, k]),
  ) as Record<string, Clock>;
const op = async (id: number, path: string, body: Record<string, unknown>) => {
  const d = await detail(handler, P, id);
  return t.call(handler, {
    method: "POST",
    url: `/api/cases/${P}/${id}/${path}`,
    payload: { version: d.case.version, ...body },
    headers: { "accept-language": "en" },
  });
};

describe("fault 6: which penalty clocks a suspension may stop", () => {
  it("before the decision, suspension stops the 90-day limit and moves it by the days suspended", async () => {
    const n = await noticeWith("2021-10-08", company, fineNotice(8000));
    await ok(n.res);
    const before = await clocks(n.id);
    const on = addDays(n.noticeOn, 1);
    const s = await op(n.id, "suspend", { reason: "委托检验（检验期间不计入）", onDate: on });
    expect(s.statusCode, s.body).toBe(200);
    const r = await op(n.id, "resume", { onDate: addDays(on, 10) });
    expect(r.statusCode, r.body).toBe(200);
    const after = await clocks(n.id);
    // Ten days later (a last day on a rest day rolls to the next working day).
    const moved = diffDays(before.decision_limit?.due as never, after.decision_limit?.due as never);
    expect(moved).toBeGreaterThanOrEqual(10);
    expect(moved).toBeLessThanOrEqual(12);
  });

  it("refuses to suspend the payment period or the court window; a suspension moves neither, nor a stopped clock", async () => {
    const n = await noticeWith("2021-10-11", company, fineNotice(8000));
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
    const served = addDays(n.noticeOn, 1);
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
    const before = await clocks(n.id);
    expect(before.payment?.state).toBe("running");
    expect(before.court_application?.state).toBe("running");
    expect(before.decision_limit?.state).toBe("stopped");
    for (const k of ["payment", "court_application"]) {
      const res = await op(n.id, "suspend", { reason: "当事人申请", clocks: [k], onDate: served });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.message).toMatch(new RegExp(`cannot be suspended: ${k}`));
      expect(JSON.stringify(res.json().error.fields)).toMatch(/decision_limit/);
    }
    // A suspension of the whole case (nothing suspendable runs) leaves every clock as it was.
    const s = await op(n.id, "suspend", { reason: "当事人申请", onDate: addDays(served, 1) });
    if (s.statusCode === 200) {
      expect((await op(n.id, "resume", { onDate: addDays(served, 12) })).statusCode).toBe(200);
    }
    const after = await clocks(n.id);
    for (const k of ["payment", "court_application", "decision_limit", "service"]) {
      expect(after[k]?.due, k).toBe(before[k]?.due);
      expect(after[k]?.state, k).toBe(before[k]?.state);
    }
  });
});
