import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { withScope } from "../../../src/db/scope.ts";
import type { CaseTypeDecl, LinkedCase } from "../../../src/engines/case/declare.ts";
import type { ModuleDecl } from "../../../src/engines/registry.ts";
import { t as text } from "../../../src/kernel/errors.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * Reviews across units and regions (issue 7 §2): a reconsideration body links its case
 * to another unit's penalty (the district justice bureau for a district department's
 * act, the city's for the district's), reads the penalty's state and declared fields in
 * a guard, and its decision takes the penalty's declared follow-up step — all through
 * checked database functions; the reviewer never sees the penalty case itself, and the
 * penalty's readers see the review and its outcome only.
 */
const seen: LinkedCase[][] = [];

const penalty: CaseTypeDecl<{ party: string; fine: number }> = {
  code: "rv_penalty",
  label: { zh: "测试：处罚", en: "Test: penalty" },
  module: "rv",
  fields: z.object({ party: z.string(), fine: z.number() }),
  title: (f) => f.party,
  states: {
    filed: { label: { zh: "已立案", en: "Filed" } },
    decided: { label: { zh: "已决定", en: "Decided" } },
    revoked: { label: { zh: "已撤销", en: "Revoked" }, terminal: true },
  },
  initial: "filed",
  transitions: [
    { action: "decide", label: { zh: "决定", en: "Decide" }, from: ["filed"], to: "decided" },
    {
      action: "revoke",
      label: { zh: "撤销", en: "Revoke" },
      from: ["decided"],
      to: "revoked",
      // 行政复议法(2023) 第六十四条: the reconsideration body revokes the act.
      viaLink: ["reviews"],
      input: z.object({ documentNo: z.string().min(1) }),
    },
  ],
  clocks: [
    {
      code: "reply",
      label: { zh: "复议答复期限", en: "Reply to the reconsideration" },
      period: { n: 10, unit: "calendar_day" },
      legalBasis: "行政复议法(2023) 第四十八条",
      startOn: { action: "accept", viaLink: "reviews" },
      stopOn: [],
    },
  ],
  links: ["reviews"],
};

const reconsideration: CaseTypeDecl<{ applicant: string }> = {
  code: "rv_reconsideration",
  label: { zh: "测试：行政复议", en: "Test: reconsideration" },
  module: "rv",
  fields: z.object({ applicant: z.string() }),
  title: (f) => `复议：${f.applicant}`,
  states: {
    received: { label: { zh: "已收件", en: "Received" } },
    accepted: { label: { zh: "已受理", en: "Accepted" } },
    decided: { label: { zh: "已作出复议决定", en: "Decided" }, terminal: true },
  },
  initial: "received",
  transitions: [
    { action: "accept", label: { zh: "受理", en: "Accept" }, from: ["received"], to: "accepted" },
    {
      action: "decide",
      label: { zh: "作出复议决定", en: "Decide" },
      from: ["accepted"],
      to: "decided",
      input: z.object({ outcome: z.enum(["uphold", "revoke"]) }),
      setsFields: ["outcome"],
      guards: [
        async (ctx) => {
          const acts = await ctx.linked("reviews");
          seen.push(acts);
          if (acts.length === 0)
            return { message: text("须先关联被申请的行政行为", "link the act under review first") };
          if (acts.some((a) => a.state !== "decided"))
            return {
              message: text("被申请的行政行为尚未作出", "the act under review is not decided yet"),
            };
          return undefined;
        },
      ],
      followUps: [
        {
          link: "reviews",
          action: "revoke",
          when: (ctx) => ctx.input.outcome === "revoke",
          input: (ctx) => ({ documentNo: `复决〔2021〕${ctx.case.id}号` }),
        },
      ],
    },
  ],
  links: [
    {
      code: "reviews",
      label: { zh: "复议审查", en: "Reviews" },
      jurisdiction: {
        units: ["sfj"],
        sameRegion: true,
        parentRegion: true,
        legalBasis: "行政复议法(2023) 第二十四条",
      },
      targets: ["rv_penalty"],
      reads: ["fine"],
    },
  ],
};

const rvModule: ModuleDecl = {
  code: "rv",
  label: { zh: "测试", en: "Test" },
  caseTypes: [penalty, reconsideration],
};

let t: TestApp;
const u: Record<string, number> = {};
let market: Session;
let justice: Session;
let cityJustice: Session;
let transport: Session;
let sibling: Session;

