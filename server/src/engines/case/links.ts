import { sql } from "kysely";
import { z } from "zod";
import { citeEn, citeShown } from "../../kernel/citation.ts";
import { ForbiddenError, t, ValidationError } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import type { LocalDate } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import type {
  AnyCaseType,
  CaseView,
  GuardContext,
  LinkedCase,
  LinkKindDecl,
  TransitionDecl,
} from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { ownerOnly } from "./ops.ts";
import { recordCaseEvent } from "./record.ts";
import { caseTypeOf } from "./service.ts";
import { loadCase } from "./store.ts";
import { parseWith, requirePermission } from "./validate.ts";

/**
 * Links between cases. Ordinary links join cases of one unit (or a region-scoped
 * actor's region); a link kind with `jurisdiction` crosses units and regions (a
 * reconsideration body reviews another unit's act). Everything that touches the other
 * unit's case — creating the link, reading its state and declared fields, taking a
 * declared follow-up step on it, showing the reviews to its readers — goes through
 * checked SECURITY DEFINER functions (migration 0005); row-level security hides the rest.
 */

/** The engine's ordinary link kinds. */
export const ORDINARY_LINKS: Readonly<Record<string, Label>> = {
  reviews: { zh: "复查", en: "Reviews" },
  follows: { zh: "后续", en: "Follows" },
  opened_from: { zh: "由此立案", en: "Opened from" },
  amends: { zh: "修改", en: "Amends" },
  repeals: { zh: "废止", en: "Repeals" },
  part_of: { zh: "组成部分", en: "Part of" },
};

/** A case type's link kinds, ordinary ones by code made whole. */
export function linkKinds(decl: AnyCaseType): LinkKindDecl[] {
  return (decl.links ?? []).map((l) =>
    typeof l === "string" ? { code: l, label: ORDINARY_LINKS[l] ?? { zh: l, en: l } } : l,
  );
}

export function linkKind(decl: AnyCaseType, code: string): LinkKindDecl | undefined {
  return linkKinds(decl).find((k) => k.code === code);
}

/** The label of a link kind as any case type declares it (for the other side's page). */
export function linkLabel(deps: CaseDeps, code: string): Label {
  for (const d of deps.registry.caseTypes()) {
    const k = linkKind(d, code);
    if (k) return k.label;
  }
  return ORDINARY_LINKS[code] ?? { zh: code, en: code };
}

/** What a guard sees of the cases linked by `kind`: state and the declared fields only. */
export async function readLinked(
  w: WorkTx,
  decl: AnyCaseType,
  c: CaseView,
  kind: string,
): Promise<LinkedCase[]> {
  const reads = [...(linkKind(decl, kind)?.reads ?? [])];
  const { rows } = await sql<{
    direction: "out" | "in";
    other_region: string;
    other_id: string | number;
    other_type: string;
    state: string;
    closed_on: string | null;
    fields: Record<string, unknown>;
  }>`select * from fazhi_linked_read(${c.regionCode}, ${c.id}, ${kind}, ${reads}::text[])`.execute(
    w.trx,
  );
  return rows.map((r) => ({
    direction: r.direction,
    regionCode: r.other_region,
    id: Number(r.other_id),
    caseType: r.other_type,
    state: r.state,
    closedOn: (r.closed_on as LocalDate | null) ?? null,
    fields: r.fields ?? {},
  }));
}

const LinkBody = z.object({ kind: z.string(), toCaseId: z.number().int() });

