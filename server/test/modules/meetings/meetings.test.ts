import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRegisterDecl } from "../../../src/engines/register/data.ts";
import { XLSX_MIME } from "../../../src/engines/register/xlsx/index.ts";
import {
  loadMeeting,
  meetingRegister,
  meetingsModule,
  studiedLaw,
} from "../../../src/modules/meetings/index.ts";
import { inWork } from "../../../src/platform/work.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { registerTestApp } from "../../support/register-app.ts";

let t: TestApp;
const ids: Record<string, number> = {};
const s = {} as Record<"gov" | "party" | "dept" | "office", Session>;
const base = "/api/registers/meeting";

/** 区政府党组（扩大）会议暨区政府第111次常务会议, 2020-08-10 (seed report). */
const joint = {
  body: "joint",
  bodies: ["party_group", "government_executive"],
  number: "第111次",
  date: "2020-08-10",
  chair: "卢红",
  attendees: ["区政府领导班子成员", "各部门主要负责人"],
  studied: [
    { kind: "regulation", title: "《重庆市重大行政决策程序规定》", presenter: "区司法局局长" },
  ],
  items: [
    { kind: "decision", title: "关于武隆区城市管理条例实施办法（草案）的议题" },
    { kind: "report", title: "区法治政府建设情况汇报" },
  ],
  decisions: [
    "严格执行重大行政决策法定程序",
    "行政案件中负责人全出庭；班子成员及所有公务人员必须严格依法办事",
  ],
  minutes: "会议由区长卢红主持。",
  dissent: [{ who: "某副区长", opinion: "建议延长公众意见征求期：不少于30日" }],
};

beforeAll(async () => {
  t = await registerTestApp([meetingsModule]);
  ids.gov = await t.unit("500156", "qzfb", "government");
  ids.party = await t.unit("500156", "qwb", "party_committee");
  ids.dept = await t.unit("500156", "sfj");
  const users = {
    gov: ["gov_office", ids.gov, "case_handler"],
    party: ["party_office", ids.party, "case_handler"],
    dept: ["dept_reader", ids.dept, "read_only"],
    office: ["rol_office", ids.dept, "rule_of_law_office"],
  } as const;
  for (const [key, [name, unit, role]] of Object.entries(users)) {
    await t.user(name, unit!, [role]);
    s[key as keyof typeof s] = await t.login(name);
  }
});
afterAll(async () => t.close());

