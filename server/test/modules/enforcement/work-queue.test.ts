/**
 * The work queue (GET /api/work, engines/case/work.ts) and the case page's duties: each
 * role sees the cases where a step is its own work — the handler its cases, the legal
 * reviewer the cases waiting for 法制审核, the leader the decisions — soonest due first,
 * and the case page offers each user its own steps only.
 */
import { describe, expect, it } from "vitest";
import {
  detail,
  handler,
  leader,
  office,
  open,
  other,
  P,
  penaltyFields,
  reviewer,
  t,
  toNotice,
  useEnforcementApp,
} from "./support.ts";

useEnforcementApp();

interface Item {
  caseId: number;
  caseType: string;
  state: string;
  steps: { action: string; label: { zh: string } }[];
  due: { due: string; warning: string; label: { zh: string } } | null;
}

async function work(s: typeof handler) {
  const res = await t.call(s, { method: "GET", url: "/api/work" });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: Item[];
    total: number;
    counts: { overdue: number; dueSoon: number; dueToday: number };
    byUnit: { unitId: number; overdue: number; dueSoon: number }[] | null;
  };
}

describe("work queues per role", () => {
  it("lists each role's own steps, soonest due first", async () => {
    const filed = await open(handler, "penalty_general", penaltyFields(), "2022-05-30");
    const notified = await toNotice("2022-05-10");

    const h = await work(handler);
    const mine = h.items.filter((x) => x.caseType === "penalty_general");
    const ids = mine.map((x) => x.caseId);
    expect(ids).toContain(filed.id);
    expect(ids).toContain(notified.id);
    const first = mine.find((x) => x.caseId === filed.id)!;
    expect(first.steps.map((s) => s.action)).toContain("investigate");
    // Dropping the case is occasional: offered on the case page, never a queue item.
    expect(first.steps.map((s) => s.action)).not.toContain("drop");
    // Every item has its time limit; the list runs soonest first.
    const dues = mine.map((x) => x.due?.due ?? "9999");
    expect(dues).toEqual([...dues].sort());
    expect(first.due?.label.zh).toBeTruthy();

    const r = await work(reviewer);
    expect(r.items.map((x) => x.caseId)).toEqual([notified.id]);
    expect(r.items[0]!.steps.map((s) => s.action)).toEqual(["legal_review"]);

    const l = await work(leader);
    expect(l.items.map((x) => x.caseId)).toEqual([notified.id]);
    expect(l.items[0]!.steps.map((s) => s.action)).toContain("decide");
    expect(l.items[0]!.steps.map((s) => s.action)).not.toContain("notify");

    // Another unit's handler and the office see none of the bureau's steps as theirs.
    expect((await work(other)).items.map((x) => x.caseId)).not.toContain(notified.id);
    const o = await work(office);
    expect(o.items.filter((x) => x.caseType === "penalty_general")).toEqual([]);
    expect(o.byUnit).not.toBeNull();
    expect((await work(handler)).byUnit).toBeNull();
  });

  it("the case page offers each user its own steps and says who does what next", async () => {
    const c = await toNotice("2022-05-12");
    const asReviewer = await detail(reviewer, "penalty_general", c.id);
    const own = asReviewer.actions.filter((a: { duty: boolean }) => a.duty);
    expect(own.map((a: { action: string }) => a.action)).toEqual(["legal_review"]);
    // Allowed (record.write) but the handler's work: not the reviewer's.
    const notify = asReviewer.actions.find((a: { action: string }) => a.action === "notify");
    if (notify) expect(notify.duty).toBe(false);
    const next = asReviewer.next as { action: string; by: { zh: string }[] }[];
    expect(next.find((x) => x.action === "legal_review")?.by.map((b) => b.zh)).toEqual([
      "法制审核人员",
    ]);
    expect(next.find((x) => x.action === "decide")?.by.map((b) => b.zh)).toEqual(["单位负责人"]);
    const asHandler = await detail(handler, "penalty_general", c.id);
    const handlerOwn = asHandler.actions
      .filter((a: { duty: boolean }) => a.duty)
      .map((a: { action: string }) => a.action);
    expect(handlerOwn).not.toContain("legal_review");
    expect(handlerOwn).not.toContain("decide");
  });

  it("refuses the administrators (no business records) and writes nothing", async () => {
    const admin = await t.login("sysadmin");
    const before = await t.call(handler, {
      method: "GET",
      url: `${P}/penalty_general?pageSize=200`,
    });
    const res = await t.call(admin, { method: "GET", url: "/api/work" });
    expect(res.statusCode).toBe(403);
    const anon = await t.app.inject({ method: "GET", url: "/api/work" });
    expect(anon.statusCode).toBe(401);
    const after = await t.call(handler, {
      method: "GET",
      url: `${P}/penalty_general?pageSize=200`,
    });
    expect(after.json().total).toBe(before.json().total);
  });
});