/** A typed link from this case to another; ordinary, or across units with jurisdiction. */
export async function linkCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.write", t("关联案件", "linking cases"));
  const b = parseWith(LinkBody, body, "");
  const kind = linkKind(decl, b.kind);
  if (!kind) {
    const codes = linkKinds(decl).map((k) => k.code);
    throw new ValidationError(
      t(`${decl.label.zh}没有“${b.kind}”关联`, `a ${decl.label.en} has no link ${b.kind}`),
      [
        {
          field: "kind",
          message: t(
            `可选：${codes.join("、") || "（无）"}`,
            `one of ${codes.join(", ") || "(none)"}`,
          ),
        },
      ],
    );
  }
  const c = await loadCase(w.trx, id, { caseType: decl.code, lock: true });
  ownerOnly(w, c);
  if (b.toCaseId === c.id) {
    throw new ValidationError(t("案件不能关联自身", "a case cannot link to itself"), [
      { field: "toCaseId", message: t("同一案件", "the same case") },
    ]);
  }
  const noCase = () =>
    new ValidationError(t("无此案件", "no such case"), [
      {
        field: "toCaseId",
        message: t(
          `没有可关联的案件 ${b.toCaseId}`,
          `no case ${b.toCaseId} you may link to in this region`,
        ),
      },
    ]);
  let targetType: string;
  if (kind.jurisdiction) {
    const j = kind.jurisdiction;
    if (j.permission) requirePermission(w, j.permission, t("跨单位复查", "reviewing across units"));
    try {
      await sql`savepoint fazhi_link`.execute(w.trx);
      const { rows } = await sql<{ t: string }>`select fazhi_link_across(${c.regionCode}, ${c.id},
          ${kind.code}, ${b.toCaseId}, ${kind.targets ? [...kind.targets] : null}::text[],
          ${[...j.units]}::text[], ${j.sameRegion !== false}, ${j.parentRegion === true},
          ${w.now}) as t`.execute(w.trx);
      await sql`release savepoint fazhi_link`.execute(w.trx);
      targetType = rows[0]!.t;
    } catch (e) {
      await sql`rollback to savepoint fazhi_link`.execute(w.trx);
      const code = (e as { code?: string }).code;
      if (code === "P0002") throw noCase();
      if (code === "42501") {
        throw new ForbiddenError(
          t(
            `本单位对该案件无管辖权（依据${citeShown(j.legalBasis)}）`,
            `your unit has no jurisdiction over that case (${citeEn(j.legalBasis)})`,
          ),
        );
      }
      throw e;
    }
  } else {
    const target = await w.trx
      .selectFrom("case_file")
      .select(["id", "region_code", "case_type"])
      .where("id", "=", b.toCaseId)
      .executeTakeFirst();
    if (!target || target.region_code !== c.regionCode) throw noCase();
    if (kind.targets && !kind.targets.includes(target.case_type)) throw noCase();
    targetType = target.case_type;
    await w.trx
      .insertInto("case_link")
      .values({
        region_code: c.regionCode,
        from_case_id: c.id,
        kind: kind.code,
        to_case_id: target.id,
        to_region_code: target.region_code,
        created_at: w.now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await recordCaseEvent(w, decl.code, c, {
    kind: "link",
    action: "link",
    onDate: w.today,
    data: { kind: kind.code, toCaseId: b.toCaseId, toCaseType: targetType },
  });
}

/** The links of a case as its page shows them (the other side: what the reader may see). */
export async function caseLinks(deps: CaseDeps, w: WorkTx, c: CaseView) {
  const { rows } = await sql<{
    direction: "out" | "in";
    kind: string;
    case_id: number;
    case_type: string;
    title: string;
    state: string;
  }>`
    select 'out' as direction, l.kind, f.id as case_id, f.case_type, f.title, f.state
      from case_link l join case_file f on f.region_code = l.to_region_code and f.id = l.to_case_id
     where l.region_code = ${c.regionCode} and l.from_case_id = ${c.id}
    union all
    select 'in' as direction, l.kind, f.id, f.case_type, f.title, f.state
      from case_link l join case_file f on f.region_code = l.region_code and f.id = l.from_case_id
     where l.to_region_code = ${c.regionCode} and l.to_case_id = ${c.id}`.execute(w.trx);
  const seen = new Set(rows.map((r) => Number(r.case_id)));
  const reviews = await reviewsOf(deps, w, c, seen);
  // The cases this one reviews across units: their state and the declared fields only.
  const decl = deps.registry.caseType(c.caseType);
  const reviewing = [];
  for (const k of decl ? linkKinds(decl).filter((x) => x.jurisdiction) : []) {
    for (const x of await readLinked(w, decl!, c, k.code)) {
      if (x.direction !== "out" || seen.has(x.id)) continue;
      const td = deps.registry.caseType(x.caseType);
      reviewing.push({
        kind: k.code,
        kindLabel: k.label,
        caseId: x.id,
        regionCode: x.regionCode,
        caseType: x.caseType,
        caseTypeLabel: td?.label ?? { zh: x.caseType, en: x.caseType },
        state: x.state,
        stateLabel: td?.states[x.state]?.label ?? { zh: x.state, en: x.state },
        closedOn: x.closedOn,
        fields: x.fields,
      });
    }
  }
  return {
    reviewing,
    links: rows.map((l) => ({
      direction: l.direction,
      kind: l.kind,
      kindLabel: linkLabel(deps, l.kind),
      caseId: Number(l.case_id),
      caseType: l.case_type,
      title: l.title,
      state: l.state,
      stateLabel: deps.registry.caseType(l.case_type)?.states[l.state]?.label ?? {
        zh: l.state,
        en: l.state,
      },
    })),
    reviews,
  };
}

/**
 * The reviews of a case by cases this reader cannot see (another unit's reconsideration):
 * the kind, the reviewing case's type and state with their labels, its unit and dates —
 * no other field (fazhi_reviews_of checks that the reader may see the reviewed case).
 */
async function reviewsOf(deps: CaseDeps, w: WorkTx, c: CaseView, seen: Set<number>) {
  const { rows } = await sql<{
    kind: string;
    review_region: string;
    review_id: string | number;
    review_type: string;
    state: string;
    unit_id: string | number;
    unit_name: string | null;
    opened_on: string;
    closed_on: string | null;
  }>`select r.*, u.name_zh as unit_name from fazhi_reviews_of(${c.regionCode}, ${c.id}) r
       left join unit u on u.id = r.unit_id order by r.review_id`.execute(w.trx);
  return rows
    .filter((r) => !seen.has(Number(r.review_id)))
    .map((r) => {
      const d = deps.registry.caseType(r.review_type);
      return {
        kind: r.kind,
        kindLabel: linkLabel(deps, r.kind),
        caseType: r.review_type,
        caseTypeLabel: d?.label ?? { zh: r.review_type, en: r.review_type },
        state: r.state,
        stateLabel: d?.states[r.state]?.label ?? { zh: r.state, en: r.state },
        concluded: r.closed_on !== null,
        unitId: Number(r.unit_id),
        unitName: r.unit_name,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
      };
    });
}

/** The target transition a follow-up names, if it allows being taken through `link`. */
export function followUpTarget(
  target: AnyCaseType,
  action: string,
  link: string,
): TransitionDecl | undefined {
  const tt = target.transitions.find((x) => x.action === action);
  return tt?.viaLink?.includes(link) ? tt : undefined;
}

/**
 * After a step: its declared follow-ups on the linked cases (links of the kind in the
 * declared direction, out-going by default), each through fazhi_linked_step. A target in another state is left alone and
 * that is reported on this case's step.
 */
export async function takeFollowUps(
  deps: CaseDeps,
  w: WorkTx,
  decl: AnyCaseType,
  t0: TransitionDecl,
  next: CaseView,
  ctx: GuardContext,
  onDate: LocalDate,
  reason: string | null,
): Promise<{ caseId: number; action: string; applied: boolean }[]> {
  const out: { caseId: number; action: string; applied: boolean }[] = [];
  for (const f of t0.followUps ?? []) {
    if (f.when && !f.when(ctx)) continue;
    const { rows } = await sql<{
      kind: string;
      direction: string;
      other_region: string;
      other_id: string | number;
      other_type: string;
    }>`select * from fazhi_linked_cases(${next.regionCode}, ${next.id})`.execute(w.trx);
    const direction = f.direction ?? "out";
    for (const l of rows.filter((r) => r.kind === f.link && r.direction === direction)) {
      const target = deps.registry.caseType(l.other_type);
      const tt = target ? followUpTarget(target, f.action, f.link) : undefined;
      if (!target || !tt) {
        throw new Error(
          `case type ${decl.code}: follow-up ${f.action} via ${f.link} is not allowed on ${l.other_type}`,
        );
      }
      const terminal = target.states[tt.to]?.terminal === true;
      const input = tt.input
        ? (parseWith(tt.input, f.input ? f.input(ctx) : {}, "followUp.input") as Record<
            string,
            unknown
          >)
        : {};
      const data = {
        via: { kind: f.link, caseId: next.id, caseType: next.caseType, action: t0.action },
        input,
      };
      const { rows: r } = await sql<{ v: number }>`select fazhi_linked_step(${next.regionCode},
          ${next.id}, ${l.other_region}, ${l.other_id}, ${[...tt.from]}::text[], ${tt.to},
          ${terminal}, ${onDate}::date, ${w.now}, ${w.actor.userId}, ${w.actor.unitId},
          ${w.actor.displayName}, ${tt.action}, ${JSON.stringify(data)}::jsonb, ${reason}) as v`.execute(
        w.trx,
      );
      const version = Number(r[0]?.v ?? 0);
      const targetId = Number(l.other_id);
      out.push({ caseId: targetId, action: tt.action, applied: version > 0 });
      if (version === 0) continue;
      // The target's own clocks that this step starts or stops (checked through the link).
      for (const clock of target.clocks ?? []) {
        const starts = clock.startOn.action === tt.action && !clock.startOn.viaLink;
        const stops = clock.stopOn.some((s) => s.action === tt.action && !s.viaLink);
        for (const start of [starts ? true : undefined, stops ? false : undefined]) {
          if (start === undefined) continue;
          await sql`select fazhi_linked_clock(${next.regionCode}, ${next.id}, ${l.other_region},
              ${targetId}, ${clock.code}, ${onDate}::date, ${start}, ${clock.restartable === true})`.execute(
            w.trx,
          );
        }
      }
      // The audit event goes on the target's chain where the actor's scope reaches its
      // region; otherwise (a city reviewing a district) on this case's, naming the target.
      const onTarget = w.actor.regions.includes(l.other_region);
      await w.audit({
        regionCode: onTarget ? l.other_region : next.regionCode,
        action: `case.${target.code}.${tt.action}`,
        entityType: "case",
        entityId: onTarget ? targetId : next.id,
        after: { state: tt.to, version, target: targetId, ...data },
        reason,
      });
    }
  }
  return out;
}
