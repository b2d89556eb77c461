import { sql } from "kysely";
import { z } from "zod";
import { can } from "../../kernel/access.ts";
import { isDutyOf } from "../../kernel/duties.ts";
import { t, ValidationError } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import { type LocalDate, parseLocalDate } from "../../kernel/time/index.ts";

import type { WorkTx } from "../../platform/work.ts";
import { type Settings, settingsFor } from "../settings.ts";
import { caseKey, loadClockRows } from "./clock-data.ts";
import { type ClockProblem, type ClockState, clocksFromRows, computeCaseClocks } from "./clocks.ts";
import type { CaseView, StepEvent } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { caseLinks } from "./links.ts";
import { peopleFor } from "./protect.ts";
import { separationRefusal } from "./separation.ts";
import { caseTypeOf, mayAct } from "./service.ts";
import { loadCase, toView } from "./store.ts";
import { parseWith } from "./validate.ts";
import { nextSteps } from "./work.ts";

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
  /** Earlier instances of restartable clocks. */
  clockHistory: ClockState[];
  /** Clocks that cannot be computed from the stored data (also in GET /api/data-quality). */
  clockProblems: { clock: string; message: string }[];
  suspended: { from: string; clock: string | null; clocks: string[]; reason: string } | null;
  links: Awaited<ReturnType<typeof caseLinks>>["links"];
  /** Reviews of this case by cases the reader cannot see: their kind, type and state only. */
  reviews: Awaited<ReturnType<typeof caseLinks>>["reviews"];
  /** The other units' cases this one reviews: their state and the link kind's declared fields. */
  reviewing: Awaited<ReturnType<typeof caseLinks>>["reviewing"];
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
  actions: { action: string; label: Label; sensitive: boolean; to: string; duty: boolean }[];
  /** What may come next in this state and whose work it is (engines/case/work.ts). */
  next: ReturnType<typeof nextSteps>;
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
  const [events, links, parts] = await Promise.all([
    w.trx
      .selectFrom("case_event")
      .selectAll()
      .where("region_code", "=", key.region)
      .where("case_id", "=", key.id)
      .orderBy("seq")
      .execute(),
    caseLinks(deps, w, c),
    casePageParts(w, key),
  ]);
  const { participants, subCases, attachments, suspension, suspendedClocks } = parts;
  const calendar = await deps.calendar(w.trx);
  const settings = await settingsFor(w.trx, deps.registry, c.regionCode, w.today);
  const clocks = await computeCaseClocks(w.trx, decl, c, calendar, w.today, settings, w.now);
  reportProblems(deps, clocks.problems);
  const history: StepEvent[] = events.map((e) => ({
    kind: e.kind,
    action: e.action,
    onDate: e.on_date as LocalDate,
    data: {},
    actorUserId: e.actor_user_id === null ? null : Number(e.actor_user_id),
  }));
  const actions: CaseDetail["actions"] = [];
  for (const x of decl.transitions) {
    if (suspension && !x.allowedWhileSuspended) continue;
    if (!x.from.includes(c.state) || !can(w.actor, x.permission ?? "record.write")) continue;
    if (separationRefusal(decl, x, history, w.actor.userId)) continue; // not offered (`notBy`)
    if (await mayAct(w, c, x))
      actions.push({
        action: x.action,
        label: x.label,
        sensitive: x.sensitive === true,
        to: x.to,
        // Whose work it is (kernel/duties.ts): the page offers the user's own steps.
        duty: isDutyOf(w.actor, x.permission ?? "record.write"),
      });
  }
  const myRoles = participants.filter((p) => p.unit_id === w.actor.unitId).map((p) => p.role);
  return {
    case: { ...c, fields: peopleFor(decl, c, w.actor, deps.fieldKey) },
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
    deadlines: clocks.clocks,
    clockHistory: clocks.history,
    clockProblems: clocks.problems.map((p) => ({ clock: p.clock, message: p.message })),
    suspended: suspension
      ? {
          from: suspension.from_date,
          clock: suspension.clock,
          clocks: suspendedClocks.map((k) => k.clock),
          reason: suspension.reason,
        }
      : null,
    links: links.links,
    reviews: links.reviews,
    reviewing: links.reviewing,
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
      uploadedAt: new Date(a.uploaded_at).toISOString(),
    })),
    actions,
    next: c.closedOn ? [] : nextSteps(decl, c.state, Boolean(suspension)),
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
  const openedFrom = listDate(f.openedFrom, "openedFrom");
  const openedTo = listDate(f.openedTo, "openedTo");
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
  if (openedFrom) q = q.where("opened_on", ">=", openedFrom);
  if (openedTo) q = q.where("opened_on", "<=", openedTo);
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

