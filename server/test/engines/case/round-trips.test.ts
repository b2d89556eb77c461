import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../../src/platform/audit/verify.ts";
import { examplesModule } from "../../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * Round trips of the write paths (issue 9): the statements sent to PostgreSQL to open a
 * case and to take a numbered step (`accept`: numbered, clocked, audited, indexed),
 * counted by wrapping the pg client — the session's own statements included (scope,
 * BEGIN, COMMIT). The audit chain they write still verifies.
 */
let t: TestApp;
let handler: Session;

/** The statements this process sends while `fn` runs. */
async function sent(fn: () => Promise<unknown>): Promise<string[]> {
  const out: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    const text = args[0];
    out.push(typeof text === "string" ? text : String((text as { text?: string })?.text ?? text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return out;
}

beforeAll(async () => {
  t = await testApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  await t.user("handler", unit, ["case_handler"]);
  handler = await t.login("handler");
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const openCase = () =>
  t.call(handler, {
    method: "POST",
    url: "/api/cases/example_permit",
    payload: {
      fields: {
        applicant: { name: "王小明", idNumber: "11010519491231002X" },
        item: "食品经营许可",
        category: "market",
      },
      onDate: "2020-05-29",
    },
  });

describe("round trips of the write paths", () => {
  it("opens a case in at most 6 statements and takes a numbered step in at most 8", async () => {
    // Warm up: the first request reads the calendar, the settings' cache and the like.
    const first = await openCase();
    expect(first.statusCode, first.body).toBe(201);
    const warm = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${first.json().id}/actions/accept`,
      payload: { version: 1, onDate: "2020-05-29" },
    });
    expect(warm.statusCode, warm.body).toBe(200);

    let id = 0;
    const open = await sent(async () => {
      const res = await openCase();
      expect(res.statusCode, res.body).toBe(201);
      id = res.json().id;
    });
    expect(open.length, open.join("\n---\n")).toBeLessThanOrEqual(6);

    const step = await sent(async () => {
      const res = await t.call(handler, {
        method: "POST",
        url: `/api/cases/example_permit/${id}/actions/accept`,
        payload: { version: 1, onDate: "2020-05-29" },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().numbers).toBeTruthy();
    });
    expect(step.length, step.join("\n---\n")).toBeLessThanOrEqual(8);

    // What was written is whole: the timeline, the number, the audit chain.
    const events = await t.db.owner
      .selectFrom("case_event")
      .select(["seq", "action"])
      .where("case_id", "=", id)
      .orderBy("seq")
      .execute();
    expect(events.map((e) => e.action)).toEqual(["create", "accept"]);
    const audits = await t.db.owner
      .selectFrom("audit_event")
      .select(["seq", "action"])
      .where("chain_key", "=", `case:${id}`)
      .orderBy("seq")
      .execute();
    expect(audits.map((a) => [a.seq, a.action])).toEqual([
      [1, "case.example_permit.create"],
      [2, "case.example_permit.accept"],
    ]);
    expect((await verifyAudit(t.db.owner, t.config)).ok).toBe(true);
  });
});
