/**
 * The enforcement registers (part A of 行政执法): the full demo (directory + enforcement)
 * loaded into a test database, its indicators against the seed report's figures, then
 * each register's CRUD and validation, who sees an officer's ID number, the lookups the
 * enforcement cases use, and the public portal.
 */
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../src/engines/demo/declare.ts";
import { loadDemo } from "../../../src/engines/demo/loader.ts";
import { decryptData, type EntryData } from "../../../src/engines/register/data.ts";
import { createRegistry } from "../../../src/engines/registry.ts";
import { makeIdCard } from "../../../src/kernel/codes/id-card.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { apportion } from "../../../src/modules/enforcement/registers/demo.ts";
import {
  benchmarkFor,
  bodyOfUnit,
  criterionCodec,
  findOfficer,
  majorCriteriaFor,
  type OfficerData,
  officerRegister,
  officerValidOn,
  SEED_FIGURES,
  trainingCodec,
} from "../../../src/modules/enforcement/registers/index.ts";
import { loadActor } from "../../../src/platform/auth/sessions.ts";
import { loadOrCreateFieldKey } from "../../../src/platform/crypto/keys.ts";
import { inWork, type WorkTx } from "../../../src/platform/work.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { testApp } from "../../support/app.ts";
import { scanPublic } from "../../support/masking-scanner.ts";

const modules = [directoryModule, enforcementModule];
const registry = createRegistry(modules);

let t: TestApp;
let demoMs = 0;
let demoParts = "";
const s = {} as Record<"office" | "city" | "scjg" | "baima" | "scjgj" | "viewer", Session>;

const OFFICERS = "/api/registers/enforcement_officer/entries";
const BODIES = "/api/registers/enforcement_body/entries";
const EQUIPMENT = "/api/registers/enforcement_equipment/entries";
const CATALOGUE = "/api/registers/major_decision_catalogue/entries";
const BENCHMARKS = "/api/registers/discretion_benchmark/entries";

beforeAll(async () => {
  t = await testApp(modules);
  // The demo's records are dated in 2020; the clock is the demo's "now".
  t.clock.t = new Date("2021-01-31T01:00:00Z");
  const started = Date.now();
  const result = await loadDemo(t.db, registry, { seed: "wulong-2020", keyDir: t.config.keyDir });
  demoMs = Date.now() - started;
  demoParts = result.contributions.map((c) => `${c.id} ${c.ms} ms`).join(", ");
  const login = (u: string) => t.login(u, DEMO_PASSWORD);
  s.office = await login("wl.yfzqb.office");
  s.city = await login("cq.sfj.office");
  s.scjg = await login("wl.team-scjg.handler");
  s.baima = await login("wl.town-baima.handler");
  s.scjgj = await login("wl.scjgj.reviewer");
  s.viewer = await login("wl.qzf.viewer");
}, 300_000);

afterAll(async () => {
  await t?.close();
});

async function values(session: Session, region: string, year: number) {
  const res = await t.call(session, {
    method: "GET",
    url: `/api/indicators/values?region=${region}&year=${year}`,
  });
  expect(res.statusCode).toBe(200);
  const out: Record<string, number | null> = {};
  for (const v of res.json().values as { id: string; value: number | null }[]) {
    out[v.id] = v.value;
  }
  return out;
}

/** The seed report's figures (一(六)) by indicator id. */
const SEED: Record<string, number> = {
  enforcement_bodies_comprehensive_team: 8,
  enforcement_bodies_township_office: 26,
  enforcement_posts_comprehensive_team: 215,
  enforcement_posts_township_office: 150,
  enforcement_officers: 815,
  enforcement_legal_reviewers: 182,
  enforcement_equipment: 935,
  enforcement_officers_trained_certificate: 243,
};

async function ownerEntries(
  register: string,
): Promise<{ id: number; unit_id: number; data: EntryData }[]> {
  const rows = await t.db.owner
    .selectFrom("register_entry")
    .select(["id", "unit_id", "data"])
    .where("register", "=", register)
    .where("region_code", "=", "500156")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    unit_id: Number(r.unit_id),
    data: r.data as EntryData,
  }));
}

