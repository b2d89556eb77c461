import type { InjectOptions } from "fastify";
import type { ScanFlags } from "./isolation-scan.ts";
import {
  actsOn,
  isBusiness,
  mayReveal,
  type RecordSet,
  type RoleKey,
  readsAudit,
  SETS,
  seesCase,
  seesEntry,
  type World,
} from "./isolation-seed.ts";

/**
 * The isolation matrix (issue 8): for every route of the OpenAPI document, how to call it
 * against the records of each set (A: the home unit, B: another unit of the district, W:
 * another district) and what each role must get. Every answer is scanned for the
 * sentinels the role may not see (isolation-scan.ts `forbidden`); a write aimed at a
 * set's records is made by every role that does not act on them and must be refused
 * and change nothing. A route of the document without an entry here fails the test:
 * a new route adds its entry.
 */
export interface Probe {
  req: InjectOptions;
  /** The statuses the role must get (undefined: any 2xx/4xx). */
  expect?: (r: RoleKey) => readonly number[] | undefined;
  /**
   * A write aimed at another's records: roles for which this returns true may make it
   * by design and are not sent it; every other role must be refused (4xx) and no
   * business row may change.
   */
  mayWrite?: (r: RoleKey) => boolean;
}

export interface Extras {
  indicators: string[];
  law: { code: string; no: string };
}

export interface MatrixEntry extends ScanFlags {
  probes: (w: World, x: Extras) => Probe[];
  /** The call ends the session: it is made with a session of its own. */
  ownSession?: boolean;
}

const T = "example_permit";
const R = "example_officer";
const each = (w: World, fn: (s: RecordSet) => Probe[]) => SETS.flatMap((k) => fn(w.sets[k]));
const get = (url: string, expect?: Probe["expect"]): Probe => ({
  req: { method: "GET", url },
  expect,
});
const write = (
  method: InjectOptions["method"],
  url: string,
  payload: InjectOptions["payload"],
  mayWrite: (r: RoleKey) => boolean,
  headers?: Record<string, string>,
): Probe => ({ req: { method, url, payload, headers }, mayWrite });

/** Anonymous: 401; an administrator (no business permission): 403; else per `ok`. */
const business =
  (ok: (r: RoleKey) => boolean, hidden: readonly number[] = [404]) =>
  (r: RoleKey): readonly number[] =>
    r === "anon" ? [401] : !isBusiness(r) ? [403] : ok(r) ? [200] : hidden;
const anyBusiness = business(() => true);
const signedIn = (r: RoleKey) => (r === "anon" ? [401] : [200]);
const open = () => [200];

