/**
 * Set-up shared by the services suites: one app per file with the market regulation
 * bureau (scjgj: handler and leader), the service management office (zwb), the health
 * commission (wsjkw) and a test-only module answering `credit.check` with a black list
 * for one credit code (as supervision would), and helpers that drive cases over HTTP.
 */
import { afterAll, beforeAll, expect } from "vitest";
import type { ModuleDecl } from "../../../src/engines/registry.ts";
import { makeUscc } from "../../../src/kernel/codes/uscc.ts";
import { servicesModule } from "../../../src/modules/services/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

export let t: TestApp;
export type Who = "handler" | "leader" | "window" | "zwbLeader" | "health" | "office";
export const s = {} as Record<Who, Session>;
export const u: Record<string, number> = {};
export const P = "/api/cases";
export const BLACK = makeUscc("91", "500156", 4242);
export const CLEAN = makeUscc("91", "500156", 4343);

/** Answers credit.check like supervision: BLACK is on the black list. */
const fakeCredit: ModuleDecl = {
  code: "fake_credit",
  label: { zh: "测试信用", en: "Test credit" },
  answers: [
    {
      code: "credit.check",
      label: { zh: "信用核查", en: "Credit check" },
      answer: async (_w, q) => {
        const uscc = (q.input as { uscc: string }).uscc;
        return {
          uscc,
          onDate: q.onDate,
          lists:
            uscc === BLACK
              ? [
                  {
                    list: "black",
                    basis: "测试依据",
                    validFrom: "2020-01-01",
                    validTo: "2023-12-31",
                  },
                ]
              : [],
          records: uscc === BLACK ? 3 : 0,
        };
      },
    },
  ],
};

export const ITEM = {
  code: "XK-TEST-1",
  name: "食品经营许可",
  kind: "licensing",
  unitCode: "scjgj",
  unitName: "区市场监管局",
  legalBasis: "《中华人民共和国食品安全法》第三十五条",
  legalDays: 20,
  promisedDays: 5,
  handling: "promised",
  venue: "centre",
  windowKind: "domain",
  oneWindow: true,
  online: "full",
  oneTrip: true,
  fee: 0,
};

export function useServicesApp(withCredit = true) {
  beforeAll(async () => {
    t = await testApp(withCredit ? [servicesModule, fakeCredit] : [servicesModule]);
    t.clock.t = new Date("2020-12-31T02:00:00Z");
    for (const code of ["scjgj", "zwb", "wsjkw", "ghzrzyj", "zfcxjw", "yfzqb"])
      u[code] = await t.unit("500156", code);
    const users: [Who, string, string[]][] = [
      ["handler", "scjgj", ["case_handler"]],
      ["leader", "scjgj", ["unit_leader"]],
      ["window", "zwb", ["case_handler"]],
      ["zwbLeader", "zwb", ["unit_leader"]],
      ["health", "wsjkw", ["case_handler"]],
      ["office", "yfzqb", ["rule_of_law_office"]],
    ];
    for (const [name, unit, roles] of users) {
      await t.user(`svc.${name}`, u[unit]!, roles);
      s[name] = await t.login(`svc.${name}`);
    }
    const res = await t.call(s.handler, {
      method: "POST",
      url: "/api/registers/service_item/entries",
      payload: { data: ITEM },
    });
    expect(res.statusCode, res.body).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
}

export async function open(
  who: Session,
  type: string,
  fields: Record<string, unknown>,
  onDate: string,
) {
  const res = await t.call(who, {
    method: "POST",
    url: `${P}/${type}`,
    payload: { fields, onDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; state: string };
}

export async function detail(who: Session, type: string, id: number) {
  const res = await t.call(who, { method: "GET", url: `${P}/${type}/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function step(
  who: Session,
  type: string,
  id: number,
  action: string,
  input: Record<string, unknown>,
  onDate: string,
) {
  const d = await detail(who, type, id);
  return t.call(who, {
    method: "POST",
    url: `${P}/${type}/${id}/actions/${action}`,
    payload: { version: d.case.version, input, onDate },
    headers: { "accept-language": "en" },
  });
}

/** A case operation (suspend, resume, extend, sub-cases) with the current version. */
export async function op(
  who: Session,
  type: string,
  id: number,
  what: string,
  body: Record<string, unknown>,
) {
  const d = await detail(who, type, id);
  return t.call(who, {
    method: "POST",
    url: `${P}/${type}/${id}/${what}`,
    payload: { version: d.case.version, ...body },
    headers: { "accept-language": "en" },
  });
}

export async function ok(res: Awaited<ReturnType<typeof step>>) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A refusal writes nothing: version, state, fields and timeline stay as they were. */
export async function refused(
  who: Session,
  type: string,
  id: number,
  attempt: () => ReturnType<typeof step>,
  status: number,
  message: RegExp,
  field?: string,
) {
  const before = await detail(who, type, id);
  const res = await attempt();
  expect(res.statusCode, res.body).toBe(status);
  const err = res.json().error;
  expect(err.message).toMatch(message);
  if (field) expect(err.fields.map((f: { field: string }) => f.field)).toContain(field);
  const after = await detail(who, type, id);
  expect(after.case.version).toBe(before.case.version);
  expect(after.case.state).toBe(before.case.state);
  expect(after.case.fields).toEqual(before.case.fields);
  expect(after.timeline.length).toBe(before.timeline.length);
  expect(after.deadlines).toEqual(before.deadlines);
  return err;
}

export const due = (d: { deadlines: { clock: string; due?: string }[] }, clock: string) =>
  d.deadlines.find((k) => k.clock === clock)?.due;
