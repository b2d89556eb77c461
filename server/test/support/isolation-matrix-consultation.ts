import { business, each, get, type MatrixEntry, T, write } from "./isolation-probes.ts";

/**
 * The consultation engine's office routes (docs/rules.md). The isolation seed's case type
 * declares no public comment: a role that sees the case gets 404 (no consultation), one
 * that does not gets 404 too (no such case for it); every write is refused and changes
 * nothing. The public write path (the portal form) is outside the OpenAPI document and
 * is proven in test/modules/rules/lifecycle.test.ts.
 */
const base = (id: number) => `/api/cases/${T}/${id}/consultation`;
const none = business(() => false);

export const CONSULTATION_ROUTES: Record<string, MatrixEntry> = {
  "GET /api/cases/{type}/{id}/consultation": {
    probes: (w) => each(w, (s) => [get(base(s.caseId), none)]),
  },
  "GET /api/cases/{type}/{id}/consultation/report.docx": {
    probes: (w) => each(w, (s) => [get(`${base(s.caseId)}/report.docx`, none)]),
  },
  "POST /api/cases/{type}/{id}/consultation/comments/{commentId}/moderation": {
    probes: (w) =>
      each(w, (s) => [
        write(
          "POST",
          `${base(s.caseId)}/comments/1/moderation`,
          { hidden: true, reason: "越权屏蔽" },
          () => false,
        ),
      ]),
  },
  "PUT /api/cases/{type}/{id}/consultation/comments/{commentId}/answer": {
    probes: (w) =>
      each(w, (s) => [
        write("PUT", `${base(s.caseId)}/comments/1/answer`, { result: "adopted" }, () => false),
      ]),
  },
  "POST /api/cases/{type}/{id}/consultation/publish-answers": {
    probes: (w) =>
      each(w, (s) => [write("POST", `${base(s.caseId)}/publish-answers`, {}, () => false)]),
  },
  "POST /api/cases/{type}/{id}/consultation/publish-report": {
    probes: (w) =>
      each(w, (s) => [write("POST", `${base(s.caseId)}/publish-report`, {}, () => false)]),
  },
};
