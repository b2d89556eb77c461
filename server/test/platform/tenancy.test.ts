import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ModuleDecl } from "../../src/engines/registry.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { permitCaseType } from "../fixtures/examples/permit.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * The city supervises its districts (issue 8): it reads, comments and asks; it does not
 * act in a district's cases or registers unless a step is declared `actor: "supervisor"`.
 * The district's own rule-of-law office keeps acting in its region. Each refusal is the
 * exact wrong sequence over HTTP.
 */
let t: TestApp;
const u: Record<string, number> = {};
const s = {} as Record<"handler" | "office" | "city" | "wzoffice", Session>;

// The worked permit with one step the supervising region takes (a supervision note).
const supervised: ModuleDecl = {
  ...examplesModule,
  caseTypes: [
    {
      ...permitCaseType,
      transitions: [
        ...permitCaseType.transitions,
        {
          action: "supervision_note",
          label: { zh: "督办意见", en: "Supervision note" },
          from: ["accepted"],
          to: "accepted",
          input: z.object({ note: z.string().trim().min(1) }),
          actor: "supervisor",
        },
      ],
    } as typeof permitCaseType,
    ...(examplesModule.caseTypes ?? []).slice(1),
  ],
};

const applicant = { name: "王小明", idNumber: "11010519491231002X", phone: "13800138000" };

async function open(who: Session, unitId?: number) {
  return t.call(who, {
    method: "POST",
    url: "/api/cases/example_permit",
    payload: {
      fields: { applicant, item: "食品经营许可", category: "market" },
      onDate: "2020-10-09",
      ...(unitId === undefined ? {} : { unitId }),
    },
  });
}
const act = (who: Session, id: number, action: string, payload: Record<string, unknown>) =>
  t.call(who, {
    method: "POST",
    url: `/api/cases/example_permit/${id}/actions/${action}`,
    payload,
  });
const detail = async (who: Session, id: number) =>
  (await t.call(who, { method: "GET", url: `/api/cases/example_permit/${id}` })).json().case;

const officer = {
  name: "李四",
  certificateNo: "50015600001",
  idNumber: "11010519491231002X",
  phone: "13800138000",
  validFrom: "2020-01-01",
  validTo: "2025-12-31",
  legalReviewer: true,
};

beforeAll(async () => {
  t = await testApp([supervised]);
  u.market = await t.unit("500156", "scjgj"); // Wulong market regulation
  u.office = await t.unit("500156", "sfj"); // Wulong justice bureau (district office)
  u.wanzhou = await t.unit("500101", "wz-scjgj");
  u.city = await t.unit("500000", "cq-sfj");
  await t.user("handler", u.market, ["case_handler"]);
  await t.user("office", u.office, ["rule_of_law_office"]);
  await t.user("city", u.city, ["rule_of_law_office"]);
  await t.user("wzoffice", u.wanzhou, ["rule_of_law_office"]);
  t.clock.t = new Date("2020-10-20T02:00:00Z");
  for (const k of ["handler", "office", "city", "wzoffice"] as const) s[k] = await t.login(k);
});
afterAll(async () => t.close());

describe("the city supervises a district's cases", () => {
  it("reads a Wulong case but neither suspends it nor takes its steps; the district office does", async () => {
    const c = (await open(s.handler)).json() as { id: number; version: number };
    expect((await detail(s.city, c.id)).id).toBe(c.id);

    const suspend = await t.call(s.city, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/suspend`,
      payload: { version: c.version, reason: "督查", onDate: "2020-10-10" },
    });
    expect(suspend.statusCode, suspend.body).toBe(403);
    const accept = await act(s.city, c.id, "accept", { version: c.version, onDate: "2020-10-10" });
    expect(accept.statusCode, accept.body).toBe(403);
    expect(accept.json().error.message).toMatch(/only the unit that owns the case/);
    // Nothing was written: still received, version 1.
    const after = await detail(s.handler, c.id);
    expect(after.state).toBe("received");
    expect(after.version).toBe(c.version);

    // The district's own office keeps what it has.
    const byOffice = await act(s.office, c.id, "accept", {
      version: c.version,
      onDate: "2020-10-10",
    });
    expect(byOffice.statusCode, byOffice.body).toBe(200);
  });

  it("takes a step declared for the supervisor, which neither the owner nor another district may", async () => {
    const c = (await open(s.handler)).json() as { id: number; version: number };
    const acc = await act(s.handler, c.id, "accept", { version: 1, onDate: "2020-10-10" });
    expect(acc.statusCode, acc.body).toBe(200);
    const mine = await act(s.handler, c.id, "supervision_note", {
      version: 2,
      input: { note: "x" },
    });
    expect(mine.statusCode, mine.body).toBe(403);
    const byOffice = await act(s.office, c.id, "supervision_note", {
      version: 2,
      input: { note: "x" },
    });
    expect(byOffice.statusCode, byOffice.body).toBe(403);
    const byCity = await act(s.city, c.id, "supervision_note", {
      version: 2,
      input: { note: "请于十日内报告" },
    });
    expect(byCity.statusCode, byCity.body).toBe(200);
  });

  it("opens no case for a Wulong unit; the district office may", async () => {
    const byCity = await open(s.city, u.market);
    expect(byCity.statusCode, byCity.body).toBe(403);
    const byOffice = await open(s.office, u.market);
    expect(byOffice.statusCode, byOffice.body).toBe(201);
    // Another district's office does not see Wulong's units at all.
    expect((await open(s.wzoffice, u.market)).statusCode).toBe(422);
  });

  it("adds no participant to a district case", async () => {
    const c = (await open(s.handler)).json() as { id: number };
    const p = await t.call(s.city, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/participants`,
      payload: { unitId: u.office, role: "supporting" },
    });
    expect(p.statusCode, p.body).toBe(403);
  });
});

describe("the city supervises a district's registers", () => {
  it("records no entry for a district unit and edits no district officer; the district office does", async () => {
    const url = "/api/registers/example_officer/entries";
    const created = await t.call(s.handler, { method: "POST", url, payload: { data: officer } });
    expect(created.statusCode, created.body).toBe(201);
    const e = created.json() as { id: number; version: number };

    const edit = (who: Session, version: number) =>
      t.call(who, {
        method: "PUT",
        url: `${url}/${e.id}`,
        payload: { version, data: { ...officer, name: "李四四" } },
      });
    const byCity = await edit(s.city, e.version);
    expect(byCity.statusCode, byCity.body).toBe(403);
    const del = await t.call(s.city, {
      method: "DELETE",
      url: `${url}/${e.id}`,
      payload: { reason: "清理" },
    });
    expect(del.statusCode, del.body).toBe(403);
    const read = await t.call(s.city, { method: "GET", url: `${url}/${e.id}` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().data.name).toBe("李四");
    expect(read.json().editable).toBe(false);

    const forWulong = await t.call(s.city, {
      method: "POST",
      url,
      payload: { data: { ...officer, certificateNo: "50015600002" }, unitId: u.market },
    });
    expect(forWulong.statusCode, forWulong.body).toBe(403);

    const byOffice = await edit(s.office, e.version);
    expect(byOffice.statusCode, byOffice.body).toBe(200);
    // The city records entries of its own unit.
    const own = await t.call(s.city, {
      method: "POST",
      url,
      payload: { data: { ...officer, certificateNo: "50000000003" } },
    });
    expect(own.statusCode, own.body).toBe(201);
  });
});
