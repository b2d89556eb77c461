import {
  anyBusiness,
  business,
  each,
  get,
  type MatrixEntry,
  permitFields,
  T,
  write,
  xlsx,
} from "./isolation-probes.ts";
import { actsOn, mayReveal, seesCase } from "./isolation-seed.ts";

/** The case engine's routes in the isolation matrix (see isolation-matrix.ts). */
export const CASE_ROUTES: Record<string, MatrixEntry> = {
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
  // The dossier: read like the case page (it records the export in the audit trail).
  "GET /api/cases/{type}/{id}/dossier.zip": {
    probes: (w) =>
      each(w, (s) => [
        get(
          `/api/cases/${T}/${s.decidedId}/dossier.zip`,
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
  // My work queue: only cases of my scope (the other district's marks never appear).
  "GET /api/work": { probes: () => [get("/api/work", anyBusiness)] },
  "GET /api/warnings": {
    probes: (w) => [
      get("/api/warnings", anyBusiness),
      ...each(w, (s) => [get(`/api/warnings?unitId=${s.unitId}`)]),
    ],
  },
  "GET /api/warnings/export.xlsx": {
    probes: (w) => [
      get("/api/warnings/export.xlsx", anyBusiness),
      ...each(w, (s) => [get(`/api/warnings/export.xlsx?unitId=${s.unitId}`)]),
    ],
  },
};
