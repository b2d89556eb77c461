import { z } from "zod";
import { basisText, citeEn, citeShown } from "../../kernel/citation.ts";
import { InvalidStateError, t, ValidationError } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import {
  compareLocalDate,
  formatPeriod,
  type Period,
  parsePeriod,
} from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import { settingsFor } from "../settings.ts";
import { computeCaseClocks } from "./clocks.ts";
import type { CaseDeps } from "./deps.ts";
import { lockForChange, Version } from "./ops.ts";
import { recordCaseEvent } from "./record.ts";
import { parseWith, requirePermission, stepDate } from "./validate.ts";

const ExtendBody = z.object({
  version: Version,
  clock: z.string(),
  period: z.string(),
  reason: z.string().trim().min(1, zt("须填写理由", "a reason is required")),
  /** The notice of the extension to the party (行政许可法 art. 42: 将延长期限的理由告知申请人). */
  notice: z.object({
    on: z.string(),
    text: z.string().trim().min(1, zt("须填写告知内容", "the text of the notice")).max(2000),
  }),
  onDate: z.string().optional(),
});

const samePeriodUnit = (a: Period, b: Period) => a.unit === b.unit;

/**
 * Extend (延长) a clock with approval: the approving user is the one who asks (holding
 * the declared permission), with the reason and the notice to the party. At most
 * `maxCount` extensions, each at most `max`, together at most `maxTotal`; and only
 * while the clock runs — an extension after it ran out is refused.
 */
export async function extendCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const v = parseWith(z.object({ version: Version }), body, "");
  const { decl, c, lastDate, bump } = await lockForChange(deps, w, caseType, id, v.version);
  const b = parseWith(ExtendBody, body, "");
  const rule = decl.extensions?.find((e) => e.clock === b.clock);
  if (!rule) {
    throw new ValidationError(
      t(`期限 ${b.clock} 不得延长`, `clock ${b.clock} cannot be extended`),
      [
        {
          field: "clock",
          message: t("该期限没有延长的规定", "no extension is provided for this clock"),
        },
      ],
    );
  }
  const permission = rule.permission ?? "unit.lead";
  requirePermission(w, permission, t("批准延长期限", "approving an extension"));
  const period = parsePeriod(b.period, "period");
  if (!samePeriodUnit(period, rule.max) || period.n > rule.max.n) {
    throw new ValidationError(
      t(
        `每次最长延长 ${formatPeriod(rule.max)}（依据${citeShown(rule.legalBasis)}）`,
        `at most ${formatPeriod(rule.max)} (${citeEn(rule.legalBasis)})`,
      ),
      [
        {
          field: "period",
          message: t(`最长 ${formatPeriod(rule.max)}`, `at most ${formatPeriod(rule.max)}`),
        },
      ],
    );
  }
  const onDate = stepDate(w, b.onDate, lastDate, c.openedOn);
  const noticeOn = stepDate(w, b.notice.on, undefined, c.openedOn, "notice.on");
  const settings = await settingsFor(w.trx, deps.registry, c.regionCode, onDate);
  const calendar = await deps.calendar(w.trx);
  const clocks = await computeCaseClocks(w.trx, decl, c, calendar, onDate, settings);
  const cur = clocks.clocks.find((k) => k.clock === b.clock);
  if (!cur) {
    throw new InvalidStateError(
      t(`期限 ${b.clock} 尚未开始计算`, `clock ${b.clock} has not started`),
    );
  }
  if (cur.state === "stopped") {
    throw new InvalidStateError(t(`期限 ${b.clock} 已停止计算`, `clock ${b.clock} has stopped`));
  }
  if (cur.due && compareLocalDate(onDate, cur.due) > 0) {
    throw new InvalidStateError(
      t(
        `期限已于 ${cur.due} 届满，届满后不得延长（依据${citeShown(rule.legalBasis)}）`,
        `the clock ran out on ${cur.due}; it cannot be extended after it ran out (${citeEn(rule.legalBasis)})`,
      ),
    );
  }
  const maxCount = rule.maxCount ?? 1;
  if (cur.extensions.length >= maxCount) {
    throw new InvalidStateError(
      t(
        `期限 ${b.clock} 最多延长 ${maxCount} 次，已延长 ${cur.extensions.length} 次`,
        `clock ${b.clock} may be extended ${maxCount} time(s); it was extended ${cur.extensions.length}`,
      ),
    );
  }
  if (rule.maxTotal) {
    const total = cur.extensions.reduce((n, e) => n + parsePeriod(e.period).n, 0) + period.n;
    if (total > rule.maxTotal.n) {
      throw new ValidationError(
        t(
          `延长合计不得超过 ${formatPeriod(rule.maxTotal)}（依据${citeShown(rule.legalBasis)}）`,
          `extensions together may not exceed ${formatPeriod(rule.maxTotal)} (${citeEn(rule.legalBasis)})`,
        ),
        [
          {
            field: "period",
            message: t(
              `最多还可延长 ${rule.maxTotal.n - (total - period.n)}`,
              `at most ${rule.maxTotal.n - (total - period.n)} more`,
            ),
          },
        ],
      );
    }
  }
  const clockRow = await w.trx
    .selectFrom("case_clock")
    .select("id")
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("clock", "=", b.clock)
    .where("instance", "=", cur.instance)
    .executeTakeFirstOrThrow();
  const p = formatPeriod(period);
  await w.trx
    .insertInto("case_extension")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      clock: b.clock,
      clock_id: clockRow.id,
      period: p,
      basis: basisText(rule.legalBasis),
      approved_by: w.actor.displayName,
      approved_by_user_id: w.actor.userId,
      reason: b.reason,
      notice_on: noticeOn,
      notice_text: b.notice.text,
      on_date: onDate,
    })
    .execute();
  await bump();
  await recordCaseEvent(w, decl.code, c, {
    kind: "extend",
    action: "extend",
    onDate,
    reason: b.reason,
    data: {
      clock: b.clock,
      instance: cur.instance,
      period: p,
      approvedBy: w.actor.displayName,
      approvedByUserId: w.actor.userId,
      permission,
      notice: { on: noticeOn, text: b.notice.text },
      legalBasis: basisText(rule.legalBasis),
    },
  });
}
