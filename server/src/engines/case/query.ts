import { sql } from "kysely";
import { z } from "zod";
import { can } from "../../kernel/access.ts";
import type { Label } from "../../kernel/labels.ts";

import type { WorkTx } from "../../platform/work.ts";
import { type Settings, settingsFor } from "../settings.ts";
import { type ClockState, caseClocks } from "./clocks.ts";
import type { CaseView } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { openPeople } from "./protect.ts";
import { caseTypeOf, mayAct } from "./service.ts";
import { loadCase, toView } from "./store.ts";
import { parseWith } from "./validate.ts";

export interface CaseDetail {
  case: CaseView;
  stateLabel: Label;
  timeline: {
    seq: number;
    kind: string;
    action: string;
    fromState: string | null;
    toState: string | null;
    onDate: string;
    at: string;
    actorName: string | null;
    data: unknown;
    reason: string | null;
  }[];
  deadlines: ClockState[];
  suspended: { from: string; clock: string | null; reason: string } | null;
  links: {
    direction: "out" | "in";
    kind: string;
    caseId: number;
    caseType: string;
    title: string;
    state: string;
  }[];
  participants: { unitId: number; role: string }[];
  subCases: { id: number; unitId: number; state: string; title: string }[];
  attachments: {
    id: number;
    name: string;
    mime: string;
    size: number;
    sm3: string;
    meta: unknown;
    uploadedAt: string;
  }[];
  /** The steps this user may try now (guards are checked when tried). */
  actions: { action: string; label: Label; sensitive: boolean; to: string }[];
  mine: { owner: boolean; participantRoles: string[] };
}

/** One case with everything a case page shows. */
export async function caseDetail(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
): Promise<CaseDetail> {
  const decl = caseTypeOf(deps, caseType);
  const c = await loadCase(w.trx, id, { caseType: decl.code });
  const key = { region: c.regionCode, id: c.id };
  const [events, links, participants, subCases, attachments, suspension] = await Promise.all([
    w.trx
      .selectFrom("case_event")
      .selectAll()
      .where("region_code", "=", key.region)
      .where("case_id", "=", key.id)
      .orderBy("seq")
      .execute(),
    sql<{
      direction: "out" | "in";
      kind: string;
      case_id: number;
      case_type: string;
      title: string;
      state: string;
    }>`
      select 'out' as direction, l.kind, c.id as case_id, c.case_type, c.title, c.state
        from case_link l join case_file c on c.region_code = l.region_code and c.id = l.to_case_id
       where l.region_code = ${key.region} and l.from_case_id = ${key.id}
      union all
      select 'in' as direction, l.kind, c.id, c.case_type, c.title, c.state
        from case_link l join case_file c on c.region_code = l.region_code and c.id = l.from_case_id
       where l.region_code = ${key.region} and l.to_case_id = ${key.id}`.execute(w.trx),
    w.trx
      .selectFrom("case_participant")
      .select(["unit_id", "role"])
      .where("region_code", "=", key.region)
      .where("case_id", "=", key.id)
      .execute(),
    w.trx
      .selectFrom("case_file")
      .select(["id", "unit_id", "state", "title"])
      .where("region_code", "=", key.region)
      .where("parent_id", "=", key.id)
      .orderBy("id")
      .execute(),
    w.trx
      .selectFrom("attachment")
      .selectAll()
      .where("region_code", "=", key.region)
      .where("case_id", "=", key.id)
      .orderBy("id")
      .execute(),
    w.trx
      .selectFrom("case_suspension")
      .selectAll()
      .where("region_code", "=", key.region)
      .where("case_id", "=", key.id)
      .where("to_date", "is", null)
      .executeTakeFirst(),
  ]);
  const calendar = await deps.calendar(w.trx);
  const settings = await settingsFor(w.trx, deps.registry, c.regionCode);
  const deadlines = await caseClocks(w.trx, decl, c, calendar, w.today, settings);
  const actions: CaseDetail["actions"] = [];
  if (!suspension) {
    for (const t of decl.transitions) {
      if (!t.from.includes(c.state) || !can(w.actor, t.permission ?? "record.write")) continue;
      if (await mayAct(w, c, t))
        actions.push({
          action: t.action,
          label: t.label,
          sensitive: t.sensitive === true,
          to: t.to,
        });
    }
  }
  const myRoles = participants.filter((p) => p.unit_id === w.actor.unitId).map((p) => p.role);
  return {
    case: { ...c, fields: openPeople(decl, c.fields, deps.fieldKey) },
    stateLabel: decl.states[c.state]?.label ?? { zh: c.state, en: c.state },
    timeline: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      onDate: e.on_date,
      at: e.at.toISOString(),
      actorName: e.actor_name,
      data: e.data,
      reason: e.reason,
    })),
    deadlines,
    suspended: suspension
      ? { from: suspension.from_date, clock: suspension.clock, reason: suspension.reason }
      : null,
    links: links.rows.map((l) => ({
      direction: l.direction,
      kind: l.kind,
      caseId: l.case_id,
      caseType: l.case_type,
      title: l.title,
      state: l.state,
    })),
    participants: participants.map((p) => ({ unitId: p.unit_id, role: p.role })),
    subCases: subCases.map((s) => ({
      id: s.id,
      unitId: s.unit_id,
      state: s.state,
      title: s.title,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      name: a.name,
      mime: a.mime,
      size: a.size,
      sm3: a.sm3,
      meta: a.meta,
      uploadedAt: a.uploaded_at.toISOString(),
    })),
    actions,
    mine: {
      owner: w.actor.scope === "region" || w.actor.unitId === c.unitId,
      participantRoles: myRoles,
    },
  };
}

