import { describe, expect, it } from "vitest";
import { detail, due, handler, open, penaltyFields, t, useEnforcementApp } from "./support.ts";

/** The enforcement settings: national defaults with their basis; a local value moves a clock. */
useEnforcementApp();

describe("settings", () => {
  it("are listed with their national defaults and basis; an area's decision limit is a setting", async () => {
    const list = (await t.call(handler, { method: "GET", url: "/api/settings" })).json() as {
      code: string;
      default: unknown;
      basis: { zh: string; en: string };
    }[];
    const byCode = Object.fromEntries(list.map((x) => [x.code, x]));
    expect(byCode["enforcement.publication_scope"]?.default).toBe("social_impact");
    expect(byCode["enforcement.publication_working_days"]?.default).toBe(7);
    expect(byCode["enforcement.publication_by_category"]?.default).toMatchObject({
      market_regulation: { scope: "general_procedure", workingDays: 20, warnings: false },
    });
    // The basis in its Chinese form (issue 11), the maintainers' note beside it.
    expect(byCode["enforcement.penalty_decision_days"]?.basis).toEqual({
      zh: "《中华人民共和国行政处罚法》第六十条",
      en: "行政处罚法 (2021) art. 60",
    });
    const c = await open(handler, "penalty_general", penaltyFields(), "2021-12-01");
    const admin = await t.login("sysadmin");
    const put = (value: unknown, effectiveFrom: string) =>
      t.call(admin, {
        method: "PUT",
        url: "/api/settings/enforcement.penalty_decision_days",
        payload: { region: "500156", value, effectiveFrom, basis: "市场监管部门规章另有规定" },
      });
    const limit = async (id: number) =>
      (await detail(handler, "penalty_general", id)).deadlines.find(
        (k: { clock: string }) => k.clock === "decision_limit",
      ).due;
    expect((await put({ market_regulation: 120 }, "2022-06-01")).statusCode).toBe(200);
    // A case filed before the change keeps its limit (the value in force on its filing day);
    // one filed from the day the value takes effect gets the new one.
    expect(await limit(c.id)).toBe(due("2021-12-01", 90, "calendar_day"));
    const later = await open(handler, "penalty_general", penaltyFields(), "2022-06-01");
    expect(await limit(later.id)).toBe(due("2022-06-01", 120, "calendar_day"));
    // Back to the inherited value from the next day: the later case keeps 120.
    expect((await put(null, "2022-06-02")).statusCode).toBe(200);
    expect(await limit(later.id)).toBe(due("2022-06-01", 120, "calendar_day"));
  });
});