const permitFields = {
  applicant: { name: "陈某", idNumber: "11010519491231002X", phone: "13800138000" },
  item: "跨单位登记",
  category: "market",
};
const officerData = (n: number) => ({
  name: "越权登记",
  certificateNo: `5009990000${n}`,
  idNumber: "11010519491231002X",
  validFrom: "2020-01-01",
  validTo: "2025-12-31",
  legalReviewer: false,
});
const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
  "GET /api/security-events": {
    requests: true,
    probes: () => [
      get("/api/security-events?limit=200", (r) =>
        r === "anon" ? [401] : r === "auditadmin" ? [200] : [403],
      ),
    ],
  },
  "GET /api/calendar/deadline": {
    probes: () => [get("/api/calendar/deadline?start=2020-09-30&period=20wd", signedIn)],
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

  // --- cases ----------------------------------------------------------------------
  "GET /api/case-types": { probes: () => [get("/api/case-types", anyBusiness)] },
  "GET /api/cases/{type}": {
    probes: (w) => [
      get(`/api/cases/${T}?pageSize=200`, anyBusiness),
      ...each(w, (s) => [
        get(`/api/cases/${T}?q=${s.marks.name}`, anyBusiness),
        get(`/api/cases/${T}?unitId=${s.unitId}&pageSize=200`, anyBusiness),
      ]),
    ],
  },
  "POST /api/cases/{type}": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/cases/${T}`,
          { fields: permitFields, onDate: "2020-10-19", unitId: s.unitId },
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "GET /api/cases/{type}/{id}": {
    probes: (w) =>
      each(w, (s) => [
        get(
          `/api/cases/${T}/${s.caseId}`,
          business((r) => seesCase(r, s.key)),
        ),
        get(
          `/api/cases/${T}/${s.decidedId}`,
          business((r) => seesCase(r, s.key)),
        ),
      ]),
  },
  "POST /api/cases/{type}/{id}/reveal": {
    reveal: true,
    probes: (w) =>
      each(w, (s) => [
        {
          req: {
            method: "POST",
            url: `/api/cases/${T}/${s.caseId}/reveal`,
            payload: { reason: "核查当事人身份" },
          },
          expect: business((r) => mayReveal(r, s.key), [403, 404]),
        },
      ]),
  },
  "POST /api/cases/{type}/{id}/actions/{action}": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/cases/${T}/${s.caseId}/actions/reject`,
          { version: s.caseVersion, onDate: "2020-10-19", reason: "越权不予受理" },
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "POST /api/cases/{type}/{id}/suspend": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/cases/${T}/${s.caseId}/suspend`,
          { version: s.caseVersion, reason: "越权中止", onDate: "2020-10-19" },
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "POST /api/cases/{type}/{id}/resume": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/cases/${T}/${s.caseId}/resume`,
          { version: s.caseVersion, onDate: "2020-10-19" },
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "POST /api/cases/{type}/{id}/extend": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/cases/${T}/${s.caseId}/extend`,
          {
            version: s.caseVersion,
            clock: "decision",
            period: "5wd",
            reason: "越权延期",
            notice: { on: "2020-10-19", text: "延期告知" },
            onDate: "2020-10-19",
          },
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "POST /api/cases/{type}/{id}/links": {
    probes: (w) =>
      each(w, (s) => [
        // From the set's case to the home unit's, and from the home unit's case to it.
        write(
          "POST",
          `/api/cases/${T}/${s.caseId}/links`,
          { kind: "reviews", toCaseId: w.sets.A.caseId },
          (r) => actsOn(r, s.key),
        ),
        write(
          "POST",
          `/api/cases/${T}/${w.sets.A.caseId}/links`,
          { kind: "reviews", toCaseId: s.caseId },
          (r) => actsOn(r, "A") && seesCase(r, s.key),
        ),
      ]),
  },
  "POST /api/cases/{type}/{id}/participants": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/cases/${T}/${s.caseId}/participants`,
          { unitId: w.units.A, role: "supporting" },
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "POST /api/cases/{type}/{id}/sub-cases": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/cases/${T}/${s.caseId}/sub-cases`,
          { unitId: w.units.A, fields: {}, onDate: "2020-10-19" },
          (r) => actsOn(r, s.key),
        ),
      ]),
  },
  "POST /api/cases/{type}/{id}/attachments": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/cases/${T}/${s.caseId}/attachments?name=iso.pdf`,
          Buffer.from("%PDF-1.4\n%iso\n"),
          (r) => actsOn(r, s.key),
          { "content-type": "application/pdf" },
        ),
      ]),
  },
  "GET /api/cases/{type}/{id}/attachments/{attachmentId}": {
    probes: (w) =>
      each(w, (s) => [
        get(
          `/api/cases/${T}/${s.caseId}/attachments/${s.attachmentId}`,
          business((r) => seesCase(r, s.key)),
        ),
        // Another set's file through the home unit's case.
        get(
          `/api/cases/${T}/${w.sets.A.caseId}/attachments/${s.attachmentId}`,
          business((r) => s.key === "A" && seesCase(r, "A")),
        ),
      ]),
  },
  "GET /api/cases/{type}/{id}/documents/{code}": {
    probes: (w) =>
      each(w, (s) => [
        get(
          `/api/cases/${T}/${s.decidedId}/documents/decision`,
          business((r) => seesCase(r, s.key)),
        ),
      ]),
  },
  "POST /api/cases/{type}/import": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `/api/cases/${T}/import?unitId=${s.unitId}&fileName=iso.xlsx`,
          Buffer.from("not a workbook"),
          (r) => actsOn(r, s.key),
          { "content-type": xlsx },
        ),
      ]),
  },
  "GET /api/cases/{type}/import-template.xlsx": {
    probes: () => [get(`/api/cases/${T}/import-template.xlsx`)],
  },
  "GET /api/data-quality": { probes: () => [get("/api/data-quality")] },
  "GET /api/warnings": {
    probes: (w) => [
      get("/api/warnings", anyBusiness),
      ...each(w, (s) => [get(`/api/warnings?unitId=${s.unitId}`)]),
    ],
  },

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
  "GET /public/api/{region}/search": {
    public: true,
    probes: (w) =>
      each(w, (s) => [
        get(`/public/api/${s.region}/search?q=${s.marks.name}`, open),
        get(`/public/api/${s.region}/search?q=${s.marks.officer}`, open),
      ]),
  },
};

export { readsAudit };