function idCard(n: number): string {
  return makeIdCard(
    "500156",
    `1985-0${(n % 9) + 1}-1${n % 10}`,
    400 + n,
    n % 2 ? "male" : "female",
  );
}

function officer(n: number, extra: Partial<OfficerData> = {}) {
  return {
    name: `测试员${n}`,
    idNumber: idCard(n),
    phone: `1390000${String(n).padStart(4, "0")}`,
    bodyUnitCode: "team-scjg",
    certificateNo: `9990000${String(n).padStart(5, "0")}`,
    certificateValidFrom: "2021-01-04",
    certificateValidTo: "2027-01-03",
    legalReviewer: false,
    legalQualification: false,
    training: [
      { date: "2020-12-10", course: "通用法律知识", hours: 40, kind: "certificate", passed: true },
    ],
    ...extra,
  };
}

// ───────────────────────────────────────────────────────────────────────────── demo

describe("the demo", () => {
  it("loads directory + enforcement, every contribution reporting its time", () => {
    // How long it takes is measured in `npm run bench` (a ratio against this machine),
    // never asserted here: a busy 2-core machine takes several times a quiet one.
    console.info(`demo loaded in ${demoMs} ms (${demoParts})`);
    for (const id of ["directory", "enforcement-registers", "enforcement.cases"])
      expect(demoParts).toContain(`${id} `);
  });

  it("gives the seed report's figures for Wulong (500156) in 2020", async () => {
    const v = await values(s.office, "500156", 2020);
    for (const [id, want] of Object.entries(SEED))
      expect({ id, value: v[id] }).toEqual({ id, value: want });
    expect(SEED_FIGURES).toMatchObject({
      teams: 8,
      teamPosts: 215,
      townshipOffices: 26,
      townshipPosts: 150,
      officers: 815,
      legalReviewers: 182,
      equipment: 935,
      trainedCertificate: 243,
    });
    // Departments are counted in the totals, not in the report's split figures.
    expect(v.enforcement_bodies_department).toBeGreaterThan(0);
    expect(v.enforcement_bodies).toBe(8 + 26 + v.enforcement_bodies_department!);
    expect(v.enforcement_posts).toBe(215 + 150 + v.enforcement_posts_department!);
    expect(v.enforcement_legal_reviewer_share).toBe(22.3); // 182 / 815
  });

  it("the city (500000, one district loaded) gives the same figures", async () => {
    const v = await values(s.city, "500000", 2020);
    for (const [id, want] of Object.entries(SEED))
      expect({ id, value: v[id] }).toEqual({ id, value: want });
  });

  it("holds records that must not count: expired certificates, retired devices, earlier training", async () => {
    const officers = await ownerEntries("enforcement_officer");
    const expired = officers.filter((o) => String(o.data.certificateValidTo) < "2020-12-31");
    expect(officers.length).toBe(815 + expired.length);
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.every((o) => String(o.data.certificateValidTo).startsWith("2019"))).toBe(true);
    expect(expired.some((o) => o.data.legalReviewer === true)).toBe(true);
    const devices = await ownerEntries("enforcement_equipment");
    const retired = devices.filter((d) => d.data.state === "retired");
    expect(retired.length).toBeGreaterThan(0);
    expect(devices.length).toBe(935 + retired.length);
    expect(new Set(devices.map((d) => d.data.kind))).toEqual(new Set(["recorder", "mobile_kit"]));
    const v2019 = await values(s.office, "500156", 2019);
    expect(v2019.enforcement_officers_trained_certificate).toBeGreaterThan(0);
    expect(v2019.enforcement_officers).toBe(815 - 243);
    // Failed attempts and refreshers exist, and do not add to the 243.
    const trainings = officers.flatMap(
      (o) => o.data.training as { kind: string; passed: boolean; date: string }[],
    );
    expect(
      trainings.some((x) => x.kind === "certificate" && !x.passed && x.date.startsWith("2020")),
    ).toBe(true);
    expect(trainings.some((x) => x.kind === "refresher" && x.date.startsWith("2020"))).toBe(true);
  });

  it("spreads officers and reviewers over every body, with valid ID numbers, encrypted at rest", async () => {
    const bodies = await ownerEntries("enforcement_body");
    const officers = await ownerEntries("enforcement_officer");
    const units = new Map(bodies.map((b) => [b.data.unitCode as string, b.unit_id]));
    for (const b of bodies) {
      const mine = officers.filter((o) => o.data.bodyUnitCode === b.data.unitCode);
      expect(mine.length, String(b.data.unitCode)).toBeGreaterThan(0);
      expect(mine.every((o) => o.unit_id === units.get(String(b.data.unitCode)))).toBe(true);
      expect(
        mine.some((o) => o.data.legalReviewer === true),
        String(b.data.unitCode),
      ).toBe(true);
    }
    const raw = await sql<{ t: string }>`select string_agg(data::text, ' ') as t from register_entry
      where register = 'enforcement_officer'`.execute(t.db.owner);
    expect(raw.rows[0]!.t).not.toMatch(/"idNumber":\s*"\d{17}[\dX]"/);
    const key = await loadOrCreateFieldKey(t.config.keyDir);
    const plain = decryptData(officerRegister, officers[0]!.data, { fieldKey: key });
    expect(String(plain.idNumber)).toMatch(/^\d{17}[\dX]$/);
    // Every change is in the audit trail.
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_event
      where action = 'register.enforcement_officer.create'`.execute(t.db.owner);
    expect(audit.rows[0]!.n).toBe(officers.length);
  });

  it("the drill-down lists the officers behind a figure", async () => {
    const res = await t.call(s.office, {
      method: "GET",
      url: "/api/indicators/enforcement_officers_trained_certificate/drill?region=500156&year=2020&limit=5000",
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows.length).toBe(243);
    expect(body.rows[0].link).toMatch(/^\/registers\/enforcement_officer\/500156\/\d+$/);
  });
});

describe("xlsx", () => {
  it("list items round-trip through their cell text; the export masks ID numbers", () => {
    const tr = {
      date: "2020-05-10",
      course: "通用法律知识",
      hours: 40,
      kind: "certificate",
      passed: true,
    };
    expect(trainingCodec.format(tr)).toBe("2020-05-10｜执法证件培训｜通用法律知识｜40学时｜合格");
    expect(trainingCodec.parse(trainingCodec.format(tr))).toEqual(tr);
    expect(() => trainingCodec.parse("2020-05-10｜培训")).toThrow(/日期｜类别/);
    for (const c of [
      { kind: "fine_at_least", amount: 50_000 },
      { kind: "licence_revocation" },
      { kind: "other", text: "按日连续处罚" },
    ] as const) {
      expect(criterionCodec.parse(criterionCodec.format(c))).toEqual(c);
    }
    expect(criterionCodec.parse("罚款数额不低于：50,000元")).toEqual({
      kind: "fine_at_least",
      amount: 50_000,
    });
  });

  it("exports a unit's officers", async () => {
    const res = await t.call(s.scjg, {
      method: "GET",
      url: "/api/registers/enforcement_officer/export.xlsx?bodyUnitCode=team-scjg",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    // the body column shows the unit's name, never its code, and re-imports unchanged
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(2).values as unknown[]).indexOf("bodyUnitCode");
    expect(col).toBeGreaterThan(0);
    const team = await t.db.owner
      .selectFrom("unit")
      .select("name_zh")
      .where("code", "=", "team-scjg")
      .executeTakeFirstOrThrow();
    const cells = new Set(
      [...Array(ws.rowCount - 2).keys()].map((i) => ws.getRow(i + 3).getCell(col).value),
    );
    expect([...cells]).toEqual([team.name_zh]);
    const back = await t.call(s.scjg, {
      method: "POST",
      url: "/api/registers/enforcement_officer/import",
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
      payload: res.rawPayload,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().unchanged).toBe(back.json().rows);
  });
});

describe("apportion", () => {
  it("splits a total exactly, at least the minimum each", () => {
    const rng = {
      next: () => 0.5,
      int: (a: number) => a,
      pick: <T>(x: readonly T[]) => x[0]!,
      chance: () => false,
      shuffle: <T>(x: readonly T[]) => [...x],
    };
    const parts = apportion(215, [42, 24, 16, 28, 38, 30, 20, 17], rng, 8);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(215);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(8);
    expect(() => apportion(5, [1, 1, 1], rng, 2)).toThrow();
  });
});

// ─────────────────────────────────────────────────────────────────────────── bodies

describe("enforcement bodies", () => {
  let id: number;
  let version: number;

  it("the rule-of-law office records a body for a unit of its region", async () => {
    const unitId = (
      await t.db.owner
        .selectFrom("unit")
        .select("id")
        .where("region_code", "=", "500156")
        .where("code", "=", "slj")
        .executeTakeFirstOrThrow()
    ).id;
    const res = await t.call(s.office, {
      method: "POST",
      url: BODIES,
      payload: {
        unitId,
        data: {
          name: "区水利局",
          kind: "department",
          unitCode: "slj",
          legalBasis: "《中华人民共和国水法》",
          posts: 6,
          powers: ["对未经批准擅自取水的行政处罚"],
          publicProcedures: "对行政处罚决定不服的，可以申请行政复议或者提起行政诉讼。",
        },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unitId, title: "区水利局", data: { posts: 6 } });
    id = res.json().id;
    version = res.json().version;
  });

  it("refuses a second body for the same unit, bad kinds and negative posts, every field named", async () => {
    const res = await t.call(s.office, {
      method: "POST",
      url: BODIES,
      payload: {
        data: { name: "重复", kind: "department", unitCode: "slj", legalBasis: "x", posts: 1 },
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(["unitCode"]);
    const bad = await t.call(s.office, {
      method: "POST",
      url: BODIES,
      payload: {
        data: { name: "", kind: "bureau", unitCode: "Bad Code", legalBasis: "x", posts: -1 },
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["kind", "name", "posts", "unitCode"]);
  });

  it("is kept by the rule-of-law office only; every unit reads it", async () => {
    const res = await t.call(s.scjg, {
      method: "POST",
      url: BODIES,
      payload: {
        data: { name: "自建", kind: "department", unitCode: "kjj", legalBasis: "x", posts: 1 },
      },
    });
    expect(res.statusCode).toBe(403);
    const read = await t.call(s.baima, { method: "GET", url: `${BODIES}/${id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().editable).toBe(false);
    const list = await t.call(s.viewer, {
      method: "GET",
      url: `${BODIES}?kind=comprehensive_team`,
    });
    expect(list.json().total).toBe(8);
    const upd = await t.call(s.office, {
      method: "PUT",
      url: `${BODIES}/${id}`,
      payload: { version, data: { ...read.json().data, posts: 7 } },
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().data.posts).toBe(7);
    const del = await t.call(s.office, {
      method: "DELETE",
      url: `${BODIES}/${id}`,
      payload: { reason: "测试" },
    });
    expect(del.statusCode).toBe(204);
  });
});

