import { z } from "zod";
import { basisText, citeEn, citeShown } from "../../kernel/citation.ts";
import {
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  t,
  ValidationError,
} from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import { compareLocalDate, type LocalDate } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseView } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { isOwner, recordCaseEvent } from "./record.ts";
import { caseTypeOf } from "./service.ts";
import { bumpVersion, lastStepDate, loadCase, loadHistory } from "./store.ts";
import { parseWith, requirePermission, stepDate } from "./validate.ts";

/** The clock operations: suspend, resume, extend (each a versioned change of the case). */

export function ownerOnly(w: WorkTx, c: CaseView) {
  if (!isOwner(w, c))
    throw new ForbiddenError(
      t("仅案件所属单位可以进行此操作", "only the unit that owns the case may do this"),
    );
}

export async function lockForChange(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  version: number,
) {
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.write", t("变更案件", "changing a case"));
  const c = await loadCase(w.trx, id, { caseType: decl.code, lock: true });
  if (c.version !== version)
    throw new ConflictError(
      t(
        `案件 ${id} 已被他人修改，请刷新后重试`,
        `case ${id} was changed by someone else; reload it`,
      ),
    );
  ownerOnly(w, c);
  if (c.closedOn) throw new InvalidStateError(t(`案件 ${id} 已办结`, `case ${id} is closed`));
  const lastDate = lastStepDate(await loadHistory(w.trx, c));
  return { decl, c, lastDate, bump: () => bumpVersion(w.trx, c, version, {}, w.now) };
}

/** The case's open suspension, if it is suspended. */
export async function openSuspension(w: WorkTx, c: Pick<CaseView, "regionCode" | "id">) {
  return w.trx
    .selectFrom("case_suspension")
    .selectAll()
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("to_date", "is", null)
    .executeTakeFirst();
}

export const Version = z.number().int().positive();
const SuspendBody = z.object({
  version: Version,
  /** The clocks to stop (default: every suspendable clock that is running). */
  clocks: z.array(z.string()).optional(),
  /** One clock (the form's older shape). */
  clock: z.string().optional(),
  reason: z.string().trim().min(1, zt("须填写理由", "a reason is required")),
  onDate: z.string().optional(),
});

/**
 * Suspend (中止): the named clocks stop — only clocks the case type declares
 * suspendable, and only running ones (a suspension never changes a stopped clock). The
 * case is suspended until resumed: steps not declared `allowedWhileSuspended` are refused.
 */
