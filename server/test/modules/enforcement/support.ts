/**
 * Shared set-up of the enforcement case suites (cases-*.test.ts in this folder): one test
 * app per file with the market regulation bureau's users, its enforcement body, officers,
 * major-decision catalogue and discretion benchmark in the registers, and the helpers
 * that drive cases over HTTP. `useEnforcementApp()` registers the file's beforeAll and
 * afterAll; the exported bindings are live (set when the file's set-up has run).
 */

import { afterAll, beforeAll, expect } from "vitest";
import type { ModuleDecl } from "../../../src/engines/registry.ts";
import { makeIdCard } from "../../../src/kernel/codes/id-card.ts";
import { makeUscc } from "../../../src/kernel/codes/uscc.ts";
import {
  addDays,
  addPeriod,
  bundledNotices,
  LegalCalendar,
  type LocalDate,
} from "../../../src/kernel/time/index.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

export let t: TestApp;
export const u: Record<string, number> = {};
export let handler: Session;
export let reviewer: Session;
export let leader: Session;
export let office: Session;
export let other: Session;
export const cal = new LegalCalendar(bundledNotices());
export const due = (from: string, n: number, unit: "working_day" | "calendar_day" | "month") =>
  addPeriod(cal, from as LocalDate, { n, unit }).due;

export const P = "/api/cases";
export const person = {
  kind: "natural_person",
  name: "张三丰",
  idNumber: makeIdCard("500156", "1980-05-06", 12, "male"),
  phone: "13912345678",
  address: "武隆区巷口镇芙蓉路1号",
};
export const company = {
  kind: "legal_person",
  name: "重庆市武隆区山泉食品有限公司",
  uscc: makeUscc("91", "500156", 123456),
  legalRepresentative: "李四光",
  address: "武隆区凤山街道工业园区8号",
};
export const minor = {
  kind: "natural_person",
  name: "王小二",
  idNumber: makeIdCard("500156", "2005-03-01", 3, "male"),
  address: "武隆区白马镇",
  minor: true,
};

// Officers of the market regulation bureau (scjgj), through the register API.
export const officers = {
  A: { name: "刘执法", cert: "500156000001", from: "2019-01-01", to: "2025-12-31" },
  B: { name: "陈执法", cert: "500156000002", from: "2019-01-01", to: "2025-12-31" },
  C: { name: "周过期", cert: "500156000003", from: "2018-01-01", to: "2020-06-30" },
  R: { name: "孙审核", cert: "500156000009", from: "2019-01-01", to: "2025-12-31" },
  N: { name: "钱新审", cert: "500156000010", from: "2019-01-01", to: "2025-12-31" },
  X: { name: "吴他局", cert: "500156000020", from: "2019-01-01", to: "2025-12-31" },
};

