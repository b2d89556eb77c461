import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { checkRegisterDecl } from "../../../src/engines/register/data.ts";
import type { RegisterDecl } from "../../../src/engines/register/declare.ts";
import { publicEntries } from "../../../src/engines/register/public.ts";
import { XLSX_MIME } from "../../../src/engines/register/xlsx/index.ts";
import type { ModuleDecl } from "../../../src/engines/registry.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { registerTestApp } from "../../support/register-app.ts";

// ---------------------------------------------------------------------------------
// Two registers declared here, the way a module declares its own.

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

/** Unit-visibility: enforcement officers, with encrypted ID and phone numbers. */
const officer: RegisterDecl = {
  code: "test_officer",
  label: { zh: "测试执法人员", en: "Test officers" },
  module: "testmod",
  schema: z.object({
    name: z.string().trim().min(1, "required"),
    certNo: z.string().regex(/^\d{8}$/, "8 digits"),
    kind: z.enum(["enforcement", "admin"]),
    idNumber: z.string().optional(),
    phone: z.string().optional(),
    since: date,
    areas: z.array(z.string()).default([]),
    active: z.boolean().default(true),
    cases: z.number().int().optional(),
    note: z.string().optional(),
  }),
  columns: [
    { field: "name", label: { zh: "姓名", en: "Name" }, kind: "text" },
    {
      field: "certNo",
      label: { zh: "执法证号", en: "Certificate no." },
      kind: "text",
      filter: true,
    },
    {
      field: "kind",
      label: { zh: "类别", en: "Kind" },
      kind: "enum",
      options: {
        enforcement: { zh: "行政执法", en: "Enforcement" },
        admin: { zh: "行政管理", en: "Administration" },
      },
      filter: true,
    },
    { field: "idNumber", label: { zh: "身份证号", en: "ID number" }, kind: "text", filter: true },
    { field: "phone", label: { zh: "电话", en: "Phone" }, kind: "text" },
    { field: "since", label: { zh: "发证日期", en: "Issued on" }, kind: "date" },
    { field: "areas", label: { zh: "执法领域", en: "Areas" }, kind: "list", filter: true },
    { field: "active", label: { zh: "在岗", en: "Active" }, kind: "boolean", filter: true },
    { field: "cases", label: { zh: "办案数", en: "Cases" }, kind: "integer" },
    { field: "note", label: { zh: "备注", en: "Note" }, kind: "text", inList: false },
  ],
  uniqueKeys: [{ name: "cert", fields: ["certNo"] }],
  visibility: "unit",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${String(d.name)}（${String(d.certNo)}）`,
  encrypted: ["idNumber", "phone"],
  people: [{ field: "name", role: "enforcement_officer" }],
  sensitive: ["delete"],
};

/** Region-visibility and public: publicity events with a private party. */
const publicitySchema = z.object({
  title: z.string().min(1),
  held: date,
  party: z.string().optional(),
  contact: z.string().optional(),
  internal: z.string().optional(),
  published: z.boolean().default(true),
});
const publicity: RegisterDecl<typeof publicitySchema> = {
  code: "test_publicity",
  label: { zh: "测试普法活动", en: "Test publicity events" },
  module: "testmod",
  schema: publicitySchema,
  columns: [
    { field: "title", label: { zh: "活动名称", en: "Title" }, kind: "text" },
    { field: "held", label: { zh: "日期", en: "Held on" }, kind: "date" },
    { field: "party", label: { zh: "当事人", en: "Party" }, kind: "text" },
    { field: "contact", label: { zh: "联系电话", en: "Contact" }, kind: "text" },
    { field: "internal", label: { zh: "内部意见", en: "Internal" }, kind: "text" },
    { field: "published", label: { zh: "公开", en: "Published" }, kind: "boolean" },
  ],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.title,
  public: { fields: ["title", "held", "party"], where: (d) => d.published },
  encrypted: ["contact"],
  people: [{ field: "party", role: "party_natural" }],
};

const testModule: ModuleDecl = {
  code: "testmod",
  label: { zh: "测试", en: "Test" },
  registers: [officer, publicity],
};

let t: TestApp;
const ids: Record<string, number> = {};
const s = {} as Record<"ha" | "hb" | "office" | "ro" | "fl", Session>;
const base = "/api/registers/test_officer";

function officerData(n: number, extra: Record<string, unknown> = {}) {
  return {
    name: `执法员${n}`,
    certNo: String(50015600 + n),
    kind: n % 2 === 0 ? "admin" : "enforcement",
    since: `2019-0${(n % 9) + 1}-15`,
    areas: n % 3 === 0 ? ["市场监管", "食品安全"] : ["交通运输"],
    ...extra,
  };
}

beforeAll(async () => {
  t = await registerTestApp([testModule]);
  ids.a = await t.unit("500156", "sfj");
  ids.b = await t.unit("500156", "scjgj");
  ids.fl = await t.unit("500102", "fl-sfj");
  const users = {
    ha: ["handler_a", ids.a, "case_handler"],
    hb: ["handler_b", ids.b, "case_handler"],
    office: ["office", ids.a, "rule_of_law_office"],
    ro: ["reader", ids.a, "read_only"],
    fl: ["fuling_office", ids.fl, "rule_of_law_office"],
  } as const;
  for (const [key, [name, unit, role]] of Object.entries(users)) {
    await t.user(name, unit!, [role]);
    s[key as keyof typeof s] = await t.login(name);
  }
});
afterAll(async () => t.close());

const post = (who: Session, data: unknown, code = "test_officer", unitId?: number) =>
  t.call(who, {
    method: "POST",
    url: `/api/registers/${code}/entries`,
    payload: { data, ...(unitId ? { unitId } : {}) },
  });

describe("declarations", () => {
  it("are checked: an encrypted field cannot be public", () => {
    expect(() => checkRegisterDecl(officer)).not.toThrow();
    expect(() =>
      checkRegisterDecl({ ...officer, public: { fields: ["name", "idNumber"] } }),
    ).toThrow(/may not be in the public allowlist/);
    expect(() =>
      checkRegisterDecl({
        ...officer,
        columns: [{ field: "nope", label: { zh: "无", en: "No" }, kind: "text" }],
      }),
    ).toThrow(/not a field/);
  });

  it("GET /api/registers lists the registers with columns, filters and whether I may edit", async () => {
    const res = await t.call(s.ha, { method: "GET", url: "/api/registers" });
    expect(res.statusCode).toBe(200);
    const list = res.json() as { code: string; canEdit: boolean; filters: string[] }[];
    const o = list.find((r) => r.code === "test_officer")!;
    expect(o).toMatchObject({
      module: "testmod",
      label: { zh: "测试执法人员", en: "Test officers" },
      canEdit: true,
      filters: ["certNo", "kind", "idNumber", "areas", "active"],
    });
    const ro = (await t.call(s.ro, { method: "GET", url: "/api/registers" })).json() as {
      code: string;
      canEdit: boolean;
    }[];
    expect(ro.find((r) => r.code === "test_officer")!.canEdit).toBe(false);
  });

  it("the routes are documented in the OpenAPI description", async () => {
    const res = await t.call(s.ha, { method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/registers",
        "/api/registers/{code}/entries",
        "/api/registers/{code}/entries/{id}",
        "/api/registers/{code}/entries/{id}/versions",
        "/api/registers/{code}/export.xlsx",
        "/api/registers/{code}/import",
      ]),
    );
  });

  it("an unknown register is 404", async () => {
    const res = await t.call(s.ha, { method: "GET", url: "/api/registers/nope/entries" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });
});

describe("create, read, update, delete", () => {
  let id: number;

  it("creates an entry (201), unit from the actor, region from the unit, audited", async () => {
    const res = await post(
      s.ha,
      officerData(1, { idNumber: "500156198001011234", phone: "13812345678", cases: 3 }),
    );
    expect(res.statusCode).toBe(201);
    const e = res.json();
    id = e.id;
    expect(e).toMatchObject({
      unitId: ids.a,
      regionCode: "500156",
      version: 1,
      title: "执法员1（50015601）",
      editable: true,
      data: { idNumber: "500156198001011234", phone: "13812345678", active: true },
    });
    const audit = await t.db.owner
      .selectFrom("audit_event")
      .selectAll()
      .where("entity_type", "=", "register_entry")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["register.test_officer.create"]);
  });

  it("keeps ID and phone numbers encrypted at rest, with no plaintext in the key table", async () => {
    const row = await sql<{
      data: string;
    }>`select data::text as data from register_entry where id = ${id}`.execute(t.db.owner);
    const text = row.rows[0]!.data;
    expect(text).not.toContain("500156198001011234");
    expect(text).not.toContain("13812345678");
    expect(text).toContain("sm4:v1:");
    const keys = await sql<{ k: string }>`select string_agg(key_name || '=' || key_value, ' ') as k
      from register_key where entry_id = ${id}`.execute(t.db.owner);
    expect(keys.rows[0]!.k).toContain("bi:idNumber=");
    expect(keys.rows[0]!.k).not.toContain("198001011234");
    const audit = await sql<{ a: string }>`select string_agg(after::text, ' ') as a from audit_event
      where entity_id = ${String(id)} and entity_type = 'register_entry'`.execute(t.db.owner);
    expect(audit.rows[0]!.a).not.toContain("500156198001011234");
    // …and reads back decrypted.
    const got = await t.call(s.ha, { method: "GET", url: `${base}/entries/${id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().data).toMatchObject({ idNumber: "500156198001011234", phone: "13812345678" });
  });

  it("lists mask encrypted fields; an equality filter finds them by blind index", async () => {
    const res = await t.call(s.ha, {
      method: "GET",
      url: `${base}/entries?idNumber=${encodeURIComponent("500156 19800101 1234")}`,
    });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(1);
    expect(page.items[0].data.idNumber).toBe("500***********1234");
    expect(page.items[0].data.phone).toBe("138****5678");
    const none = await t.call(s.ha, {
      method: "GET",
      url: `${base}/entries?idNumber=500156198001019999`,
    });
    expect(none.json().total).toBe(0);
  });

  it("names every bad field at once (422)", async () => {
    const res = await post(s.ha, { name: "", certNo: "12", kind: "boss", since: "2020-1-1" });
    expect(res.statusCode).toBe(422);
    const fields = (res.json().error.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(["certNo", "kind", "name", "since"]);
  });

  it("refuses a taken unique key with 422 naming the field, across units", async () => {
    const res = await post(s.hb, officerData(1, { name: "别人" }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({ field: "certNo", message: expect.stringMatching(/already used/) }),
    ]);
  });

  it("updates with optimistic locking: a stale version is 409", async () => {
    const ok = await t.call(s.ha, {
      method: "PUT",
      url: `${base}/entries/${id}`,
      payload: {
        version: 1,
        data: officerData(1, {
          idNumber: "500156198001011234",
          phone: "13812345678",
          cases: 4,
          note: "调岗",
        }),
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, data: { cases: 4, note: "调岗" } });
    const stale = await t.call(s.ha, {
      method: "PUT",
      url: `${base}/entries/${id}`,
      payload: { version: 1, data: officerData(1, { cases: 5 }) },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("conflict");
    const still = await t.call(s.ha, { method: "GET", url: `${base}/entries/${id}` });
    expect(still.json()).toMatchObject({ version: 2, data: { cases: 4 } });
  });

  it("versions show who changed what, oldest first, from the audit trail", async () => {
    const res = await t.call(s.ha, { method: "GET", url: `${base}/entries/${id}/versions` });
    expect(res.statusCode).toBe(200);
    const v = res.json() as {
      action: string;
      version: number;
      actor: { name: string; userId: number };
      changed: string[];
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
    }[];
    expect(v.map((x) => x.action)).toEqual([
      "register.test_officer.create",
      "register.test_officer.update",
    ]);
    expect(v.map((x) => x.version)).toEqual([1, 2]);
    expect(v[1]!.actor).toMatchObject({ name: "用户handler_a", userId: s.ha.userId });
    // The unchanged encrypted numbers kept their ciphertext, so they are not "changed".
    expect(v[1]!.changed).toEqual(["cases", "note"]);
    expect(v[1]!.before).toMatchObject({ cases: 3, idNumber: "500156198001011234" });
    expect(v[1]!.after).toMatchObject({ cases: 4, note: "调岗" });
  });

  it("a read-only user reads but cannot write (403)", async () => {
    expect((await t.call(s.ro, { method: "GET", url: `${base}/entries/${id}` })).statusCode).toBe(
      200,
    );
    expect((await post(s.ro, officerData(90))).statusCode).toBe(403);
  });

  it("deleting needs a reason where the register says so; then it is gone and audited", async () => {
    const created = (await post(s.ha, officerData(2))).json();
    const noReason = await t.call(s.ha, { method: "DELETE", url: `${base}/entries/${created.id}` });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields[0].field).toBe("reason");
    const del = await t.call(s.ha, {
      method: "DELETE",
      url: `${base}/entries/${created.id}`,
      payload: { reason: "调离执法岗位" },
    });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.call(s.ha, { method: "GET", url: `${base}/entries/${created.id}` })).statusCode,
    ).toBe(404);
    const ev = await t.db.owner
      .selectFrom("audit_event")
      .select(["action", "reason"])
      .where("entity_type", "=", "register_entry")
      .where("entity_id", "=", String(created.id))
      .orderBy("seq")
      .execute();
    expect(ev).toEqual([
      { action: "register.test_officer.create", reason: null },
      { action: "register.test_officer.delete", reason: "调离执法岗位" },
    ]);
    // The certificate number is free again.
    expect((await post(s.ha, officerData(2))).statusCode).toBe(201);
  });
});

