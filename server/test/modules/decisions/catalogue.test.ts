/**
 * The decision catalogue's register refuses an adjustment whose reason is not a text
 * (《重大行政决策程序暂行条例》第三条第三款: an adjusted catalogue says why) with a 422
 * naming the field, and writes nothing; its cross-field check once threw on such a value
 * (a 500).
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisionsModule } from "../../../src/modules/decisions/index.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { registerTestApp } from "../../support/register-app.ts";

let t: TestApp;
let office: Session;

beforeAll(async () => {
  t = await registerTestApp([directoryModule, decisionsModule]);
  const unit = await t.unit("500156", "sfj");
  await t.user("office", unit, ["rule_of_law_office"]);
  office = await t.login("office");
});
afterAll(async () => t?.close());

const entries = async () =>
  (
    await sql<{ n: number }>`select count(*)::int as n from register_entry
      where register = 'decision_catalogue'`.execute(t.db.owner)
  ).rows[0]!.n;

const ENTRY = {
  year: 2020,
  itemNo: 1,
  title: "武隆区城市总体规划修编",
  matter: "plan",
  undertakingUnit: "sfj",
  listedOn: "2020-03-02",
};

describe("the decision catalogue register", () => {
  it.each([
    ["a number", 5],
    ["a list", ["理由"]],
  ])(
    "refuses an adjustment reason that is %s, naming the field, and writes nothing",
    async (_, reason) => {
      const res = await t.call(office, {
        method: "POST",
        url: "/api/registers/decision_catalogue/entries",
        payload: { data: { ...ENTRY, adjusted: true, adjustmentReason: reason } },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.body).toContain("adjustmentReason");
      expect(await entries()).toBe(0);
    },
  );

  it("refuses an adjustment with no reason, and takes one with a reason", async () => {
    const bad = await t.call(office, {
      method: "POST",
      url: "/api/registers/decision_catalogue/entries",
      payload: { data: { ...ENTRY, adjusted: true } },
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.body).toContain("adjustmentReason");
    expect(await entries()).toBe(0);
    const ok = await t.call(office, {
      method: "POST",
      url: "/api/registers/decision_catalogue/entries",
      payload: { data: { ...ENTRY, adjusted: true, adjustmentReason: "区委同意增列" } },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await entries()).toBe(1);
  });
});
