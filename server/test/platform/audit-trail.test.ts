/**
 * The audit trail and the security log as an auditor pages through them: every event
 * (not the newest 200), filters by user, unit, action and day, an xlsx export of what the
 * filters select, each action by its label and each change field by field with labels.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enforcementModule } from "../../src/modules/enforcement/index.ts";
import { recordAuditBatch } from "../../src/platform/audit/record.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

let t: TestApp;
let aud: Session;
let handler: Session;
const ids: Record<string, number> = {};
const N = 230;

beforeAll(async () => {
  t = await testApp([enforcementModule]);
  ids.sfj = await t.unit("500156", "sfj");
  ids.scjgj = await t.unit("500156", "scjgj");
  await t.user("audadm", ids.sfj, ["audit_admin"]);
  await t.user("handler", ids.sfj, ["case_handler"]);
  aud = await t.login("audadm");
  handler = await t.login("handler");
  const at = new Date("2020-06-01T02:00:00Z");
  const changes = Array.from({ length: N }, (_, i) => ({
    regionCode: "500156",
    action: "case.penalty_general.close",
    entityType: "case",
    entityId: String(1000 + i),
    before: { state: "executed", version: 3 },
    after: { state: "closed", version: 4, input: { summary: `结案${i}` } },
  }));
  await t.db.owner.transaction().execute(async (trx) => {
    await recordAuditBatch(
      trx,
      { actor: { userId: 7, unitId: ids.scjgj!, displayName: "王审计对象" }, ip: null, now: at },
      changes,
    );
    await recordAuditBatch(
      trx,
      {
        actor: { userId: 8, unitId: ids.sfj!, displayName: "李处长" },
        ip: null,
        now: new Date("2020-06-03T02:00:00Z"),
      },
      [
        {
          regionCode: "500156",
          action: "user.roles_change",
          entityType: "user",
          entityId: "9",
          before: { roles: ["case_handler"] },
          after: { roles: ["case_handler", "legal_reviewer"] },
        },
      ],
    );
  });
});
afterAll(async () => t.close());

const list = async (query: string) => {
  const r = await t.call(aud, { method: "GET", url: `/api/audit/events?${query}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    total: number;
    items: {
      action: string;
      actionLabel: { zh: string };
      actorName: string;
      changes: {
        field: string;
        label: { zh: string };
        before: { zh: string } | null;
        after: { zh: string } | null;
      }[];
    }[];
  };
};

describe("the audit trail", () => {
  it("pages through every event: the total counts all, not the newest 200", async () => {
    const first = await list("limit=100&actor=王审计");
    expect(first.total).toBe(N);
    expect(first.items).toHaveLength(100);
    const last = await list("limit=100&offset=200&actor=王审计");
    expect(last.items).toHaveLength(N - 200);
  });

  it("filters by user, unit, action (code or prefix) and day", async () => {
    expect((await list(`unitId=${ids.scjgj}`)).total).toBe(N);
    expect((await list("action=user.roles_change")).total).toBe(1);
    expect((await list("action=case.penalty_general")).total).toBe(N);
    expect((await list("action=case.penalty")).total).toBe(0);
    expect((await list("actorUserId=8")).total).toBe(1);
    // 2020-06-01 10:00 in Shanghai; the roles change on 06-03
    expect((await list("from=2020-06-01&to=2020-06-01&actor=王")).total).toBe(N);
    expect((await list("from=2020-06-02&actor=王")).total).toBe(0);
    expect((await list("to=2020-06-03&action=user.roles_change")).total).toBe(1);
    expect((await list("to=2020-06-02&action=user.roles_change")).total).toBe(0);
  });

  it("names the action by its label and each change by the field's label", async () => {
    const close = (await list("action=case.penalty_general.close&limit=1")).items[0]!;
    expect(close.actionLabel.zh).toBe("行政处罚（普通程序） · 结案");
    const state = close.changes.find((c) => c.field === "state")!;
    expect(state.label.zh).toBe("状态");
    expect(state.before?.zh).toBe("已执行");
    expect(state.after?.zh).toBe("已结案");
    expect(close.changes.find((c) => c.field === "summary")?.label.zh).toMatch(/[\u4e00-\u9fff]/);
    const roles = (await list("action=user.roles_change")).items[0]!;
    expect(roles.actionLabel.zh).toBe("变更角色");
    expect(roles.changes).toEqual([
      {
        field: "roles",
        label: { zh: "角色", en: "Roles" },
        before: { zh: "承办人", en: "Case handler" },
        after: { zh: "承办人、法制审核人员", en: "Case handler, Legal reviewer" },
      },
    ]);
  });

  it("exports what the filters select as an xlsx file, in Chinese", async () => {
    const r = await t.call(aud, {
      method: "GET",
      url: `/api/audit/events/export.xlsx?unitId=${ids.scjgj}`,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(N + 1);
    expect(ws.getRow(1).getCell(3).value).toBe("操作");
    expect(ws.getRow(2).getCell(3).value).toBe("行政处罚（普通程序） · 结案");
    expect(String(ws.getRow(2).getCell(8).value)).toContain("状态：已执行 → 已结案");
  });

  it("refuses the trail and its export to a case handler, writing nothing", async () => {
    const before = await t.db.owner
      .selectFrom("audit_event")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    for (const url of [
      "/api/audit/events",
      "/api/audit/events/export.xlsx",
      "/api/audit/actions",
    ]) {
      expect((await t.call(handler, { method: "GET", url })).statusCode).toBe(403);
    }
    const after = await t.db.owner
      .selectFrom("audit_event")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("offers the actions to filter by, labelled", async () => {
    const r = await t.call(aud, { method: "GET", url: "/api/audit/actions" });
    const options = r.json() as { value: string; label: { zh: string } }[];
    expect(options.find((o) => o.value === "case.penalty_general.close")?.label.zh).toBe(
      "行政处罚（普通程序） · 结案",
    );
  });
});

describe("the security log", () => {
  it("pages with a total, filters by user name and day, and exports", async () => {
    const r = await t.call(aud, { method: "GET", url: "/api/security-events?limit=1" });
    const page = r.json() as { total: number; items: unknown[] };
    expect(page.total).toBeGreaterThanOrEqual(2); // the two logins
    expect(page.items).toHaveLength(1);
    const mine = await t.call(aud, { method: "GET", url: "/api/security-events?username=audadm" });
    expect((mine.json() as { total: number }).total).toBeGreaterThanOrEqual(1);
    const x = await t.call(aud, { method: "GET", url: "/api/security-events/export.xlsx" });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(2).value).toBe("事件");
  });
});