export const ListQuery = z.object({
  state: z.string().optional(),
  unitId: z.coerce.number().int().optional(),
  q: z.string().max(100).optional(),
  openedFrom: z.string().optional(),
  openedTo: z.string().optional(),
  open: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** Cases of one type the actor may see, newest first, with filters and paging. */
export async function listCases(deps: CaseDeps, w: WorkTx, caseType: string, query: unknown) {
  const decl = caseTypeOf(deps, caseType);
  const f = parseWith(ListQuery, query, "query");
  let q = w.trx.selectFrom("case_file").where("case_type", "=", decl.code);
  if (f.state) q = q.where("state", "=", f.state);
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.q) {
    // `%` and `_` (and the escape `\`) in what the user typed are literal characters.
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb("title", "ilike", like), sql<boolean>`numbers::text ilike ${like}`]),
    );
  }
  if (f.openedFrom) q = q.where("opened_on", ">=", f.openedFrom);
  if (f.openedTo) q = q.where("opened_on", "<=", f.openedTo);
  if (f.open === "true") q = q.where("closed_on", "is", null);
  if (f.open === "false") q = q.where("closed_on", "is not", null);
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy("id", "desc")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
  ]);
  return {
    items: rows.map((r) => {
      const v = toView(r);
      return {
        id: v.id,
        regionCode: v.regionCode,
        unitId: v.unitId,
        state: v.state,
        stateLabel: decl.states[v.state]?.label ?? { zh: v.state, en: v.state },
        title: v.title,
        numbers: v.numbers,
        openedOn: v.openedOn,
        closedOn: v.closedOn,
        version: v.version,
      };
    }),
    total: Number(total?.n ?? 0),
    page: f.page,
    pageSize: f.pageSize,
  };
}

export interface Warning extends ClockState {
  caseId: number;
  caseType: string;
  caseTypeLabel: Label;
  title: string;
  unitId: number;
  handlerUserId: number | null;
}

/**
 * One warning list across every case type: every running clock due soon or overdue,
 * for the cases the actor may see, optionally one unit's or one handler's.
 */
export async function warningList(
  deps: CaseDeps,
  w: WorkTx,
  filter: { unitId?: number; handlerUserId?: number; level?: "due_soon" | "overdue" },
): Promise<Warning[]> {
  let q = w.trx
    .selectFrom("case_clock as k")
    .innerJoin("case_file as c", (j) =>
      j.onRef("c.region_code", "=", "k.region_code").onRef("c.id", "=", "k.case_id"),
    )
    .selectAll("c")
    .select(["k.clock"])
    .where("k.stopped_on", "is", null)
    .where("c.closed_on", "is", null);
  if (filter.unitId) q = q.where("c.unit_id", "=", filter.unitId);
  if (filter.handlerUserId) q = q.where("c.handler_user_id", "=", filter.handlerUserId);
  const rows = await q.execute();
  const calendar = await deps.calendar(w.trx);
  const seen = new Set<string>();
  const out: Warning[] = [];
  const byRegion = new Map<string, Settings>();
  for (const r of rows) {
    const k = `${r.region_code}:${r.id}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const decl = deps.registry.caseType(r.case_type);
    if (!decl) continue;
    const c = toView(r);
    let settings = byRegion.get(c.regionCode);
    if (!settings) {
      settings = await settingsFor(w.trx, deps.registry, c.regionCode);
      byRegion.set(c.regionCode, settings);
    }
    for (const d of await caseClocks(w.trx, decl, c, calendar, w.today, settings)) {
      if (d.state !== "running" || d.warning === "normal") continue;
      if (filter.level && d.warning !== filter.level) continue;
      out.push({
        ...d,
        caseId: c.id,
        caseType: c.caseType,
        caseTypeLabel: decl.label,
        title: c.title,
        unitId: c.unitId,
        handlerUserId: c.handlerUserId,
      });
    }
  }
  return out.sort((a, b) =>
    (a.due ?? "") < (b.due ?? "") ? -1 : (a.due ?? "") > (b.due ?? "") ? 1 : 0,
  );
}