/**
 * The small parts of a case page — participants, sub-cases, attachments, the open
 * suspension and the clocks it stopped — in one statement (one round trip), each read
 * under the caller's row-level security.
 */
async function casePageParts(w: WorkTx, key: { region: string; id: number }) {
  const { rows } = await sql<{
    participants: { unit_id: number; role: string }[];
    sub_cases: { id: number; unit_id: number; state: string; title: string }[];
    attachments: {
      id: number;
      name: string;
      mime: string;
      size: number;
      sm3: string;
      meta: unknown;
      uploaded_at: string;
    }[];
    suspension: {
      id: number;
      from_date: string;
      clock: string | null;
      reason: string;
    } | null;
    suspended_clocks: string[];
  }>`with s as (
      select id, from_date, clock, reason from case_suspension
       where region_code = ${key.region} and case_id = ${key.id} and to_date is null
       limit 1)
    select
      (select coalesce(json_agg(json_build_object('unit_id', p.unit_id, 'role', p.role)), '[]')
         from case_participant p where p.region_code = ${key.region} and p.case_id = ${key.id})
        as participants,
      (select coalesce(json_agg(json_build_object('id', f.id, 'unit_id', f.unit_id,
                'state', f.state, 'title', f.title) order by f.id), '[]')
         from case_file f where f.region_code = ${key.region} and f.parent_id = ${key.id})
        as sub_cases,
      (select coalesce(json_agg(json_build_object('id', a.id, 'name', a.name, 'mime', a.mime,
                'size', a.size, 'sm3', a.sm3, 'meta', a.meta, 'uploaded_at', a.uploaded_at)
                order by a.id), '[]')
         from attachment a where a.region_code = ${key.region} and a.case_id = ${key.id})
        as attachments,
      (select row_to_json(s) from s) as suspension,
      array(select k.clock from case_suspension_clock sc
              join case_clock k on k.region_code = sc.region_code and k.id = sc.clock_id
             where sc.region_code = ${key.region} and sc.suspension_id = (select id from s))
        as suspended_clocks`.execute(w.trx);
  const r = rows[0]!;
  return {
    participants: r.participants,
    subCases: r.sub_cases,
    attachments: r.attachments,
    suspension: r.suspension ?? undefined,
    suspendedClocks: r.suspended_clocks.map((clock) => ({ clock })),
  };
}

/** A list filter's date: a real YYYY-MM-DD (2020-02-30 is not), else 422 naming the field. */
function listDate(value: string | undefined, name: string): LocalDate | undefined {
  if (value === undefined || value === "") return undefined;
  try {
    return parseLocalDate(value, name);
  } catch {
    throw new ValidationError(t(`筛选条件 ${name} 不是有效日期`, `${name} is not a valid date`), [
      {
        field: `query.${name}`,
        message: t(`“${value}”不是有效日期（YYYY-MM-DD）`, `"${value}" is not a date (YYYY-MM-DD)`),
      },
    ]);
  }
}

function reportProblems(deps: CaseDeps, problems: ClockProblem[]) {
  for (const p of problems) deps.log?.(p);
}

/**
 * Data quality for the rule-of-law office: every case the actor may see whose clocks
 * cannot be computed from the stored data (named, with the reason), so that it can be
 * corrected; lists and indicators skip such cases meanwhile.
 */
export async function dataQuality(deps: CaseDeps, w: WorkTx): Promise<ClockProblem[]> {
  const rows = await w.trx
    .selectFrom("case_file as c")
    .selectAll("c")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("case_clock as k")
          .select("k.clock")
          .whereRef("k.region_code", "=", "c.region_code")
          .whereRef("k.case_id", "=", "c.id"),
      ),
    )
    .orderBy("c.region_code")
    .orderBy("c.id")
    .execute();
  const calendar = await deps.calendar(w.trx);
  const byRegion = new Map<string, Settings>();
  const out: ClockProblem[] = [];
  const data = await loadClockRows(
    w.trx,
    rows.map((r) => ({ regionCode: r.region_code, id: r.id })),
  );
  for (const r of rows) {
    const decl = deps.registry.caseType(r.case_type);
    if (!decl) continue;
    let settings = byRegion.get(r.region_code);
    if (!settings) {
      settings = await settingsFor(w.trx, deps.registry, r.region_code, w.today);
      byRegion.set(r.region_code, settings);
    }
    const c = toView(r);
    const rowsOf = data.get(caseKey(r.region_code, r.id));
    if (!rowsOf) continue;
    out.push(...clocksFromRows(decl, c, rowsOf, calendar, w.today, settings, w.now).problems);
  }
  return out;
}
