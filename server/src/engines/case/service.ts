import { sql } from "kysely";
import { z } from "zod";
import { actsFor, checksOff, supervises } from "../../kernel/access.ts";
import { basisZh, citeEn } from "../../kernel/citation.ts";
import {
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  t,
  t as t0,
  ValidationError,
} from "../../kernel/errors.ts";
import { addPeriod, compareLocalDate, type LocalDate, yearOf } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import { indexCase } from "../search/records.ts";
import { concludeParentIfDone, openLinkedCase } from "./cascade.ts";
import { applyClockTriggers, linksFollowed, stopAllClocks } from "./clocks.ts";
import type {
  CaseTypeDecl,
  CaseView,
  GuardContext,
  OpenCaseInit,
  TransitionDecl,
} from "./declare.ts";
import { STAY } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { readLinked, takeFollowUps } from "./links.ts";
import { issueNumber } from "./numbers.ts";
import { refuseWhileSuspended } from "./ops.ts";
import { peopleFor, sealPeople } from "./protect.ts";
import { makePublicFiles } from "./public-files.ts";
import { isOwner, isParticipant } from "./record.ts";
import { separationRefusal } from "./separation.ts";
import { readStep, writeStepEnd } from "./step-io.ts";
import {
  appendEvent,
  bumpVersion,
  lastStepDate,
  type NewEvent,
  nextEventInsert,
  toView,
} from "./store.ts";
import { parseWith, requirePermission, stepDate } from "./validate.ts";

export function caseTypeOf(deps: CaseDeps, code: string): CaseTypeDecl {
  const decl = deps.registry.caseType(code);
  if (!decl) throw new NotFoundError(t(`没有案件类型 ${code}`, `no case type ${code}`));
  return decl;
}

const CreateBody = z.object({
  fields: z.record(z.string(), z.unknown()),
  onDate: z.string().optional(),
  unitId: z.number().int().optional(),
  handlerUserId: z.number().int().optional(),
});
export type CreateInput = z.infer<typeof CreateBody>;

const auditActor = (w: WorkTx) => w.actor;

/**
 * Fields that a step sets (a review's result, a decision's content) are the step's to
 * set: giving them when opening the case would skip the step and its guards.
 */
function refuseStepFields(decl: CaseTypeDecl, given: Record<string, unknown>) {
  const revisable = new Set(decl.revisableFields ?? []);
  const owned = new Set(
    [...decl.transitions.flatMap((t) => t.setsFields ?? []), ...(decl.stepFields ?? [])].filter(
      (f) => !revisable.has(f),
    ),
  );
  const bad = Object.keys(given).filter((k) => owned.has(k));
  if (bad.length > 0) {
    throw new ValidationError(
      t(
        "这些字段由办理步骤填写，登记时不得填写",
        "these fields are set by the case's steps, not when it is opened",
      ),
      bad.map((k) => {
        const by = decl.transitions.find((x) => x.setsFields?.includes(k));
        return {
          field: `fields.${k}`,
          message: by
            ? t(`由“${by.label.zh}”步骤填写`, `set by the step "${by.label.en}"`)
            : t("由办理步骤计算", "computed by a step"),
        };
      }),
    );
  }
}

