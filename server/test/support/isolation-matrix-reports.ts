/**
 * The report engine's routes in the isolation matrix (isolation-matrix.ts): the world
 * holds no report, so every address of one is as absent to each business role as a
 * report it may not see (404), an administrator has no business permission (403), and
 * publishing is refused to everyone; the roll-up of another district answers only
 * within the caller's regions.
 */
import { business, each, get, type MatrixEntry, write } from "./isolation-probes.ts";

const NONE = 999_999;
const absent = business(() => false);

export const REPORT_ROUTES: Record<string, MatrixEntry> = {
  "GET /api/reports": {
    probes: () => [
      get(
        "/api/reports",
        business(() => true),
      ),
    ],
  },
  "GET /api/reports/{id}/preview": { probes: () => [get(`/api/reports/${NONE}/preview`, absent)] },
  "GET /api/reports/{id}/report.docx": {
    probes: () => [get(`/api/reports/${NONE}/report.docx`, absent)],
  },
  "POST /api/reports/{id}/publish": {
    probes: () => [write("POST", `/api/reports/${NONE}/publish`, { version: 1 }, () => false)],
  },
  "GET /api/reports/published/{region}/{id}": {
    probes: (w) => each(w, (s) => [get(`/api/reports/published/${s.region}/${NONE}`, absent)]),
  },
  "GET /api/reports/published/{region}/{id}/check": {
    probes: (w) =>
      each(w, (s) => [get(`/api/reports/published/${s.region}/${NONE}/check`, absent)]),
  },
  "GET /api/reports/published/{region}/{id}/report.docx": {
    probes: (w) =>
      each(w, (s) => [get(`/api/reports/published/${s.region}/${NONE}/report.docx`, absent)]),
  },
  // One probe, of the other district (W): a roll-up evaluates every figure of the
  // template per region, too costly to repeat for each set and role.
  "GET /api/reports/rollup": {
    probes: (w) => [get(`/api/reports/rollup?region=${w.sets.W.region}&year=2020`)],
  },
};
