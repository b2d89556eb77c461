import { CASE_ROUTES } from "./isolation-matrix-cases.ts";
import { CONSULTATION_ROUTES } from "./isolation-matrix-consultation.ts";
import { REPORT_ROUTES } from "./isolation-matrix-reports.ts";
import {
  anyBusiness,
  business,
  each,
  get,
  type MatrixEntry,
  officerData,
  open,
  R,
  signedIn,
  T,
  write,
  xlsx,
} from "./isolation-probes.ts";
import { actsOn, isBusiness, SETS, seesEntry } from "./isolation-seed.ts";

export type { Extras, MatrixEntry, Probe } from "./isolation-probes.ts";

/**
 * The isolation matrix (issue 8): for every route of the OpenAPI document, how to call it
 * against the records of each set (A: the home unit, B: another unit of the district, W:
 * another district) and what each role must get. Every answer is scanned for the
 * sentinels the role may not see (isolation-scan.ts `forbidden`); a write aimed at a
 * set's records is made by every role that does not act on them and must be refused
 * and change nothing. A route of the document without an entry here fails the test:
 * a new route adds its entry (the case engine's are in isolation-matrix-cases.ts).
 */
export const MATRIX: Record<string, MatrixEntry> = {
  // --- meta, auth -----------------------------------------------------------------
  "GET /api/health": { public: true, probes: () => [get("/api/health", open)] },
  "GET /api/labels": { public: true, probes: () => [get("/api/labels", open)] },
  "POST /api/auth/login": {
    public: true,
    probes: () => [
      {
        req: {
          method: "POST",
          url: "/api/auth/login",
          payload: { username: "nobody.iso", password: "Wrong-Horse-99" },
        },
        expect: () => [401],
      },
    ],
  },
  "GET /api/auth/session": { probes: () => [get("/api/auth/session", signedIn)] },
  "POST /api/auth/logout": {
    ownSession: true,
    probes: () => [{ req: { method: "POST", url: "/api/auth/logout" }, expect: signedIn }],
  },
  "POST /api/auth/password": {
    probes: () => [
      {
        req: { method: "POST", url: "/api/auth/password", payload: {} },
        expect: (r) => (r === "anon" ? [401] : [400]),
      },
    ],
  },

  // The second factor: only a pending login (stage "code") may submit a code; a full
  // session is refused. Enrolment is the caller's own (administrators are enrolled: 409).
  "POST /api/auth/totp": {
    probes: () => [
      {
        req: { method: "POST", url: "/api/auth/totp", payload: { code: "000000" } },
        expect: (r) => (r === "anon" ? [401] : [403]),
      },
    ],
  },
  "POST /api/auth/totp/enrolment": {
    probes: () => [
      {
        req: { method: "POST", url: "/api/auth/totp/enrolment" },
        expect: (r) => (r === "anon" ? [401] : isBusiness(r) ? [200] : [409]),
      },
    ],
  },
  "POST /api/auth/totp/enrolment/confirm": {
    probes: () => [
      {
        req: {
          method: "POST",
          url: "/api/auth/totp/enrolment/confirm",
          payload: { code: "000000" },
        },
        expect: (r) => (r === "anon" ? [401] : undefined),
      },
    ],
  },

  // --- directory and administration ----------------------------------------------
  "GET /api/regions": { probes: () => [get("/api/regions", signedIn)] },
  "GET /api/units": { probes: () => [get("/api/units", signedIn)] },
  "GET /api/users": {
    probes: () => [
      get("/api/users", (r) =>
        r === "anon" ? [401] : r === "sysadmin" || r === "secadmin" ? [200] : [403],
      ),
    ],
  },
  "POST /api/users": {
    probes: (w) =>
      each(w, (s) => [
        write("POST", "/api/users", { username: `iso.${s.key}`, unitId: s.unitId }, () => false),
      ]),
  },
  "PUT /api/users/{id}/roles": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "PUT",
          `/api/users/${w.users[s.owner]}/roles`,
          { roles: ["no_such_role"] },
          () => false,
        ),
      ]),
  },
  "POST /api/users/{id}/activate": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/users/${w.users[s.owner]}/activate`,
          { roles: ["case_handler"], reason: "越权激活" },
          (r) => r === "secadmin" && s.region === "500156",
        ),
      ]),
  },
  "POST /api/users/{id}/totp/reset": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/users/${w.users[s.owner]}/totp/reset`,
          { reason: "越权重置" },
          (r) => r === "secadmin" && s.region === "500156",
        ),
      ]),
  },
  "POST /api/users/{id}/unlock": {
    probes: (w) =>
      each(w, (s) => [
        {
          req: { method: "POST", url: `/api/users/${w.users[s.owner]}/unlock` },
          expect: (r) =>
            r === "anon"
              ? [401]
              : r === "secadmin"
                ? s.region === "500156"
                  ? [200]
                  : [404]
                : [403],
        },
      ]),
  },
  "GET /api/audit/events": {
    audit: true,
    probes: (w) => [
      get("/api/audit/events?limit=200", (r) =>
        r === "anon" ? [401] : r === "auditadmin" ? [200] : [403],
      ),
      ...each(w, (s) => [
        get(`/api/audit/events?entityType=case&entityId=${s.caseId}`, (r) =>
          r === "anon" ? [401] : r === "auditadmin" ? [200] : [403],
        ),
      ]),
    ],
  },
  "GET /api/audit/events/export.xlsx": {
    audit: true,
    probes: (w) => [
      get("/api/audit/events/export.xlsx", (r) =>
        r === "anon" ? [401] : r === "auditadmin" ? [200] : [403],
      ),
      ...each(w, (s) => [
        get(`/api/audit/events/export.xlsx?entityType=case&entityId=${s.caseId}`, (r) =>
          r === "anon" ? [401] : r === "auditadmin" ? [200] : [403],
        ),
      ]),
    ],
  },
  "GET /api/audit/actions": {
    probes: () => [
      get("/api/audit/actions", (r) => (r === "anon" ? [401] : r === "auditadmin" ? [200] : [403])),
    ],
  },
  "GET /api/security-events": {
    requests: true,
    probes: () => [
      get("/api/security-events?limit=200", (r) =>
        r === "anon" ? [401] : r === "auditadmin" ? [200] : [403],
      ),
    ],
  },
  "GET /api/security-events/export.xlsx": {
    requests: true,
    probes: () => [
      get("/api/security-events/export.xlsx", (r) =>
        r === "anon" ? [401] : r === "auditadmin" ? [200] : [403],
      ),
    ],
  },
  "GET /api/calendar/deadline": {
    probes: () => [get("/api/calendar/deadline?start=2020-09-30&period=20wd", signedIn)],
  },
  // The credit check (supervision answers credit.check): business roles only.
  "GET /api/credit/check": {
    probes: () => [get("/api/credit/check?uscc=91500156000044EE7X", anyBusiness)],
  },
  "POST /api/calendar/notices": {
    probes: () => [write("POST", "/api/calendar/notices", {}, () => false)],
  },
  "GET /api/settings": {
    probes: (w) => each(w, (s) => [get(`/api/settings?region=${s.region}`)]),
  },
  "PUT /api/settings/{code}": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "PUT",
          "/api/settings/examples.decision_working_days",
          { region: s.region, value: 15, basis: "越权修改" },
          (r) => r === "sysadmin" && s.region === "500156",
        ),
      ]),
  },
  "GET /public/audit/anchors.json": {
    public: true,
    probes: (w) => each(w, (s) => [get(`/public/audit/anchors.json?region=${s.region}`, open)]),
  },
  "GET /public/audit/signing-key.pem": {
    public: true,
    probes: () => [get("/public/audit/signing-key.pem")],
  },

  ...CASE_ROUTES,
  ...CONSULTATION_ROUTES,
  ...REPORT_ROUTES,

  // --- indicators ------------------------------------------------------------------
  "GET /api/indicators": { probes: () => [get("/api/indicators", anyBusiness)] },
  "GET /api/indicators/values": {
    probes: (w) => each(w, (s) => [get(`/api/indicators/values?region=${s.region}&year=2020`)]),
  },
  "GET /api/indicators/{id}/drill": {
    // One region of each district (A and B share Wulong); the indicators of `Extras`.
    probes: (w, x) =>
      [w.sets.B, w.sets.W].flatMap((s) =>
        x.indicators.map((id) =>
          get(
            `/api/indicators/${encodeURIComponent(id)}/drill?region=${s.region}&year=2020&limit=50`,
          ),
        ),
      ),
  },

  // The role homes and the per-unit tables (docs/dashboards.md): figures and unit names.
  // Every figure of every module, twice (this year and the year before): one probe per
  // role on its own region, and one aimed at the other district.
  "GET /api/dashboard": {
    probes: (w) => [
      get("/api/dashboard?year=2020", anyBusiness),
      get(`/api/dashboard?region=${w.sets.W.region}&year=2020`),
    ],
  },
  "GET /api/indicators/{id}/by-unit": {
    probes: (w, x) =>
      [w.sets.B, w.sets.W].flatMap((s) =>
        x.indicators
          .slice(0, 3)
          .map((id) =>
            get(`/api/indicators/${encodeURIComponent(id)}/by-unit?region=${s.region}&year=2020`),
          ),
      ),
  },
  "GET /api/indicators/{id}/by-unit.xlsx": {
    probes: (w, x) =>
      [w.sets.B, w.sets.W].flatMap((s) =>
        x.indicators.map((id) =>
          get(
            `/api/indicators/${encodeURIComponent(id)}/by-unit.xlsx?region=${s.region}&year=2020`,
          ),
        ),
      ),
  },

  // --- registers -------------------------------------------------------------------
  "GET /api/registers": { probes: () => [get("/api/registers", anyBusiness)] },
  "GET /api/registers/{code}/entries": {
    probes: (w) => [
      get(`/api/registers/${R}/entries?pageSize=200`, anyBusiness),
      ...each(w, (s) => [
        get(`/api/registers/${R}/entries?q=${s.marks.officer}`, anyBusiness),
        get(`/api/registers/${R}/entries?unitId=${s.unitId}`, anyBusiness),
        get(`/api/registers/${R}/entries?idNumber=${s.marks.officerId}`),
      ]),
    ],
  },
  "POST /api/registers/{code}/entries": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/registers/${R}/entries`,
          { data: officerData(SETS.indexOf(s.key)), unitId: s.unitId },
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "GET /api/registers/{code}/entries/{id}": {
    probes: (w) =>
      each(w, (s) => [
        get(
          `/api/registers/${R}/entries/${s.entryId}`,
          business((r) => seesEntry(r, s.key)),
        ),
      ]),
  },
  "PUT /api/registers/{code}/entries/{id}": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "PUT",
          `/api/registers/${R}/entries/${s.entryId}`,
          { version: s.entryVersion, data: officerData(5 + SETS.indexOf(s.key)), reason: "越权" },
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "DELETE /api/registers/{code}/entries/{id}": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "DELETE",
          `/api/registers/${R}/entries/${s.entryId}?version=${s.entryVersion}&reason=${encodeURIComponent("越权删除")}`,
          undefined,
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "GET /api/registers/{code}/entries/{id}/versions": {
    probes: (w) =>
      each(w, (s) => [
        get(
          `/api/registers/${R}/entries/${s.entryId}/versions`,
          business((r) => seesEntry(r, s.key)),
        ),
      ]),
  },
  "GET /api/registers/{code}/import-template.csv": {
    probes: () => [get(`/api/registers/${R}/import-template.csv`, anyBusiness)],
  },
  "GET /api/registers/{code}/export.xlsx": {
    probes: (w) => [
      get(`/api/registers/${R}/export.xlsx`, anyBusiness),
      ...each(w, (s) => [get(`/api/registers/${R}/export.xlsx?unitId=${s.unitId}`)]),
    ],
  },
  "POST /api/registers/{code}/import": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/registers/${R}/import?unitId=${s.unitId}`,
          Buffer.from("not a workbook"),
          (r) => actsOn(r, s.key),
          { "content-type": xlsx },
        ),
      ]),
  },

  // Published versions of a list (register engine, versions/): the world has no version,
  // so reading finds none and every publication is refused (a unit: 403; an office: 422,
  // nothing to publish; the wrong register: 404).
  "GET /api/registers/{code}/versions": {
    probes: () => [get("/api/registers/power_item/versions", anyBusiness)],
  },
  "POST /api/registers/{code}/versions": {
    probes: () => [
      write(
        "POST",
        "/api/registers/power_item/versions",
        { number: "隔离测试发〔2020〕1号", publishedOn: "2020-05-01", inForceFrom: "2020-05-01" },
        () => false,
      ),
    ],
  },
  "GET /api/registers/{code}/versions/{id}": {
    probes: () => [
      get(
        "/api/registers/power_item/versions/1",
        business(() => false),
      ),
    ],
  },
  "GET /api/registers/{code}/versions/{id}/diff": {
    probes: () => [
      get(
        "/api/registers/power_item/versions/1/diff",
        business(() => false),
      ),
    ],
  },

  // --- search, laws ----------------------------------------------------------------
  "GET /api/search": {
    probes: (w) =>
      each(w, (s) => [
        get(`/api/search?q=${s.marks.name}`, anyBusiness),
        get(`/api/search?q=${s.marks.officer}`, anyBusiness),
        get(`/api/search?q=${s.marks.file}`, anyBusiness),
      ]),
  },
  "GET /api/laws": { probes: () => [get("/api/laws")] },
  "GET /api/laws/{code}/articles/{no}": {
    probes: (_w, x) => [get(`/api/laws/${x.law.code}/articles/${encodeURIComponent(x.law.no)}`)],
  },

  // --- the public portal's JSON -------------------------------------------------------
  "GET /public/api/{region}/cases/{type}": {
    public: true,
    probes: (w) => each(w, (s) => [get(`/public/api/${s.region}/cases/${T}`, open)]),
  },
  "GET /public/api/{region}/registers/{code}": {
    public: true,
    probes: (w) => each(w, (s) => [get(`/public/api/${s.region}/registers/${R}`, open)]),
  },
  "GET /public/api/{region}/lists/{code}": {
    public: true,
    probes: (w) => each(w, (s) => [get(`/public/api/${s.region}/lists/power_item`, open)]),
  },
  "GET /public/api/{region}/search": {
    public: true,
    probes: (w) =>
      each(w, (s) => [
        get(`/public/api/${s.region}/search?q=${s.marks.name}`, open),
        get(`/public/api/${s.region}/search?q=${s.marks.officer}`, open),
      ]),
  },
};