describe("filters and paging", () => {
  beforeAll(async () => {
    for (let n = 10; n < 22; n++) {
      const r = await post(s.ha, officerData(n, { active: n !== 11, cases: n }));
      expect(r.statusCode).toBe(201);
    }
  });

  it("pages with total, page and pageSize", async () => {
    const p1 = (
      await t.call(s.ha, { method: "GET", url: `${base}/entries?page=1&pageSize=5&sort=certNo` })
    ).json();
    const p2 = (
      await t.call(s.ha, { method: "GET", url: `${base}/entries?page=2&pageSize=5&sort=certNo` })
    ).json();
    expect(p1.total).toBe(p2.total);
    expect(p1.total).toBeGreaterThanOrEqual(14);
    expect(p1.items).toHaveLength(5);
    expect(p1).toMatchObject({ page: 1, pageSize: 5 });
    const certs = [...p1.items, ...p2.items].map(
      (i: { data: { certNo: string } }) => i.data.certNo,
    );
    expect(certs).toEqual([...certs].sort());
    expect(new Set(certs).size).toBe(10);
    const big = await t.call(s.ha, { method: "GET", url: `${base}/entries?pageSize=500` });
    expect(big.statusCode).toBe(400);
  });

  it("filters by enum, list, boolean and text search; numeric sort", async () => {
    const get = async (q: string) =>
      (await t.call(s.ha, { method: "GET", url: `${base}/entries?pageSize=200&${q}` })).json();
    const admins = await get("kind=admin");
    expect(admins.items.every((i: { data: { kind: string } }) => i.data.kind === "admin")).toBe(
      true,
    );
    expect(admins.total).toBeGreaterThan(0);
    const food = await get(`areas=${encodeURIComponent("食品安全")}`);
    expect(food.items.map((i: { data: { certNo: string } }) => i.data.certNo).sort()).toEqual(
      ["50015612", "50015615", "50015618", "50015621"].sort(),
    );
    const inactive = await get("active=false");
    expect(inactive.items.map((i: { data: { name: string } }) => i.data.name)).toEqual([
      "执法员11",
    ]);
    const q = await get(`q=${encodeURIComponent("执法员2")}`);
    expect(q.items.map((i: { data: { name: string } }) => i.data.name).sort()).toEqual([
      "执法员2",
      "执法员20",
      "执法员21",
    ]);
    const pct = await get(`q=${encodeURIComponent("%")}`);
    expect(pct.total).toBe(0);
    const byCases = await get("sort=-cases&kind=admin");
    const cases = byCases.items
      .map((i: { data: { cases?: number } }) => i.data.cases)
      .filter((c: number | undefined) => c !== undefined);
    expect(cases).toEqual([...cases].sort((a: number, b: number) => b - a));
  });

  it("refuses an unknown filter or a bad enum value naming it (422)", async () => {
    const res = await t.call(s.ha, { method: "GET", url: `${base}/entries?colour=red&kind=boss` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      "colour",
      "kind",
    ]);
  });
});