export async function suspendCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const b = parseWith(SuspendBody, body, "");
  const { decl, c, lastDate, bump } = await lockForChange(deps, w, caseType, id, b.version);
  if (!decl.suspension)
    throw new InvalidStateError(
      t(`${decl.label.zh}不能中止`, `a ${decl.label.en} cannot be suspended`),
    );
  const allowed = decl.suspension.clocks;
  const suspendable = (code: string) =>
    allowed === "all" ? Boolean(decl.clocks?.some((k) => k.code === code)) : allowed.includes(code);
  const named = b.clocks ?? (b.clock ? [b.clock] : undefined);
  const bad = (named ?? []).flatMap((k, i) => (suspendable(k) ? [] : [{ k, i }]));
  if (bad.length > 0) {
    const list = allowed === "all" ? (decl.clocks ?? []).map((k) => k.code) : allowed;
    throw new ValidationError(
      t(
        `以下期限不得中止：${bad.map((x) => x.k).join("、")}`,
        `these clocks cannot be suspended: ${bad.map((x) => x.k).join(", ")}`,
      ),
      bad.map((x) => ({
        field: b.clocks ? `clocks.${x.i}` : "clock",
        message: t(
          `可以中止的期限：${list.join("、") || "（无）"}（依据${citeShown(decl.suspension?.legalBasis ?? "")}）`,
          `one of ${list.join(", ") || "(none)"} (${citeEn(decl.suspension?.legalBasis ?? "")})`,
        ),
      })),
    );
  }
  if (await openSuspension(w, c))
    throw new InvalidStateError(t(`案件 ${id} 已处于中止状态`, `case ${id} is already suspended`));
  const onDate = stepDate(w, b.onDate, lastDate, c.openedOn);
  const running = await w.trx
    .selectFrom("case_clock")
    .select(["id", "clock", "started_on"])
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("stopped_on", "is", null)
    .execute();
  const targets = running.filter(
    (k) => suspendable(k.clock) && (named === undefined || named.includes(k.clock)),
  );
  if (named) {
    const notRunning = named.flatMap((k, i) =>
      targets.some((x) => x.clock === k) ? [] : [{ k, i }],
    );
    if (notRunning.length > 0) {
      throw new ValidationError(
        t(
          `以下期限未在计算中，无从中止：${notRunning.map((x) => x.k).join("、")}`,
          `these clocks are not running, so there is nothing to suspend: ${notRunning.map((x) => x.k).join(", ")}`,
        ),
        notRunning.map((x) => ({
          field: b.clocks ? `clocks.${x.i}` : "clock",
          message: t("未开始或已停止", "not started or already stopped"),
        })),
      );
    }
  }
  const early = targets.find((k) => compareLocalDate(onDate, k.started_on as LocalDate) < 0);
  if (early) {
    throw new ValidationError(
      t("中止日期早于期限起算日", "the suspension starts before the clock"),
      [
        {
          field: "onDate",
          message: t(`不得早于 ${early.started_on}`, `on or after ${early.started_on}`),
        },
      ],
    );
  }
  const s = await w.trx
    .insertInto("case_suspension")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      clock: named?.length === 1 ? named[0]! : null,
      from_date: onDate,
      to_date: null,
      reason: b.reason,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (targets.length > 0) {
    await w.trx
      .insertInto("case_suspension_clock")
      .values(
        targets.map((k) => ({
          region_code: c.regionCode,
          case_id: c.id,
          suspension_id: s.id,
          clock_id: k.id,
        })),
      )
      .execute();
  }
  await bump();
  await recordCaseEvent(
    w,
    decl.code,
    c,
    {
      kind: "suspend",
      action: "suspend",
      onDate,
      reason: b.reason,
      data: {
        clocks: targets.map((k) => k.clock),
        clock: named?.length === 1 ? named[0] : null,
        legalBasis: basisText(decl.suspension.legalBasis),
      },
    },
    { reasonRequired: true },
  );
}

const ResumeBody = z.object({ version: Version, onDate: z.string().optional() });

export async function resumeCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const b = parseWith(ResumeBody, body, "");
  const { decl, c, lastDate, bump } = await lockForChange(deps, w, caseType, id, b.version);
  const open = await openSuspension(w, c);
  if (!open) throw new InvalidStateError(t(`案件 ${id} 未中止`, `case ${id} is not suspended`));
  const onDate = stepDate(w, b.onDate, lastDate, c.openedOn);
  if (compareLocalDate(onDate, open.from_date as LocalDate) < 0) {
    throw new ValidationError(
      t("恢复日期不得早于中止日期", "cannot resume before the suspension began"),
      [
        {
          field: "onDate",
          message: t(`不得早于 ${open.from_date}`, `on or after ${open.from_date}`),
        },
      ],
    );
  }
  await w.trx
    .updateTable("case_suspension")
    .set({ to_date: onDate })
    .where("region_code", "=", c.regionCode)
    .where("id", "=", open.id)
    .execute();
  await bump();
  await recordCaseEvent(w, decl.code, c, {
    kind: "resume",
    action: "resume",
    onDate,
    data: { suspendedFrom: open.from_date, resumedOn: onDate },
  });
}

/**
 * Whether a step may be taken now: refused while the case is suspended, unless declared.
 * `known`: the case's open suspension (or null) when already read with the case.
 */
export async function refuseWhileSuspended(
  w: WorkTx,
  c: CaseView,
  step: { allowedWhileSuspended?: boolean; label: { zh: string; en: string } },
  known?: { from_date: string } | null,
) {
  if (step.allowedWhileSuspended) return;
  const open = known !== undefined ? known : await openSuspension(w, c);
  if (open) {
    throw new InvalidStateError(
      t(
        `案件自 ${open.from_date} 起中止，恢复前不得${step.label.zh}`,
        `the case is suspended since ${open.from_date}: resume it before "${step.label.en}"`,
      ),
    );
  }
}