export async function open(
  s: Session,
  type: string,
  fields: Record<string, unknown>,
  onDate: string,
) {
  const res = await t.call(s, { method: "POST", url: `${P}/${type}`, payload: { fields, onDate } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; state: string };
}

export async function detail(s: Session, type: string, id: number) {
  const res = await t.call(s, { method: "GET", url: `${P}/${type}/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Take a step with the case's current version. */
export async function step(
  s: Session,
  type: string,
  id: number,
  action: string,
  input: Record<string, unknown>,
  onDate: string,
  reason?: string,
) {
  const d = await detail(s, type, id);
  return t.call(s, {
    method: "POST",
    url: `${P}/${type}/${id}/actions/${action}`,
    payload: { version: d.case.version, input, onDate, ...(reason ? { reason } : {}) },
    // The refusals are matched in English (the default answer is Chinese).
    headers: { "accept-language": "en" },
  });
}

export async function ok(res: Awaited<ReturnType<typeof step>>) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A refusal writes nothing: the version, state, fields and timeline stay as they were. */
export async function refused(
  s: Session,
  type: string,
  id: number,
  action: string,
  input: Record<string, unknown>,
  onDate: string,
  status: number,
  message: RegExp,
  field?: string,
) {
  const before = await detail(s, type, id);
  const res = await step(s, type, id, action, input, onDate);
  expect(res.statusCode, res.body).toBe(status);
  const err = res.json().error;
  expect(err.message).toMatch(message);
  if (field) expect(err.fields.map((f: { field: string }) => f.field)).toContain(field);
  const after = await detail(s, type, id);
  expect(after.case.version).toBe(before.case.version);
  expect(after.case.state).toBe(before.case.state);
  expect(after.case.fields).toEqual(before.case.fields);
  expect(after.timeline.length).toBe(before.timeline.length);
  return err;
}

export const allPassed = {
  competence: { passed: true },
  procedure: { passed: true },
  factsEvidence: { passed: true },
  legalBasis: { passed: true },
  discretion: { passed: true, note: "罚款高于基准上限，已说明理由" },
  documents: { passed: true },
};

/** Each case a separate act (one fine per act, 行政处罚法 art. 29): its own violation date. */
let acts = 0;
export const penaltyFields = (party: Record<string, unknown> = person, extra = {}) => ({
  party,
  cause: "销售过期食品",
  category: "market_regulation",
  source: "inspection",
  // The violation's dates (issue 10 fault 7): within the limitation period of every filing here.
  violationOn: addDays("2020-08-20" as LocalDate, -(acts++ % 300)),
  discoveredOn: "2020-09-01",
  ...extra,
});

/** A penalty case through to the notice, under the law of the filing date. */
export async function toNotice(
  filedOn: string,
  opts: {
    party?: Record<string, unknown>;
    fine?: number;
    hearingRight?: boolean;
    flags?: object;
    facts?: string;
    legalBasis?: string;
    /** The party waives statement and hearing on the notice day (default: unless a hearing is offered). */
    waive?: boolean;
  } = {},
) {
  const c = await open(handler, "penalty_general", penaltyFields(opts.party, opts.flags), filedOn);
  await ok(
    await step(
      handler,
      "penalty_general",
      c.id,
      "investigate",
      {
        officers: [officers.A.cert, officers.B.cert],
        kind: "site_inspection",
        summary: "现场检查发现货架上摆放过期食品12盒",
        recorder: "JLY-0001",
      },
      filedOn,
    ),
  );
  const concluded = addDays(filedOn as LocalDate, 7);
  await ok(
    await step(
      handler,
      "penalty_general",
      c.id,
      "conclude_investigation",
      {
        facts: opts.facts ?? "当事人张三丰于店内销售超过保质期的食品",
        evidence: "现场检查笔录、询问笔录、照片",
        legalBasis: opts.legalBasis ?? "《中华人民共和国食品安全法》第一百二十四条",
        violationCode: "SCJG-001",
        circumstance: "general",
        proposedFine: opts.fine ?? 20000,
        ...(opts.flags ?? {}),
      },
      concluded,
    ),
  );
  const noticeOn = addDays(concluded, 3);
  await ok(
    await step(
      handler,
      "penalty_general",
      c.id,
      "notify",
      {
        intendedPenalty: "警告并处罚款",
        intendedPenalties: ["warning", "fine"],
        intendedFine: opts.fine ?? 20000,
        // Derived from the intended penalty unless offered (2021 art. 63).
        ...(opts.hearingRight !== undefined ? { hearingRight: opts.hearingRight } : {}),
      },
      noticeOn,
    ),
  );
  if (opts.waive ?? opts.hearingRight !== true) {
    await ok(
      await step(
        handler,
        "penalty_general",
        c.id,
        "waive_rights",
        { statementWaived: true, hearingWaived: true, signedBy: "张三丰" },
        noticeOn,
      ),
    );
  }
  return { id: c.id, noticeOn };
}

/** The file's app and fixtures (extra modules besides directory and enforcement). */
export function useEnforcementApp(extra: ModuleDecl[] = []) {
  beforeAll(async () => {
    t = await testApp([directoryModule, enforcementModule, ...extra]);
    u.market = await t.unit("500156", "scjgj");
    u.env = await t.unit("500156", "sthjj");
    u.office = await t.unit("500156", "sfj");
    await t.user("handler", u.market, ["case_handler"]);
    await t.user("reviewer", u.market, ["legal_reviewer"]);
    await t.user("leader", u.market, ["unit_leader"]);
    await t.user("office", u.office, ["rule_of_law_office"]);
    await t.user("other", u.env, ["case_handler"]);
    await t.user("sysadmin", u.office, ["sys_admin"]);
    t.clock.t = new Date("2022-06-01T02:00:00Z");
    handler = await t.login("handler");
    reviewer = await t.login("reviewer");
    leader = await t.login("leader");
    office = await t.login("office");
    other = await t.login("other");

    const post = async (s: Session, register: string, data: Record<string, unknown>) => {
      const res = await t.call(s, {
        method: "POST",
        url: `/api/registers/${register}/entries`,
        payload: { data },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await post(office, "enforcement_body", {
      name: "重庆市武隆区市场监督管理局",
      kind: "department",
      unitCode: "scjgj",
      legalBasis: "《中华人民共和国行政处罚法》；区市场监管局三定规定",
      posts: 80,
    });
    let seq = 100;
    for (const [key, o] of Object.entries(officers)) {
      await post(key === "X" ? other : handler, "enforcement_officer", {
        name: o.name,
        idNumber: makeIdCard("500156", "1985-01-01", seq++, "female"),
        bodyUnitCode: key === "X" ? "sthjj" : "scjgj",
        certificateNo: o.cert,
        certificateValidFrom: o.from,
        certificateValidTo: o.to,
        legalReviewer: key === "R" || key === "N",
        legalQualification: key === "R",
      });
    }
    await post(handler, "major_decision_catalogue", {
      bodyUnitCode: "scjgj",
      criteria: [{ kind: "fine_at_least", amount: 50000 }, { kind: "licence_revocation" }],
    });
    await post(handler, "discretion_benchmark", {
      bodyUnitCode: "scjgj",
      violationCode: "SCJG-001",
      violation: "经营超过保质期的食品",
      legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
      circumstance: "general",
      fineMin: 5000,
      fineMax: 30000,
    });
  }, 120_000);
  afterAll(async () => t?.close());
}