const P = "/api/cases";
async function open(s: Session, type: string, fields: Record<string, unknown>) {
  const r = await t.call(s, {
    method: "POST",
    url: `${P}/${type}`,
    payload: { fields, onDate: "2021-03-01" },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: number; version: number };
}
async function get(s: Session, type: string, id: number) {
  return t.call(s, { method: "GET", url: `${P}/${type}/${id}` });
}
async function step(s: Session, type: string, id: number, action: string, input = {}) {
  const v = (await get(s, type, id)).json().case.version;
  return t.call(s, {
    method: "POST",
    url: `${P}/${type}/${id}/actions/${action}`,
    payload: { version: v, input, onDate: "2021-03-10" },
    headers: { "accept-language": "zh-CN" },
  });
}
async function link(s: Session, id: number, toCaseId: number) {
  return t.call(s, {
    method: "POST",
    url: `${P}/rv_reconsideration/${id}/links`,
    payload: { kind: "reviews", toCaseId },
    headers: { "accept-language": "zh-CN" },
  });
}

beforeAll(async () => {
  t = await testApp([rvModule]);
  u.market = await t.unit("500156", "scjgj");
  u.justice = await t.unit("500156", "sfj");
  u.transport = await t.unit("500156", "jtj");
  u.city = await t.unit("500000", "sfj");
  u.sibling = await t.unit("500101", "sfj");
  await t.user("market", u.market, ["case_handler"]);
  await t.user("justice", u.justice, ["case_handler"]);
  await t.user("transport", u.transport, ["case_handler"]);
  await t.user("cityjustice", u.city, ["case_handler"]);
  await t.user("sibling", u.sibling, ["case_handler"]);
  t.clock.t = new Date("2021-03-20T02:00:00Z");
  market = await t.login("market");
  justice = await t.login("justice");
  transport = await t.login("transport");
  cityJustice = await t.login("cityjustice");
  sibling = await t.login("sibling");
});
afterAll(async () => t.close());

describe("a reconsideration of another unit's penalty", () => {
  it("the district justice bureau links to the market bureau's case; the penalty's reply clock starts on acceptance", async () => {
    const p = await open(market, "rv_penalty", { party: "某食品公司", fine: 5000 });
    expect((await step(market, "rv_penalty", p.id, "decide")).statusCode).toBe(200);
    const r = await open(justice, "rv_reconsideration", { applicant: "某食品公司" });
    // The reviewer cannot see the penalty, before or after the link.
    expect((await get(justice, "rv_penalty", p.id)).statusCode).toBe(404);
    const l = await link(justice, r.id, p.id);
    expect(l.statusCode, l.body).toBe(200);
    expect((await get(justice, "rv_penalty", p.id)).statusCode).toBe(404);
    expect((await step(justice, "rv_reconsideration", r.id, "accept")).statusCode).toBe(200);
    const pd = (await get(market, "rv_penalty", p.id)).json();
    expect(pd.deadlines.map((d: { clock: string }) => d.clock)).toEqual(["reply"]);
    // The penalty's readers see the review: its kind, type and state — no field of it.
    expect(pd.reviews).toHaveLength(1);
    expect(pd.reviews[0]).toMatchObject({
      kind: "reviews",
      caseType: "rv_reconsideration",
      state: "accepted",
      stateLabel: { zh: "已受理" },
      unitId: u.justice,
    });
    expect(JSON.stringify(pd.reviews)).not.toContain("某食品公司");
    expect(JSON.stringify(pd.reviews)).not.toContain("applicant");
    // The reviewer's own case shows the link and the reviewed case's state.
    const rd = (await get(justice, "rv_reconsideration", r.id)).json();
    expect(rd.links).toEqual([]); // the target is not visible to it as a case row
    expect(rd.reviewing).toEqual([
      expect.objectContaining({
        kind: "reviews",
        caseId: p.id,
        caseType: "rv_penalty",
        state: "decided",
        fields: { fine: 5000 },
      }),
    ]);
  });

  it("is refused for a unit without jurisdiction, naming the basis, and writes nothing", async () => {
    const p = await open(market, "rv_penalty", { party: "某餐馆", fine: 800 });
    for (const s of [transport, sibling]) {
      const r = await open(s, "rv_reconsideration", { applicant: "某餐馆" });
      const l = await link(s, r.id, p.id);
      expect(l.statusCode, l.body).toBe(403);
      expect(l.json().error.message).toContain("无管辖权");
      expect(l.json().error.message).toContain("行政复议法(2023) 第二十四条");
      const d = (await get(s, "rv_reconsideration", r.id)).json();
      expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created"]);
    }
    expect((await get(market, "rv_penalty", p.id)).json().reviews).toEqual([]);
    // English on request.
    const r = await open(transport, "rv_reconsideration", { applicant: "x" });
    const en = await t.call(transport, {
      method: "POST",
      url: `${P}/rv_reconsideration/${r.id}/links`,
      payload: { kind: "reviews", toCaseId: p.id },
      headers: { "accept-language": "en" },
    });
    expect(en.json().error.message).toMatch(/no jurisdiction/);
  });

  it("a case that does not exist or is of another type is 422 naming toCaseId", async () => {
    const r = await open(justice, "rv_reconsideration", { applicant: "x" });
    const other = await open(justice, "rv_reconsideration", { applicant: "y" });
    for (const target of [999999, other.id]) {
      const l = await link(justice, r.id, target);
      expect(l.statusCode, l.body).toBe(422);
      expect(l.json().error.fields[0].field).toBe("toCaseId");
    }
  });

  it("the guard reads the linked case's state and only its declared fields", async () => {
    const p = await open(market, "rv_penalty", { party: "某超市", fine: 3000 });
    const r = await open(justice, "rv_reconsideration", { applicant: "某超市" });
    expect((await link(justice, r.id, p.id)).statusCode).toBe(200);
    expect((await step(justice, "rv_reconsideration", r.id, "accept")).statusCode).toBe(200);
    seen.length = 0;
    const refused = await step(justice, "rv_reconsideration", r.id, "decide", {
      outcome: "uphold",
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.message).toBe("被申请的行政行为尚未作出");
    expect(seen[0]).toEqual([
      {
        direction: "out",
        regionCode: "500156",
        id: p.id,
        caseType: "rv_penalty",
        state: "filed",
        closedOn: null,
        fields: { fine: 3000 },
      },
    ]);
  });

  it("a decision to revoke takes the penalty's revoke step, on its timeline; the reviewer still cannot see it", async () => {
    const p = await open(market, "rv_penalty", { party: "某药店", fine: 20000 });
    expect((await step(market, "rv_penalty", p.id, "decide")).statusCode).toBe(200);
    const r = await open(justice, "rv_reconsideration", { applicant: "某药店" });
    expect((await link(justice, r.id, p.id)).statusCode).toBe(200);
    expect((await step(justice, "rv_reconsideration", r.id, "accept")).statusCode).toBe(200);
    const d = await step(justice, "rv_reconsideration", r.id, "decide", { outcome: "revoke" });
    expect(d.statusCode, d.body).toBe(200);
    const pd = (await get(market, "rv_penalty", p.id)).json();
    expect(pd.case.state).toBe("revoked");
    expect(pd.case.closedOn).toBe("2021-03-10");
    expect(pd.deadlines.every((k: { state: string }) => k.state === "stopped")).toBe(true);
    const last = pd.timeline.at(-1);
    expect(last).toMatchObject({ kind: "transition", action: "revoke", toState: "revoked" });
    expect(last.data.via).toMatchObject({ kind: "reviews", caseId: r.id, action: "decide" });
    expect(last.data.input).toEqual({ documentNo: `复决〔2021〕${r.id}号` });
    expect(pd.reviews[0]).toMatchObject({ state: "decided", concluded: true });
    expect((await get(justice, "rv_penalty", p.id)).statusCode).toBe(404);
    // The reviewer cannot take the penalty's steps directly either.
    const direct = await t.call(justice, {
      method: "POST",
      url: `${P}/rv_penalty/${p.id}/actions/revoke`,
      payload: { version: pd.case.version, input: { documentNo: "x" } },
    });
    expect(direct.statusCode).toBe(404);
    // The decision's audit records the follow-up.
    const rd = (await get(justice, "rv_reconsideration", r.id)).json();
    expect(rd.case.state).toBe("decided");
  });

  it("the city's justice bureau reviews a district case (the region above); a sibling region's cannot", async () => {
    const p = await open(market, "rv_penalty", { party: "某酒店", fine: 1000 });
    expect((await step(market, "rv_penalty", p.id, "decide")).statusCode).toBe(200);
    const r = await open(cityJustice, "rv_reconsideration", { applicant: "某酒店" });
    const l = await link(cityJustice, r.id, p.id);
    expect(l.statusCode, l.body).toBe(200);
    expect((await get(cityJustice, "rv_penalty", p.id)).statusCode).toBe(404);
    expect((await step(cityJustice, "rv_reconsideration", r.id, "accept")).statusCode).toBe(200);
    const d = await step(cityJustice, "rv_reconsideration", r.id, "decide", { outcome: "revoke" });
    expect(d.statusCode, d.body).toBe(200);
    const pd = (await get(market, "rv_penalty", p.id)).json();
    expect(pd.case.state).toBe("revoked");
    expect(pd.reviews[0]).toMatchObject({ unitId: u.city, state: "decided" });
  });

  it("the database functions refuse a caller without the link or the jurisdiction", async () => {
    const p = await open(market, "rv_penalty", { party: "某工厂", fine: 100 });
    const r = await open(transport, "rv_reconsideration", { applicant: "某工厂" });
    const asTransport = (q: string) =>
      withScope(t.db.app, { regions: ["500156"], unitId: u.transport, userId: 1 }, (trx) =>
        sql.raw(q).execute(trx),
      );
    await expect(
      asTransport(
        `select fazhi_link_across('500156', ${r.id}, 'reviews', ${p.id}, null, array['jtj'], false, false, now())`,
      ),
    ).rejects.toThrow(/no jurisdiction/);
    await expect(
      asTransport(
        `select fazhi_linked_step('500156', ${r.id}, '500156', ${p.id}, array['filed'], 'revoked', true, '2021-03-10', now(), 1, 1, 'x', 'revoke', '{}', null)`,
      ),
    ).rejects.toThrow(/not linked/);
    await expect(
      asTransport(`select * from fazhi_linked_read('500156', ${p.id}, 'reviews', array['party'])`),
    ).resolves.toMatchObject({ rows: [] });
  });
});