// ───────────────────────────────────────────────────────────────────────── officers

describe("enforcement officers", () => {
  let id: number;

  it("a unit records its officer; ID and phone shown in full to it", async () => {
    const res = await t.call(s.scjg, {
      method: "POST",
      url: OFFICERS,
      payload: { data: officer(1) },
    });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().data).toMatchObject({ idNumber: idCard(1), phone: "13900000001" });
    const got = await t.call(s.scjg, { method: "GET", url: `${OFFICERS}/${id}` });
    expect(got.json().data).toMatchObject({ idNumber: idCard(1), phone: "13900000001" });
    const versions = await t.call(s.scjg, { method: "GET", url: `${OFFICERS}/${id}/versions` });
    expect(versions.json()[0].after.idNumber).toBe(idCard(1));
  });

  it("names a bad ID number, phone and dates by field (422)", async () => {
    const bad = idCard(2).slice(0, 17) + (idCard(2).endsWith("0") ? "1" : "0");
    const res = await t.call(s.scjg, {
      method: "POST",
      url: OFFICERS,
      payload: {
        data: officer(2, {
          idNumber: bad,
          phone: "12345",
          certificateValidFrom: "2021-02-30",
          certificateNo: "abc",
          training: [
            { date: "2020-13-01", course: "", hours: 0, kind: "certificate", passed: true },
          ],
        }),
      },
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual([
      "certificateNo",
      "certificateValidFrom",
      "idNumber",
      "phone",
      "training.0.course",
      "training.0.date",
      "training.0.hours",
    ]);
    expect(fields.find((f) => f.field === "idNumber")!.message).toMatch(/check character/);
    const order = await t.call(s.scjg, {
      method: "POST",
      url: OFFICERS,
      payload: { data: officer(3, { certificateValidTo: "2020-12-31" }) },
    });
    expect(order.statusCode).toBe(422);
    expect(order.json().error.fields).toEqual([
      expect.objectContaining({ field: "certificateValidTo" }),
    ]);
  });

  it("refuses a certificate number already held, across units (422)", async () => {
    const taken = (await ownerEntries("enforcement_officer")).find(
      (o) => o.data.bodyUnitCode === "town-baima",
    )!.data.certificateNo as string;
    const res = await t.call(s.scjg, {
      method: "POST",
      url: OFFICERS,
      payload: { data: officer(4, { certificateNo: taken }) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({
        field: "certificateNo",
        message: expect.stringMatching(/already used/),
      }),
    ]);
  });

  it("another unit, the rule-of-law office and lists see the ID and phone masked", async () => {
    const masked = `${idCard(1).slice(0, 3)}***********${idCard(1).slice(-4)}`;
    for (const who of [s.baima, s.office, s.viewer]) {
      const got = await t.call(who, { method: "GET", url: `${OFFICERS}/${id}` });
      expect(got.statusCode).toBe(200);
      expect(got.json().data).toMatchObject({ idNumber: masked, phone: "139****0001" });
      expect(got.body).not.toContain(idCard(1));
      const versions = await t.call(who, { method: "GET", url: `${OFFICERS}/${id}/versions` });
      expect(versions.statusCode).toBe(200);
      expect(versions.body).not.toContain(idCard(1));
      expect(versions.body).not.toContain("13900000001");
    }
    const list = await t.call(s.scjg, {
      method: "GET",
      url: `${OFFICERS}?certificateNo=${officer(1).certificateNo}`,
    });
    expect(list.json().items[0].data.idNumber).toBe(masked);
    // The blind index finds it by the full number for the owning unit only: another
    // unit does not learn whether a person is an officer (issue 8).
    const found = await t.call(s.scjg, {
      method: "GET",
      url: `${OFFICERS}?idNumber=${idCard(1)}`,
    });
    expect(found.json().total).toBe(1);
    for (const who of [s.baima, s.office]) {
      const probe = await t.call(who, { method: "GET", url: `${OFFICERS}?idNumber=${idCard(1)}` });
      expect(probe.statusCode).toBe(200);
      expect(probe.json().total).toBe(0);
    }
  });

  it("only its own unit edits it; a masked number written back keeps the stored one", async () => {
    const seen = (await t.call(s.office, { method: "GET", url: `${OFFICERS}/${id}` })).json();
    const other = await t.call(s.baima, {
      method: "PUT",
      url: `${OFFICERS}/${id}`,
      payload: { version: seen.version, data: { ...seen.data, legalReviewer: true } },
    });
    expect(other.statusCode).toBe(403);
    const office = await t.call(s.office, {
      method: "PUT",
      url: `${OFFICERS}/${id}`,
      payload: { version: seen.version, data: { ...seen.data, legalQualification: true } },
    });
    expect(office.statusCode).toBe(200);
    expect(office.body).not.toContain(idCard(1));
    const own = (await t.call(s.scjg, { method: "GET", url: `${OFFICERS}/${id}` })).json();
    expect(own.data).toMatchObject({
      idNumber: idCard(1),
      phone: "13900000001",
      legalQualification: true,
    });
    const versions = (
      await t.call(s.scjg, { method: "GET", url: `${OFFICERS}/${id}/versions` })
    ).json();
    expect(versions.at(-1).changed).toEqual(["legalQualification"]);
    // A masked number is not a number: a new entry needs the full one.
    const fresh = await t.call(s.scjg, {
      method: "POST",
      url: OFFICERS,
      payload: { data: officer(5, { idNumber: "500***********1234" }) },
    });
    expect(fresh.statusCode).toBe(422);
    expect(fresh.json().error.fields[0].field).toBe("idNumber");
  });

  it("deleting needs a reason", async () => {
    const res = await t.call(s.scjg, {
      method: "POST",
      url: OFFICERS,
      payload: { data: officer(6) },
    });
    const del = await t.call(s.scjg, { method: "DELETE", url: `${OFFICERS}/${res.json().id}` });
    expect(del.statusCode).toBe(422);
    const ok = await t.call(s.scjg, {
      method: "DELETE",
      url: `${OFFICERS}/${res.json().id}`,
      payload: { reason: "调离执法岗位" },
    });
    expect(ok.statusCode).toBe(204);
  });
});

// ──────────────────────────────────────────────────────────────── equipment and rules

describe("equipment, catalogue, benchmarks", () => {
  it("equipment: own unit records and edits; serial numbers unique; states checked", async () => {
    const data = {
      kind: "recorder",
      serialNo: "TEST-0001",
      bodyUnitCode: "team-scjg",
      state: "in_use",
      acquiredOn: "2021-01-05",
    };
    const res = await t.call(s.scjg, { method: "POST", url: EQUIPMENT, payload: { data } });
    expect(res.statusCode).toBe(201);
    const dup = await t.call(s.baima, {
      method: "POST",
      url: EQUIPMENT,
      payload: { data: { ...data, bodyUnitCode: "town-baima" } },
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.fields[0].field).toBe("serialNo");
    const bad = await t.call(s.scjg, {
      method: "POST",
      url: EQUIPMENT,
      payload: { data: { ...data, serialNo: "TEST-0002", kind: "drone", state: "lost" } },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["kind", "state"]);
    const e = res.json();
    expect(
      (
        await t.call(s.baima, {
          method: "PUT",
          url: `${EQUIPMENT}/${e.id}`,
          payload: { version: e.version, data: { ...data, state: "retired" } },
        })
      ).statusCode,
    ).toBe(403);
    const retire = await t.call(s.scjg, {
      method: "PUT",
      url: `${EQUIPMENT}/${e.id}`,
      payload: { version: e.version, data: { ...data, state: "retired" } },
    });
    expect(retire.json().data.state).toBe("retired");
  });

  it("catalogue: one per body; criteria checked by kind", async () => {
    const dup = await t.call(s.scjg, {
      method: "POST",
      url: CATALOGUE,
      payload: { data: { bodyUnitCode: "team-scjg", criteria: [{ kind: "licence_revocation" }] } },
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.fields[0].field).toBe("bodyUnitCode");
    const bad = await t.call(s.scjg, {
      method: "POST",
      url: CATALOGUE,
      payload: {
        data: {
          bodyUnitCode: "team-new",
          criteria: [{ kind: "fine_at_least" }, { kind: "other", text: "" }, { kind: "art58" }],
        },
      },
    });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["criteria.0.amount", "criteria.1.text"]));
    expect(fields.some((f: string) => f.startsWith("criteria.2"))).toBe(true);
  });

  it("benchmarks: unique per body, violation and circumstance; the range in order", async () => {
    const base = {
      bodyUnitCode: "team-scjg",
      violationCode: "SCJG-SP-001",
      violation: "经营不符合食品安全标准的食品",
      legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
      circumstance: "general",
      fineMin: 60_000,
      fineMax: 80_000,
    };
    const dup = await t.call(s.scjg, { method: "POST", url: BENCHMARKS, payload: { data: base } });
    expect(dup.statusCode).toBe(422);
    expect(
      dup
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["bodyUnitCode", "circumstance", "violationCode"]);
    const order = await t.call(s.scjg, {
      method: "POST",
      url: BENCHMARKS,
      payload: { data: { ...base, violationCode: "SCJG-X-9", fineMin: 9_000, fineMax: 1_000 } },
    });
    expect(order.statusCode).toBe(422);
    expect(order.json().error.fields).toEqual([expect.objectContaining({ field: "fineMax" })]);
    const ok = await t.call(s.scjg, {
      method: "POST",
      url: BENCHMARKS,
      payload: {
        data: {
          ...base,
          violationCode: "SCJG-X-9",
          circumstance: "minor",
          fineMin: 0,
          fineMax: 500.5,
        },
      },
    });
    expect(ok.statusCode).toBe(201);
  });
});

// ──────────────────────────────────────────────────────────────────────────── lookups

describe("lookups for the enforcement cases", () => {
  async function as<T>(username: string, fn: (w: WorkTx) => Promise<T>): Promise<T> {
    const u = await t.db.owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    const actor = (await loadActor(t.db.owner, u.id))!;
    return inWork(t.db.app, actor, new Date("2021-01-31T01:00:00Z"), null, fn);
  }

  it("findOfficer and officerValidOn", async () => {
    const all = await ownerEntries("enforcement_officer");
    const one = all.find(
      (o) => o.data.bodyUnitCode === "team-scjg" && o.data.legalReviewer === true,
    )!;
    const no = String(one.data.certificateNo);
    // Another unit of the region finds it too (the register is visible region-wide).
    const o = await as("wl.town-baima.handler", (w) => findOfficer(w, ` ${no.toLowerCase()} `));
    expect(o).toEqual({
      entryId: one.id,
      name: one.data.name,
      certificateNo: no,
      bodyUnitCode: "team-scjg",
      validFrom: one.data.certificateValidFrom,
      validTo: one.data.certificateValidTo,
      legalReviewer: true,
      legalQualification: one.data.legalQualification,
      priorReviewExperience: false,
    });
    expect(JSON.stringify(o)).not.toMatch(/idNumber|phone|sm4/);
    expect(officerValidOn(o!, String(one.data.certificateValidFrom))).toBe(true);
    expect(officerValidOn(o!, String(one.data.certificateValidTo))).toBe(true);
    expect(officerValidOn(o!, "2099-01-01")).toBe(false);
    expect(officerValidOn(o!, "2000-01-01")).toBe(false);
    const expired = all.find((x) => String(x.data.certificateValidTo) < "2020-01-01")!;
    const e = await as("wl.scjgj.reviewer", (w) =>
      findOfficer(w, String(expired.data.certificateNo)),
    );
    expect(officerValidOn(e!, "2020-06-01")).toBe(false);
    expect(await as("wl.scjgj.reviewer", (w) => findOfficer(w, "000000000000"))).toBeUndefined();
    // The city's office looks in a district when told which.
    expect(await as("cq.sfj.office", (w) => findOfficer(w, no))).toBeUndefined();
    expect((await as("cq.sfj.office", (w) => findOfficer(w, no, "500156")))?.entryId).toBe(one.id);
  });

  it("majorCriteriaFor and benchmarkFor", async () => {
    const c = await as("wl.team-scjg.handler", (w) => majorCriteriaFor(w, "team-scjg"));
    expect(c).toContainEqual({ kind: "fine_at_least", amount: 50_000 });
    expect(c).toContainEqual({ kind: "licence_revocation" });
    expect(await as("wl.team-scjg.handler", (w) => majorCriteriaFor(w, "nobody"))).toEqual([]);
    const b = await as("wl.team-scjg.handler", (w) =>
      benchmarkFor(w, "team-scjg", "SCJG-SP-001", "general"),
    );
    expect(b).toMatchObject({
      violationCode: "SCJG-SP-001",
      circumstance: "general",
      fineMin: 65_000,
      fineMax: 85_000,
      otherPenalties: expect.arrayContaining(["没收违法所得"]),
    });
    expect(b!.legalBasis).toContain("食品安全法");
    expect(
      await as("wl.team-scjg.handler", (w) =>
        benchmarkFor(w, "team-scjg", "SCJG-SP-001", "extreme"),
      ),
    ).toBeUndefined();
  });

  it("bodyOfUnit", async () => {
    const unit = async (code: string) =>
      (
        await t.db.owner
          .selectFrom("unit")
          .select("id")
          .where("region_code", "=", "500156")
          .where("code", "=", code)
          .executeTakeFirstOrThrow()
      ).id;
    expect(
      await as("wl.town-baima.handler", async (w) => bodyOfUnit(w, await unit("team-scjg"))),
    ).toEqual({
      unitCode: "team-scjg",
      name: "重庆市武隆区市场监管综合行政执法支队",
      kind: "comprehensive_team",
    });
    expect(
      await as("wl.town-baima.handler", async (w) => bodyOfUnit(w, await unit("town-baima"))),
    ).toEqual({
      unitCode: "town-baima",
      name: "重庆市武隆区白马镇综合行政执法办公室",
      kind: "township_office",
    });
    expect(
      await as("wl.town-baima.handler", async (w) => bodyOfUnit(w, await unit("qzf"))),
    ).toBeUndefined();
  });
});

// ───────────────────────────────────────────────────────────────────────────── public

describe("the public portal", () => {
  it("shows bodies and officers (name and certificate number), allowlisted fields only", async () => {
    const bodies = await t.app.inject({
      method: "GET",
      url: "/public/api/500156/registers/enforcement_body",
    });
    expect(bodies.statusCode).toBe(200);
    const b = bodies.json();
    expect(b.total).toBe(44);
    for (const item of b.items) {
      expect(
        Object.keys(item).every((k) =>
          ["id", "name", "kind", "legalBasis", "powers", "publicProcedures"].includes(k),
        ),
      ).toBe(true);
    }
    const last = await t.app.inject({
      method: "GET",
      url: `/public/api/500156/registers/enforcement_body?page=3`,
    });
    expect(last.body).toContain("区市场监管综合行政执法支队");
    expect(bodies.body).not.toMatch(/"posts"/);
    const officers = await t.app.inject({
      method: "GET",
      url: "/public/api/500156/registers/enforcement_officer",
    });
    const o = officers.json();
    expect(Object.keys(o.items[0]).sort()).toEqual([
      "bodyUnitCode",
      "certificateNo",
      "certificateValidTo",
      "id",
      "name",
    ]);
    const page = await t.app.inject({
      method: "GET",
      url: "/public/500156/sections/officers",
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(o.items[0].name);
    expect(page.body).toContain(o.items[0].certificateNo);
  });

  it("never shows an officer's ID or phone number anywhere", async () => {
    const key = await loadOrCreateFieldKey(t.config.keyDir);
    const parties = (await ownerEntries("enforcement_officer")).map((o) => {
      const p = decryptData(officerRegister, o.data, { fieldKey: key });
      return {
        name: "",
        idNumber: String(p.idNumber),
        ...(p.phone ? { phone: String(p.phone) } : {}),
      };
    });
    const r = await scanPublic(
      t.app,
      parties,
      ["/public", "/public/500156", "/public/500156/sections/officers"],
      [
        ...Array.from(
          { length: Math.ceil(parties.length / 20) },
          (_, i) => `/public/api/500156/registers/enforcement_officer?page=${i + 1}`,
        ),
        "/public/api/500156/registers/enforcement_body",
      ],
      400,
    );
    expect(r.visited).toContain("/public/500156/sections/officers");
    expect(r.leaks).toEqual([]);
  });
});