/** Open a case: validate its fields, allocate the numbers issued on creation, start its clocks. */
export async function createCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  body: unknown,
  opts: { parentId?: number; byStep?: boolean } = {},
): Promise<CaseView> {
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.write", t(`登记${decl.label.zh}`, `opening a ${decl.label.en}`));
  if (decl.openedBy === "step" && opts.byStep !== true) {
    throw new ForbiddenError(
      t(
        `${decl.label.zh}只能由相关案件的办理步骤生成，不能直接登记`,
        `a ${decl.label.en} is opened only by a step of the case it follows, not directly`,
      ),
    );
  }
  const input = parseWith(CreateBody, body, "");
  refuseStepFields(decl, input.fields);
  const fields = parseWith(decl.fields, input.fields, "fields") as Record<string, unknown>;
  const onDate = stepDate(w, input.onDate);
  const unitId = input.unitId ?? w.actor.unitId;
  if (
    unitId !== w.actor.unitId &&
    w.actor.scope !== "region" &&
    opts.parentId === undefined &&
    !checksOff(w.actor)
  ) {
    throw new ForbiddenError(t("单位只能为本单位登记案件", "a unit opens cases for itself only"));
  }
  const unit = await w.trx
    .selectFrom("unit")
    .select(["id", "region_code"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!unit || (!w.actor.regions.includes(unit.region_code) && !checksOff(w.actor))) {
    throw new ValidationError(t("您的地区内没有该单位", "no such unit in your regions"), [
      { field: "unitId", message: t(`没有单位 ${unitId}`, `no unit ${unitId}`) },
    ]);
  }
  // The city supervises its districts: it opens cases for its own region's units only
  // (a sub-case's unit is checked through its parent).
  if (opts.parentId === undefined && !actsFor(w.actor, { regionCode: unit.region_code, unitId })) {
    throw new ForbiddenError(
      t(
        "上级依法治理机构负责监督，不为下级地区的单位登记案件",
        "a supervising region does not open cases for the units of a region below it",
      ),
    );
  }
  const handlerUserId = input.handlerUserId ?? w.actor.userId;
  if (input.handlerUserId !== undefined) {
    // The handler works in the case's region (the user table is global reference data).
    const handler = await w.trx
      .selectFrom("app_user")
      .select(["id", "region_code", "disabled"])
      .where("id", "=", input.handlerUserId)
      .executeTakeFirst();
    if (!handler || handler.region_code !== unit.region_code || handler.disabled) {
      throw new ValidationError(
        t("承办人须为本地区的在用用户", "the handler must be an active user of the case's region"),
        [
          {
            field: "handlerUserId",
            message: t(
              `${unit.region_code} 没有用户 ${input.handlerUserId}`,
              `no user ${input.handlerUserId} in ${unit.region_code}`,
            ),
          },
        ],
      );
    }
  }
  const row = await w.trx
    .insertInto("case_file")
    .values({
      region_code: unit.region_code,
      case_type: decl.code,
      unit_id: unitId,
      state: decl.initial,
      title: decl.title(fields).slice(0, 500),
      fields: JSON.stringify(sealPeople(decl, fields, deps.fieldKey)),
      numbers: "{}",
      parent_id: opts.parentId ?? null,
      opened_on: onDate,
      closed_on: null,
      handler_user_id: handlerUserId,
      created_by: w.actor.userId,
      created_at: w.now,
      updated_at: w.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  let c = toView(row);
  const numbers: Record<string, string> = {};
  await applyClockTriggers(w.trx, deps.registry, c, "create", onDate, {
    input: {},
    fields,
    now: w.now,
    today: w.today,
  });
  // Numbers issued on creation last, just before the audit record: the sequence row's
  // lock is held for a few statements (issue 9).
  for (const kind of decl.issuesOnCreate ?? []) {
    const nd = decl.numbers?.find((n) => n.kind === kind);
    if (!nd) throw new Error(`case type ${decl.code} issues an undeclared number ${kind}`);
    numbers[kind] = await issueNumber(w.trx, nd, { ...c, fields }, yearOf(onDate));
  }
  if (Object.keys(numbers).length > 0) c = { ...c, numbers };
  // The timeline event, the numbers, the audit record (a new chain) and the search index
  // (engines/search) in one statement.
  await writeStepEnd(w, {
    c,
    numbersAdded: numbers,
    event: { kind: "created", action: "create", toState: decl.initial, onDate, data: { numbers } },
    audit: {
      regionCode: c.regionCode,
      action: `case.${decl.code}.create`,
      entityType: "case",
      entityId: c.id,
      after: {
        state: c.state,
        unitId,
        title: c.title,
        fields: sealPeople(decl, fields, deps.fieldKey),
        numbers,
      },
    },
    fresh: true,
    index: { decl, row: { ...row, numbers: { ...(row.numbers as object), ...numbers } } },
  });
  return { ...c, fields };
}

const TransitionBody = z.object({
  version: z.number().int().positive(),
  input: z.record(z.string(), z.unknown()).optional(),
  onDate: z.string().optional(),
  reason: z.string().max(2000).optional(),
});

/** Whether the actor may take this step on this case (owner, supervisor, or participant role). */
export async function mayAct(w: WorkTx, c: CaseView, t: TransitionDecl): Promise<boolean> {
  if (t.actor && typeof t.actor === "object") return isParticipant(w, c, t.actor.participantRole);
  if (t.actor === "supervisor") return supervises(w.actor, c.regionCode);
  return isOwner(w, c);
}

/**
 * Take a step: permission first, then input, optimistic lock, state, chronology, lead
 * times, guards, reason; then the state change, numbers, timeline, clocks, effects and
 * audit — all in the caller's one transaction, so a refusal writes nothing.
 */
export async function transition(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  action: string,
  body: unknown,
): Promise<CaseView> {
  const decl = caseTypeOf(deps, caseType);
  const t = decl.transitions.find((x) => x.action === action);
  if (!t)
    throw new NotFoundError(
      t0(`${decl.label.zh}没有“${action}”步骤`, `case type ${decl.code} has no action ${action}`),
    );
  requirePermission(w, t.permission ?? "record.write", t.label);
  const req = parseWith(TransitionBody, body, "");
  const input = t.input
    ? (parseWith(t.input, req.input ?? {}, "input") as Record<string, unknown>)
    : {};

  // The case (locked), its open suspension, timeline and settings: one statement.
  const read = await readStep(w, deps.registry, id, decl.code, {
    withLinks: linksFollowed(deps.registry, action),
  });
  const { c, history } = read;
  if (c.version !== req.version) {
    throw new ConflictError(
      t0(
        `案件 ${id} 已被他人修改（当前版本 ${c.version}，您的版本 ${req.version}），请刷新后重试`,
        `case ${id} was changed by someone else (version ${c.version}, you had ${req.version}); reload it`,
      ),
    );
  }
  if (!t.from.includes(c.state)) {
    const label = decl.states[c.state]?.label ?? { zh: c.state, en: c.state };
    throw new InvalidStateError(
      t0(
        `案件处于“${label.zh}”状态，不能${t.label.zh}`,
        `cannot ${t.label.en.toLowerCase()} a case in state "${label.en}" (${c.state})`,
      ),
    );
  }
  if (!(await mayAct(w, c, t))) {
    const role = typeof t.actor === "object" ? t.actor.participantRole : undefined;
    const roleLabel = role ? (decl.participantRoles?.[role] ?? { zh: role, en: role }) : undefined;
    throw new ForbiddenError(
      roleLabel
        ? t0(
            `仅以“${roleLabel.zh}”身份参与的单位可以${t.label.zh}`,
            `only a unit taking part as ${role} may ${t.label.en.toLowerCase()}`,
          )
        : t0("仅案件所属单位可以办理此步骤", "only the unit that owns the case may take this step"),
    );
  }
  if (t.actor === "supervisor" && c.regionCode !== w.actor.regionCode) {
    // The declared path by which a supervising region writes this one case of a region
    // below it (row-level security refuses it any other write there; migration 0010).
    await sql`select fazhi_supervise(${c.regionCode}, ${c.id})`.execute(w.trx);
  }
  await refuseWhileSuspended(w, c, t, read.suspension);
  // Separation of duties (`notBy`): not by the actor of the named earlier steps.
  const separated = separationRefusal(decl, t, history, w.actor.userId);
  if (separated) throw new ForbiddenError(separated);
  const onDate = stepDate(w, req.onDate, lastStepDate(history), c.openedOn);
  const settings = read.settingsOn(onDate);
  const calendar = await deps.calendar(w.trx);

  for (const lt of t.leadTimes ?? []) {
    const later = input[lt.field];
    if (typeof later !== "string") continue;
    const period = typeof lt.period === "function" ? lt.period(c, settings) : lt.period;
    const earliest = addPeriod(calendar, onDate, period).due;
    if (compareLocalDate(later as LocalDate, earliest) < 0) {
      const unitZh = { working_day: "个工作日", calendar_day: "日", month: "个月", hour: "小时" }[
        period.unit
      ];
      throw new ValidationError(
        t0(
          `所填日期不得早于 ${earliest}${basisZh(lt.legalBasis)}`,
          `${lt.field} must be on or after ${earliest} (${citeEn(lt.legalBasis)})`,
        ),
        [
          {
            field: `input.${lt.field}`,
            message: t0(
              `须在 ${onDate} 之后至少 ${period.n} ${unitZh}：不早于 ${earliest}${basisZh(lt.legalBasis)}`,
              `at least ${period.n} ${period.unit.replace("_", " ")}s after ${onDate}: on or after ${earliest} (${citeEn(lt.legalBasis)})`,
            ),
          },
        ],
      );
    }
  }
  const ctx: GuardContext = {
    w,
    case: c,
    input,
    onDate,
    history,
    settings,
    calendar,
    linked: (kind) => readLinked(w, decl, c, kind),
    ask: async <O>(code: string, input: unknown) => {
      const a = deps.registry.answer(code);
      if (!a) return undefined;
      return (await a.answer(w, { regionCode: c.regionCode, onDate, input })) as O;
    },
  };
  for (const guard of t.guards ?? []) {
    const refusal = await guard(ctx);
    if (refusal) {
      if (refusal.field) {
        throw new ValidationError(refusal.message, [
          { field: `input.${refusal.field}`, message: refusal.message },
        ]);
      }
      throw new InvalidStateError(refusal.message);
    }
  }
  const reason = req.reason?.trim() || null;
  if (t.sensitive && !reason) {
    throw new ValidationError(
      t0(`${t.label.zh}须说明理由`, `a reason is required to ${t.label.en.toLowerCase()}`),
      [{ field: "reason", message: t0("此步骤须填写理由", "required for this step") }],
    );
  }

  const fields = { ...c.fields };
  for (const f of t.setsFields ?? []) if (f in input) fields[f] = input[f];
  const derived = t.derive ? await t.derive(ctx) : undefined;
  if (derived) Object.assign(fields, derived);
  const numbers = { ...c.numbers };
  const issued: Record<string, string> = {};
  const issue = async () => {
    for (const kind of t.issues ?? []) {
      const nd = decl.numbers?.find((n) => n.kind === kind);
      if (!nd) throw new Error(`case type ${decl.code} issues an undeclared number ${kind}`);
      issued[kind] = await issueNumber(w.trx, nd, { ...c, fields }, yearOf(onDate));
      numbers[kind] = issued[kind];
    }
  };
  // Gapless numbers lock their sequence row until commit: taken last, just before the
  // audit record, so that the lock is held for a few statements, not for the whole step
  // (issue 9). A step whose effect or follow-ups may read the new number takes it here.
  const numberLast = (t.issues?.length ?? 0) > 0 && !t.effect && !t.followUps?.length;
  if (!numberLast) await issue();
  // A simple step (no effect, follow-ups, reactions or public files) writes the case row,
  // the timeline, the audit record and the search index in one statement at its end.
  const simple =
    !t.effect &&
    !t.followUps?.length &&
    deps.registry.reactionsTo(decl.code, action).length === 0 &&
    !(decl.publicFiles ?? []).some((pf) => pf.on === action);
  // `to: "="` (STAY): a record step (a service, a site inspection) keeps the case's
  // state; one taken on a closed case keeps its closing date.
  const to = t.to === STAY ? c.state : t.to;
  const terminal = decl.states[to]?.terminal === true;
  const closedOn = terminal ? (t.to === STAY && c.closedOn ? c.closedOn : onDate) : null;
  const sealed = JSON.stringify(sealPeople(decl, fields, deps.fieldKey));
  const ok =
    simple ||
    (await bumpVersion(
      w.trx,
      c,
      req.version,
      { state: to, fields: sealed, numbers: JSON.stringify(numbers), closed_on: closedOn },
      w.now,
    ));
  if (!ok)
    throw new ConflictError(
      t0(
        `案件 ${id} 已被他人修改，请刷新后重试`,
        `case ${id} was changed by someone else; reload it`,
      ),
    );
  const next: CaseView = {
    ...c,
    state: to,
    fields,
    numbers,
    version: req.version + 1,
    closedOn,
  };
  const event: NewEvent = {
    kind: "transition",
    action,
    fromState: c.state,
    toState: to,
    onDate,
    data: {
      input: sealPeople(decl, input, deps.fieldKey),
      numbers: issued,
      ...(derived ? { derived: sealPeople(decl, derived, deps.fieldKey) } : {}),
    },
    reason,
  };
  // The timeline event is written with the numbers: now, or with them at the end.
  if (!numberLast && !simple) await appendEvent(w.trx, c, auditActor(w), w.now, event);
  await applyClockTriggers(w.trx, deps.registry, next, action, onDate, {
    input,
    fields,
    now: w.now,
    today: w.today,
    ...(read.linked ? { linked: read.linked } : {}),
  });
  if (terminal && t.to !== STAY) await stopAllClocks(w.trx, next, onDate);
  const audit = (followUps: unknown[]) => ({
    regionCode: c.regionCode,
    action: `case.${decl.code}.${action}`,
    entityType: "case",
    entityId: c.id,
    before: { state: c.state, version: c.version },
    after: {
      state: to,
      version: next.version,
      input: sealPeople(decl, input, deps.fieldKey),
      numbers: issued,
      ...(derived ? { derived: sealPeople(decl, derived, deps.fieldKey) } : {}),
      ...(followUps.length > 0 ? { followUps } : {}),
    },
    reason,
    reasonRequired: t.sensitive === true,
  });
  if (simple) {
    // The number last (its lock held for two statements), then one statement.
    if (numberLast) await issue();
    const state = { state: to, numbers, closed_on: closedOn, version: next.version };
    await writeStepEnd(w, {
      c,
      caseSet: { ...state, fields: sealed, numbers: JSON.stringify(numbers) },
      event,
      audit: audit([]),
      index: {
        decl,
        row: { ...read.row, ...state, fields: JSON.parse(sealed), updated_at: w.now },
      },
    });
    if (terminal && c.parentId !== null) await concludeParentIfDone(deps, w, next, onDate);
    return { ...next, fields: peopleFor(decl, next, w.actor, deps.fieldKey) };
  }
  if (t.effect) {
    const openCase = (caseType: string, init: OpenCaseInit) =>
      openLinkedCase(deps, w, next, onDate, caseType, init);
    await t.effect({ ...ctx, next, openCase });
  }
  // Other modules' reactions to this step (ModuleDecl.reactions), in this transaction.
  for (const r of deps.registry.reactionsTo(decl.code, action)) {
    await r.effect({ w, case: next, action, input, onDate });
  }
  const followUps = await takeFollowUps(deps, w, decl, t, next, ctx, onDate, reason);
  if (numberLast) {
    await issue();
    await appendEventWithNumbers(w, c, issued, event);
  }
  await makePublicFiles(deps, w, decl, next, action); // public .docx and PDF (公开附件)
  await w.audit(audit(followUps));
  await indexCase(w.trx, deps.registry, next, w.now); // full-text search (engines/search)
  if (terminal && c.parentId !== null) await concludeParentIfDone(deps, w, next, onDate);
  return { ...next, fields: peopleFor(decl, next, w.actor, deps.fieldKey) };
}

/**
 * The timeline event of a step or an opening, with the numbers taken just before (added
 * to the case's numbers) — one statement. The timeline is append-only: the event is
 * written once, with its numbers.
 */
async function appendEventWithNumbers(
  w: WorkTx,
  c: Pick<CaseView, "regionCode" | "id">,
  issued: Record<string, string>,
  e: NewEvent,
): Promise<void> {
  if (Object.keys(issued).length === 0) {
    await appendEvent(w.trx, c, auditActor(w), w.now, e);
    return;
  }
  await sql`with u as (
      update case_file set numbers = numbers || ${JSON.stringify(issued)}::jsonb
       where region_code = ${c.regionCode} and id = ${c.id})
    ${nextEventInsert(c, auditActor(w), w.now, e)}`.execute(w.trx);
}
