import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { type DemoLoadResult, loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { makeUscc } from "../../../src/kernel/codes/uscc.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { listsModule } from "../../../src/modules/lists/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * The lists module on the Wulong demo: the seed's figures (55 / 26 / 6) out of records
 * through the indicators; published versions of the power list (the change list, the
 * portal's list in force on a past day, every refusal of publishing writing nothing);
 * the complaints' reply deadline (late shows overdue) and the penalty case a complaint
 * opens, linked both ways.
 */
describe("lists", () => {
  let d: TestApp;
  let result: DemoLoadResult;
  let office: Session;
  let handler: Session;
  let leader: Session;
  // The enforcement module's case types (the penalty case a complaint opens), not its demo.
  const modules = [directoryModule, { ...enforcementModule, demo: [] }, listsModule];

  beforeAll(async () => {
    d = await testApp(modules);
    result = await loadDemo(d.db, createRegistry(modules), { keyDir: d.config.keyDir });
    d.clock.t = new Date("2021-01-31T01:00:00Z");
    office = await d.login("wl.yfzqb.office", DEMO_PASSWORD);
    handler = await d.login("wl.scjgj.handler", DEMO_PASSWORD);
    leader = await d.login("wl.scjgj.leader", DEMO_PASSWORD);
  }, 600_000);
  afterAll(async () => d?.close());

  const get = async (s: Session | undefined, url: string) => {
    const res = await d.call(s, { method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const entryId = async (name: string) =>
    Number(
      (
        await sql<{ id: string }>`select (e ->> 'id') as id from register_version v,
          jsonb_array_elements(v.entries) e
          where v.register = 'power_item' and e -> 'data' ->> 'name' = ${name} limit 1`.execute(
          d.db.owner,
        )
      ).rows[0]!.id,
    );
  const versionCount = async () =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from register_version`.execute(d.db.owner))
        .rows[0]!.n,
    );
  const auditCount = async () =>
    Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from audit_event where action like 'register.%.publish'`.execute(
          d.db.owner,
        )
      ).rows[0]!.n,
    );

  it("gives the seed's figures for 2020, from records", async () => {
    for (const c of result.contributions.filter((x) => x.id.startsWith("lists")))
      console.info(`demo ${c.id}: ${c.ms} ms — ${c.notes.join("; ")}`);
    const v = Object.fromEntries(
      (
        (await get(office, "/api/indicators/values?region=500156&year=2020")).values as {
          id: string;
          value: number | null;
        }[]
      ).map((x) => [x.id, x.value]),
    );
    expect({
      unit_duties_district_bodies: v.unit_duties_district_bodies,
      unit_duties_townships: v.unit_duties_townships,
      duty_coordination_meetings: v.duty_coordination_meetings,
      complaints_received: v.complaints_received,
      complaints_replied_on_time: v.complaints_replied_on_time,
    }).toEqual({
      unit_duties_district_bodies: 55,
      unit_duties_townships: 26,
      duty_coordination_meetings: 6,
      complaints_received: 6,
      complaints_replied_on_time: 5,
    });
    // The lists as published: version 2 (in force 2020-10-01) of the power list has the
    // first version's items, two added and one cancelled; the fee catalogue lost one.
    const v1 = await get(office, "/api/registers/power_item/versions");
    const [second, first] = v1 as { entryCount: number; number: string }[];
    expect(first!.number).toBe("武隆府办发〔2020〕15号");
    expect(second!.entryCount).toBe(first!.entryCount + 1);
    expect(v.power_list_items).toBe(second!.entryCount);
    const fees = (await get(office, "/api/registers/fee_item/versions")) as {
      entryCount: number;
    }[];
    expect(v.fee_items).toBe(fees[0]!.entryCount);
    expect(fees[1]!.entryCount - fees[0]!.entryCount).toBe(1);
    // The figure of a year before the list: nothing in force on 2019-12-31.
    const y2019 = await get(office, "/api/indicators/values?region=500156&year=2019");
    const pl = (y2019.values as { id: string; value: number }[]).find(
      (x) => x.id === "power_list_items",
    );
    expect(pl?.value).toBe(0);
  });

  it("shows the change list between two versions and to the entries now", async () => {
    const list = (await get(office, "/api/registers/power_item/versions")) as {
      id: number;
      current: boolean;
      inForceUntil: string | null;
    }[];
    const [second, first] = list;
    expect(second!.current).toBe(true);
    expect(first!.current).toBe(false);
    expect(first!.inForceUntil).toBe("2020-09-30");
    const diff = await get(
      office,
      `/api/registers/power_item/versions/${first!.id}/diff?to=${second!.id}`,
    );
    expect(diff.added.map((e: { data: { name: string } }) => e.data.name).sort()).toEqual(
      ["对经营者在政府指导价基础上违规加价收费的行政处罚", "稳岗返还"].sort(),
    );
    expect(diff.removed.map((e: { data: { name: string } }) => e.data.name)).toEqual([
      "出租汽车经营许可",
    ]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0].fields.map((f: { field: string }) => f.field)).toEqual(["basis"]);
    expect(diff.changed[0].fields[0].label.zh).toBe("设定依据");
    const now = await get(office, `/api/registers/power_item/versions/${second!.id}/diff`);
    expect(now.to).toBeNull();
    expect([now.added.length, now.removed.length, now.changed.length]).toEqual([0, 0, 0]);
  });

  it("publishes a new version; the portal shows the version in force on a past day", async () => {
    const created = await d.call(office, {
      method: "POST",
      url: "/api/registers/power_item/entries",
      payload: {
        unitId: (
          await sql<{ id: number }>`select id from unit where code = 'scjgj'`.execute(d.db.owner)
        ).rows[0]!.id,
        data: {
          code: "500156-QL-9001",
          name: "对电子商务经营者未公示营业执照信息的行政处罚",
          kind: "penalty",
          unitCode: "scjgj",
          basis: "《中华人民共和国电子商务法》第七十六条",
          responsibilities: "立案责任、调查责任、决定责任",
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const pub = await d.call(office, {
      method: "POST",
      url: "/api/registers/power_item/versions",
      payload: {
        number: "武隆府办发〔2021〕3号",
        publishedOn: "2021-01-29",
        inForceFrom: "2021-02-01",
      },
    });
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.json().current).toBe(false);

    const name = "对电子商务经营者未公示营业执照信息的行政处罚";
    // 2020-06-01: the first version, with its number and dates; not the later items.
    const june = await d.call(undefined, {
      method: "GET",
      url: "/public/500156/sections/power_list?on=2020-06-01",
    });
    expect(june.statusCode).toBe(200);
    expect(june.body).toContain("武隆府办发〔2020〕15号");
    expect(june.body).toContain("2020年4月1日起施行");
    const names = async (on: string) => {
      const out: string[] = [];
      for (let p = 1; p < 20; p++) {
        const r = await get(undefined, `/public/api/500156/lists/power_item?on=${on}&page=${p}`);
        out.push(...(r.items as { name: string }[]).map((x) => x.name));
        if (out.length >= r.total) break;
      }
      return out;
    };
    const onJune = await names("2020-06-01");
    expect(onJune).toContain("出租汽车经营许可");
    expect(onJune).not.toContain("稳岗返还");
    expect(onJune).not.toContain(name);
    const onFeb = await names("2021-02-01");
    expect(onFeb).toContain(name);
    expect(onFeb).toContain("稳岗返还");
    expect(onFeb).not.toContain("出租汽车经营许可");
    expect(june.body).not.toContain("scjgj"); // units by name, never by code
    expect(june.body).toContain("重庆市武隆区市场监管局");
    // JSON: the same list.
    const api = await get(undefined, "/public/api/500156/lists/power_item?on=2020-06-01");
    expect(api.versions.map((x: { number: string }) => x.number)).toEqual([
      "武隆府办发〔2020〕15号",
    ]);
    const all = await get(undefined, "/public/api/500156/lists/power_item?on=2021-02-01&page=5");
    expect(all.versions[0].number).toBe("武隆府办发〔2021〕3号");
    // Before any version: none in force.
    const early = await get(undefined, "/public/api/500156/lists/power_item?on=2020-01-01");
    expect([early.versions.length, early.total]).toEqual([0, 0]);
    // An item's own page follows the day too: the cancelled item is on 2020-06-01's list only.
    const cancelled = { id: await entryId("出租汽车经营许可") };
    const page = await d.call(undefined, {
      method: "GET",
      url: `/public/500156/sections/power_list/${cancelled!.id}?on=2020-06-01`,
    });
    expect(page.statusCode).toBe(200);
    const gone = await d.call(undefined, {
      method: "GET",
      url: `/public/500156/sections/power_list/${cancelled!.id}?on=2020-12-01`,
    });
    expect(gone.statusCode).toBe(404);
  });

  it("refuses every wrong publication and writes nothing", async () => {
    const before = [await versionCount(), await auditCount()];
    const post = (s: Session, payload: Record<string, unknown>, code = "power_item") =>
      d.call(s, { method: "POST", url: `/api/registers/${code}/versions`, payload });
    const good = {
      number: "武隆府办发〔2021〕9号",
      publishedOn: "2021-01-30",
      inForceFrom: "2021-03-01",
    };
    // A unit does not publish the region's list.
    expect((await post(handler, good)).statusCode).toBe(403);
    // Every bad field named at once.
    const bad = await post(office, {
      number: "第9号",
      publishedOn: "2021-02-30",
      inForceFrom: "x",
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      "inForceFrom",
      "number",
      "publishedOn",
    ]);
    // In the future; in force before published; the number's year not the publication's.
    const dates = await post(office, {
      number: "武隆府办发〔2020〕9号",
      publishedOn: "2021-02-05",
      inForceFrom: "2021-02-01",
    });
    expect(dates.statusCode).toBe(422);
    expect((dates.json().error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      "inForceFrom",
      "number",
      "publishedOn",
    ]);
    // Not after the latest version: it would rewrite what was in force.
    const rewrite = await post(office, { ...good, inForceFrom: "2021-02-01" });
    expect(rewrite.statusCode).toBe(409);
    // A number used before.
    const dup = await post(office, { ...good, number: "武隆府办发〔2021〕3号" });
    expect(dup.statusCode).toBe(409);
    // A register that is no published list.
    expect((await post(office, good, "unit_duty")).statusCode).toBe(404);
    expect([await versionCount(), await auditCount()]).toEqual(before);
  });

  it("keeps versions immutable in the database", async () => {
    await expect(
      sql`update register_version set number = 'x' where true`.execute(d.db.owner),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from register_version where true`.execute(d.db.owner)).rejects.toThrow(
      /append-only/,
    );
  });

  const complaint = {
    channel: "hotline_12315",
    kind: "complaint",
    subject: "price",
    respondent: {
      kind: "legal_person",
      name: "武隆区某超市有限公司",
      uscc: makeUscc("91", "500156", 7_700_077),
      address: "重庆市武隆区凤山街道",
    },
    complainant: { name: "刘某", phone: "13800000009" },
    matter: "商品标价与结算价格不一致。",
  };

  it("shows a complaint answered late, and one unanswered, as overdue", async () => {
    // Received Friday 2021-01-08: 7 working days → due 2021-01-19.
    const open = await d.call(handler, {
      method: "POST",
      url: "/api/cases/complaint",
      payload: { fields: complaint, onDate: "2021-01-08" },
    });
    expect(open.statusCode, open.body).toBe(201);
    const id = open.json().id as number;
    const before = await get(handler, `/api/cases/complaint/${id}`);
    const dl = before.deadlines as { clock: string; due: string; warning: string }[];
    const reply = dl.find((x) => x.clock === "reply")!;
    expect(reply.due).toBe("2021-01-19");
    expect(reply.warning).toBe("overdue");
    const warnings = await get(handler, "/api/warnings?limit=100");
    expect(JSON.stringify(warnings)).toContain(`"caseId":${id}`);
    // Answered on 2021-01-20: late.
    const acc = await d.call(handler, {
      method: "POST",
      url: `/api/cases/complaint/${id}/actions/accept`,
      payload: { version: before.case.version, input: {}, onDate: "2021-01-20" },
    });
    expect(acc.statusCode, acc.body).toBe(200);
    const after = await get(handler, `/api/cases/complaint/${id}`);
    const k = (
      (after.deadlines ?? after.clocks) as {
        clock: string;
        stoppedOn: string;
        due: string;
        level?: string;
      }[]
    ).find((x) => x.clock === "reply")!;
    expect(k.stoppedOn > k.due).toBe(true);
    const y = await get(office, "/api/indicators/values?region=500156&year=2021");
    const val = (idc: string) =>
      (y.values as { id: string; value: number }[]).find((x) => x.id === idc)?.value;
    expect([val("complaints_received"), val("complaints_replied_on_time")]).toEqual([1, 0]);
  });

  it("opens a penalty case from a report, linked both ways; refusals write nothing", async () => {
    const open = await d.call(handler, {
      method: "POST",
      url: "/api/cases/complaint",
      payload: {
        fields: { ...complaint, kind: "report", complainant: {} },
        onDate: "2021-01-25",
      },
    });
    expect(open.statusCode, open.body).toBe(201);
    const id = open.json().id as number;
    const cases = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from case_file`.execute(d.db.owner)).rows[0]!
          .n,
      );
    const n0 = await cases();
    const act = (s: Session, action: string, input: Record<string, unknown>, version = 1) =>
      d.call(s, {
        method: "POST",
        url: `/api/cases/complaint/${id}/actions/${action}`,
        payload: { version, input, onDate: "2021-01-28" },
      });
    // A report is not "accepted" as a complaint.
    expect((await act(handler, "accept", {})).statusCode).toBe(409);
    // Opening a case is the leader's decision (负责人决定是否立案).
    expect(
      (await act(handler, "open_case", { cause: "不明码标价", violationOn: "2021-01-20" }))
        .statusCode,
    ).toBe(403);
    // The penalty case's own rules: a violation after it was discovered is refused, nothing written.
    const badDate = await act(leader, "open_case", {
      cause: "不明码标价",
      violationOn: "2021-01-27",
    });
    expect(badDate.statusCode, badDate.body).toBeGreaterThanOrEqual(400);
    expect(await cases()).toBe(n0);
    const okRes = await act(leader, "open_case", {
      cause: "不明码标价",
      violationOn: "2021-01-20",
    });
    expect(okRes.statusCode, okRes.body).toBe(200);
    expect(await cases()).toBe(n0 + 1);
    const c = await get(handler, `/api/cases/complaint/${id}`);
    const link = (
      c.links as { direction: string; kind: string; caseId: number; caseType: string }[]
    ).find((l) => l.caseType === "penalty_general");
    expect(link).toBeDefined();
    const p = await get(handler, `/api/cases/penalty_general/${link!.caseId}`);
    expect(
      (p.links as { kind: string; caseId: number }[]).some(
        (l) => l.kind === "opened_from" && l.caseId === id,
      ),
    ).toBe(true);
    expect(p.case?.fields?.source ?? p.fields?.source).toBe("complaint");
  });
});