describe("data scope", () => {
  let aEntry: number;
  let pubEntry: number;

  beforeAll(async () => {
    aEntry = (await post(s.ha, officerData(30))).json().id;
    pubEntry = (
      await post(
        s.ha,
        { title: "宪法宣传周", held: "2020-12-04", party: "王小明" },
        "test_publicity",
      )
    ).json().id;
  });

  it("unit B gets 404 for unit A's unit-visibility entry through every route", async () => {
    const url = `${base}/entries/${aEntry}`;
    const tries = [
      await t.call(s.hb, { method: "GET", url }),
      await t.call(s.hb, {
        method: "PUT",
        url,
        payload: { version: 1, data: officerData(30, { note: "x" }) },
      }),
      await t.call(s.hb, { method: "DELETE", url, payload: { reason: "试试" } }),
      await t.call(s.hb, { method: "GET", url: `${url}/versions` }),
    ];
    expect(tries.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    const list = (
      await t.call(s.hb, { method: "GET", url: `${base}/entries?pageSize=200` })
    ).json();
    expect(list.items.find((i: { id: number }) => i.id === aEntry)).toBeUndefined();
    // Another region's office does not see it either.
    expect((await t.call(s.fl, { method: "GET", url })).statusCode).toBe(404);
  });

  it("the rule-of-law office sees and edits every unit's entries in its region", async () => {
    const url = `${base}/entries/${aEntry}`;
    const got = await t.call(s.office, { method: "GET", url });
    expect(got.statusCode).toBe(200);
    const put = await t.call(s.office, {
      method: "PUT",
      url,
      payload: { version: 1, data: officerData(30, { note: "依法治区办核实" }) },
    });
    expect(put.statusCode).toBe(200);
    // …and may record an entry for a unit of its region.
    const forB = await post(s.office, officerData(31), "test_officer", ids.b);
    expect(forB.statusCode).toBe(201);
    expect(forB.json().unitId).toBe(ids.b);
    expect(
      (await t.call(s.hb, { method: "GET", url: `${base}/entries/${forB.json().id}` })).statusCode,
    ).toBe(200);
  });

  it("a unit cannot record an entry for another unit", async () => {
    expect((await post(s.ha, officerData(32), "test_officer", ids.b)).statusCode).toBe(403);
  });

  it("a region-visible register is readable by both units, editable only by the owner", async () => {
    const url = `/api/registers/test_publicity/entries/${pubEntry}`;
    expect((await t.call(s.ha, { method: "GET", url })).statusCode).toBe(200);
    const b = await t.call(s.hb, { method: "GET", url });
    expect(b.statusCode).toBe(200);
    expect(b.json().editable).toBe(false);
    expect((await t.call(s.hb, { method: "GET", url: `${url}/versions` })).statusCode).toBe(200);
    const put = await t.call(s.hb, {
      method: "PUT",
      url,
      payload: { version: 1, data: { title: "改", held: "2020-12-04" } },
    });
    expect(put.statusCode).toBe(403);
    expect((await t.call(s.hb, { method: "DELETE", url })).statusCode).toBe(403);
    const list = (
      await t.call(s.hb, { method: "GET", url: "/api/registers/test_publicity/entries" })
    ).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(pubEntry);
  });
});

describe("public listing", () => {
  beforeAll(async () => {
    await post(
      s.ha,
      {
        title: "民法典进社区",
        held: "2020-06-15",
        party: "李四",
        contact: "13900001111",
        internal: "经费五千元",
      },
      "test_publicity",
    );
    await post(
      s.hb,
      { title: "内部培训", held: "2020-07-01", party: "赵六", published: false },
      "test_publicity",
    );
  });

  it("shows only the allowlisted fields, people masked, unpublished entries left out", async () => {
    const page = await publicEntries(t.db.app, publicity, "500156", { pageSize: 50 });
    expect(page.total).toBe(2);
    for (const item of page.items) {
      expect(Object.keys(item).every((k) => ["id", "title", "held", "party"].includes(k))).toBe(
        true,
      );
    }
    const json = JSON.stringify(page);
    for (const secret of ["李四", "王小明", "13900001111", "经费", "内部培训", "赵六", "sm4:"]) {
      expect(json).not.toContain(secret);
    }
    expect(page.items.find((i) => i.title === "民法典进社区")).toMatchObject({
      held: "2020-06-15",
      party: "李*",
    });
    expect((await publicEntries(t.db.app, publicity, "500102")).total).toBe(0);
    await expect(publicEntries(t.db.app, officer, "500156")).rejects.toThrow(/not public/);
  });
});

// ---------------------------------------------------------------------------------
// xlsx

async function exportFile(who: Session, query = ""): Promise<Buffer> {
  const res = await t.call(who, { method: "GET", url: `${base}/export.xlsx${query}` });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe(XLSX_MIME);
  return res.rawPayload;
}

async function importFile(who: Session, file: Buffer | ArrayBuffer, query = "") {
  return t.call(who, {
    method: "POST",
    url: `${base}/import${query}`,
    headers: { "content-type": XLSX_MIME },
    payload: Buffer.from(file as ArrayBuffer),
  });
}

async function workbook(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  return wb;
}

async function snapshot() {
  const rows = await t.db.owner
    .selectFrom("register_entry")
    .select(["id", "version", "data"])
    .where("register", "=", "test_officer")
    .orderBy("id")
    .execute();
  const events = await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(
    t.db.owner,
  );
  return { rows: JSON.stringify(rows), events: events.rows[0]!.n };
}

describe("xlsx export and import", () => {
  it("exports labels, a hidden code row, enum labels, date text, lists joined by ；, masked numbers", async () => {
    const wb = await workbook(await exportFile(s.ha, "?sort=certNo"));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("测试执法人员");
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "系统编号",
      "姓名",
      "执法证号",
      "类别",
      "身份证号",
      "电话",
      "发证日期",
      "执法领域",
      "在岗",
      "办案数",
      "备注",
    ]);
    expect(ws.getRow(2).hidden).toBe(true);
    expect(ws.getRow(2).getCell(3).value).toBe("certNo");
    const first = ws.getRow(3);
    expect(first.getCell(3).value).toBe("50015601");
    expect(first.getCell(4).value).toBe("行政执法");
    expect(first.getCell(5).value).toBe("500***********1234");
    expect(first.getCell(6).value).toBe("138****5678");
    expect(first.getCell(7).value).toBe("2019-02-15");
    expect(first.getCell(9).value).toBe("是");
    const food = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1).getCell(8).value)
      .find((v) => String(v).includes("食品安全"));
    expect(food).toBe("市场监管；食品安全");
  });

  it("re-imports an unmodified export unchanged: no new entry, no new version, no event", async () => {
    const before = await snapshot();
    const res = await importFile(s.ha, await exportFile(s.ha));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows).toBeGreaterThan(10);
    expect(body.created).toBe(0);
    expect(body.updated).toBe(0);
    expect(body.unchanged).toBe(body.rows);
    expect(await snapshot()).toEqual(before);
  });

  it("a file with one bad row imports nothing and names row, column and reason", async () => {
    const before = await snapshot();
    const wb = await workbook(await exportFile(s.ha, "?sort=certNo"));
    const ws = wb.worksheets[0]!;
    ws.getRow(3).getCell(11).value = 99; // a good change
    ws.addRow([null, "新人甲", "50019901", "行政执法", null, null, "2020-05-01"]); // a good new row
    ws.addRow([null, "新人乙", "123", "局长", null, null, "2020-02-30"]); // bad: three cells
    const res = await importFile(s.ha, await wb.xlsx.writeBuffer());
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.message).toMatch(/nothing was imported/);
    const badRow = ws.rowCount;
    const bad = (
      err.fields as { row: number; column: string; field: string; reason: string }[]
    ).map((f) => [f.row, f.column, f.field]);
    expect(bad).toEqual([
      [badRow, "类别", "kind"],
      [badRow, "发证日期", "since"],
      [badRow, "执法证号", "certNo"],
    ]);
    for (const f of err.fields) expect(f.reason).toBeTruthy();
    expect(await snapshot()).toEqual(before);
  });

  it("imports new and changed rows in one go, matching rows by the unique key", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("人员");
    // A hand-made sheet: labels only, no id column, columns in another order.
    ws.addRow(["执法证号", "姓名", "类别", "发证日期", "执法领域", "在岗", "身份证号"]);
    ws.addRow([
      "50015610",
      "执法员10",
      "行政管理",
      new Date(Date.UTC(2019, 1, 15)),
      "交通运输",
      "否",
    ]);
    ws.addRow([
      "50019902",
      "新人丙",
      "Enforcement",
      "2020/6/1",
      "城市管理；环境保护",
      "是",
      "500156199001011235",
    ]);
    const res = await importFile(s.ha, await wb.xlsx.writeBuffer());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: 2, created: 1, updated: 1, unchanged: 0 });
    const list = (
      await t.call(s.ha, { method: "GET", url: `${base}/entries?certNo=50019902` })
    ).json();
    expect(list.items[0].data).toMatchObject({
      name: "新人丙",
      kind: "enforcement",
      since: "2020-06-01",
      areas: ["城市管理", "环境保护"],
      idNumber: "500***********1235",
    });
    const changed = (
      await t.call(s.ha, { method: "GET", url: `${base}/entries?certNo=50015610` })
    ).json().items[0];
    expect(changed.version).toBe(2);
    expect(changed.data.active).toBe(false);
    // The columns not in the sheet kept their values.
    expect(changed.data.cases).toBe(10);
  });

  it("refuses a masked number on a new row and another unit's entry", async () => {
    const wb = await workbook(await exportFile(s.office, "?sort=certNo"));
    const ws = wb.worksheets[0]!;
    ws.addRow([null, "新人丁", "50019903", "行政执法", "500***********9999", null, "2020-05-01"]);
    const res = await importFile(s.hb, await wb.xlsx.writeBuffer());
    expect(res.statusCode).toBe(422);
    const reasons = res
      .json()
      .error.fields.map((f: { reason: string }) => f.reason)
      .join(" | ");
    expect(reasons).toMatch(/masked number/);
    // Unit B's user got unit A's rows (the office's export): not B's to import.
    expect(reasons).toMatch(/no entry \d+ in Test officers/);
  });

  it("refuses a file that is not xlsx (422) and a content type neither xlsx nor CSV (415)", async () => {
    const csv = await importFile(s.ha, Buffer.from("姓名,执法证号\n张三,12345678\n"));
    expect(csv.statusCode).toBe(422);
    expect(csv.json().error.message).toMatch(/not an \.xlsx file/);
    const zip = await importFile(s.ha, Buffer.from("PK\u0003\u0004garbage"));
    expect(zip.statusCode).toBe(422);
    const text = await t.call(s.ha, {
      method: "POST",
      url: `${base}/import`,
      headers: { "content-type": "application/xml" },
      payload: "a,b",
    });
    expect(text.statusCode).toBe(415);
    const huge = await importFile(s.ha, Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("too_large");
    const none = await t.call(s.ro, {
      method: "POST",
      url: `${base}/import`,
      headers: { "content-type": XLSX_MIME },
      payload: Buffer.from("x"),
    });
    expect(none.statusCode).toBe(403);
  });
});