describe("the meetings register", () => {
  let id: number;

  it("is well declared and listed", async () => {
    expect(() => checkRegisterDecl(meetingRegister)).not.toThrow();
    const list = (await t.call(s.dept, { method: "GET", url: "/api/registers" })).json();
    expect(list).toEqual([
      expect.objectContaining({
        code: "meeting",
        module: "meetings",
        label: { zh: "会议", en: "Meetings" },
        filters: ["body"],
        visibility: "region",
        isPublic: false,
        canEdit: false,
      }),
    ]);
  });

  it("records a joint meeting with law studied first and a dissenting opinion", async () => {
    const res = await t.call(s.gov, {
      method: "POST",
      url: `${base}/entries`,
      payload: { data: joint },
    });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    id = e.id;
    expect(e.title).toBe("区政府党组会议暨区政府常务会议（第111次）");
    expect(e.data).toEqual(joint);
    expect(studiedLaw(e.data)).toBe(true);
  });

  it("is readable by every unit of the region, editable only by its office", async () => {
    const got = await t.call(s.dept, { method: "GET", url: `${base}/entries/${id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().data.dissent).toEqual(joint.dissent);
    const put = await t.call(s.party, {
      method: "PUT",
      url: `${base}/entries/${id}`,
      payload: { version: 1, data: { ...joint, minutes: "改" } },
    });
    expect(put.statusCode).toBe(403);
    const list = (
      await t.call(s.party, { method: "GET", url: `${base}/entries?body=joint` })
    ).json();
    expect(list.total).toBe(1);
  });

  it("checks joint bodies, dates and the (body, number) key", async () => {
    const bad = await t.call(s.gov, {
      method: "POST",
      url: `${base}/entries`,
      payload: {
        data: {
          ...joint,
          bodies: ["party_group"],
          date: "2020-02-30",
          studied: [{ kind: "sermon", title: "" }],
        },
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["bodies", "date", "studied.0.kind", "studied.0.title"]);
    const single = await t.call(s.gov, {
      method: "POST",
      url: `${base}/entries`,
      payload: { data: { ...joint, body: "government_executive" } },
    });
    expect(single.statusCode).toBe(422);
    expect(single.json().error.fields[0].field).toBe("bodies");
    const dup = await t.call(s.party, {
      method: "POST",
      url: `${base}/entries`,
      payload: { data: { ...joint, chair: "另一人" } },
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      "body",
      "number",
    ]);
    const other = await t.call(s.party, {
      method: "POST",
      url: `${base}/entries`,
      payload: {
        data: {
          body: "party_standing_committee",
          number: "十四届第116次",
          date: "2020-02-14",
          chair: "黄宗华",
          items: [{ kind: "report", title: "区法治政府建设情况汇报" }],
          studied: [{ kind: "speech", title: "中央全面依法治国委员会第三次会议精神" }],
        },
      },
    });
    expect(other.statusCode).toBe(201);
    expect(other.json().data).toMatchObject({ attendees: [], decisions: [], dissent: [] });
    expect(studiedLaw(other.json().data)).toBe(false);
  });

  it("exports readable cells and re-imports unchanged", async () => {
    const res = await t.call(s.gov, { method: "GET", url: `${base}/export.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const row = ws.getRow(3);
    const cell = (label: string) => row.getCell(header.indexOf(label) + 1).value;
    expect(cell("会议类型")).toBe("联席会议");
    expect(cell("联席机构")).toBe("区政府党组会议；区政府常务会议");
    expect(cell("会前学法")).toBe("法规规章：《重庆市重大行政决策程序规定》（主讲：区司法局局长）");
    expect(cell("议题")).toBe(
      "审议决定：关于武隆区城市管理条例实施办法（草案）的议题；听取汇报：区法治政府建设情况汇报",
    );
    // A decision holding "；" itself: one item per line.
    expect(cell("会议决定")).toBe(joint.decisions.join("\n"));
    expect(cell("不同意见")).toBe("某副区长：建议延长公众意见征求期：不少于30日");

    const again = await t.call(s.gov, {
      method: "POST",
      url: `${base}/import`,
      headers: { "content-type": XLSX_MIME },
      payload: res.rawPayload,
    });
    expect(again.statusCode).toBe(200);
    // The party committee's meeting is not the government office's to edit; unchanged, it is no error.
    expect(again.json()).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    const entry = (await t.call(s.gov, { method: "GET", url: `${base}/entries/${id}` })).json();
    expect(entry.version).toBe(1);
    expect(entry.data).toEqual(joint);
  });

  it("lets another record check a meeting reference; deleting needs a reason", async () => {
    const actor = {
      userId: s.gov.userId,
      username: "gov_office",
      displayName: "用户gov_office",
      regionCode: "500156",
      unitId: ids.gov!,
      roles: ["case_handler" as const],
      regions: ["500156"],
      scope: "unit" as const,
      mustChangePassword: false,
    };
    const m = await inWork(t.db.app, actor, new Date(), null, (w) => loadMeeting(w, id));
    expect(m.data.number).toBe("第111次");
    await expect(
      inWork(
        t.db.app,
        { ...actor, regions: ["500102"], regionCode: "500102" },
        new Date(),
        null,
        (w) => loadMeeting(w, id),
      ),
    ).rejects.toThrow(/no Meetings entry/);

    const noReason = await t.call(s.gov, { method: "DELETE", url: `${base}/entries/${id}` });
    expect(noReason.statusCode).toBe(422);
    const del = await t.call(s.gov, {
      method: "DELETE",
      url: `${base}/entries/${id}?reason=${encodeURIComponent("重复录入")}`,
    });
    expect(del.statusCode).toBe(204);
    const versions = await t.db.owner
      .selectFrom("audit_event")
      .select(["action", "reason", "actor_name"])
      .where("entity_id", "=", String(id))
      .where("entity_type", "=", "register_entry")
      .orderBy("seq")
      .execute();
    expect(versions).toEqual([
      { action: "register.meeting.create", reason: null, actor_name: "用户gov_office" },
      { action: "register.meeting.delete", reason: "重复录入", actor_name: "用户gov_office" },
    ]);
  });
});
