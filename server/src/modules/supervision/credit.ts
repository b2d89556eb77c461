/**
 * Credit lists (红黑名单) and credit repair (信用修复).
 *
 * 国办发〔2020〕49号: a list entry rests on a law, an administrative regulation or a
 * central (党中央、国务院) policy document, cited directly; no department adds or extends
 * lists; the subject is told before it is listed and may state and defend its case
 * (陈述申辩); entries have a period and a way out; repair is available except where law
 * or policy bars it. The red list (守信激励) needs no hearing.
 *
 * credit_listing: proposed ─notify→ notified ─list→ listed ─remove→ removed
 *                 (red: proposed ─list→ listed); notified ─drop→ dropped.
 * credit_repair:  applied ─approve→ repaired | ─refuse→ refused; approval takes the
 *                 record off public view (repairedOn) and keeps it.
 */
import { sql } from "kysely";
import { z } from "zod";
import type { CaseTypeDecl, GuardContext } from "../../engines/case/index.ts";
import { updateEntry } from "../../engines/register/index.ts";
import { zUscc } from "../../kernel/codes/uscc.ts";
import { t } from "../../kernel/errors.ts";
import {
  addMonthsClamped,
  addPeriod,
  compareLocalDate,
  type LocalDate,
} from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import { L, labelledEnum, MODULE, type Severity } from "./common.ts";
import { creditRulesAt } from "./credit-rules.ts";
import { CREDIT_KIND_LABELS, type CreditData, creditRegister } from "./registers.ts";
import { S_REPAIR_MIN, S_STATEMENT_DAYS } from "./settings.ts";

const BASIS_49 = "国办发〔2020〕49号";

const LIST_LABELS = {
  red: { zh: "守信激励（红名单）", en: "Red list" },
  black: { zh: "严重失信主体名单（黑名单）", en: "Black list" },
} as const;

const BASIS_KIND_LABELS = {
  law: { zh: "法律", en: "Law" },
  regulation: { zh: "行政法规", en: "Administrative regulation" },
  central_policy: { zh: "党中央、国务院政策文件", en: "Central policy document" },
} as const;

export const ListingFields = z.object({
  uscc: L(zUscc, "统一社会信用代码", "Unified social credit code"),
  subjectName: L(z.string().trim().min(1).max(200), "主体名称", "Subject"),
  list: labelledEnum(LIST_LABELS, "名单", "List"),
  basisKind: labelledEnum(BASIS_KIND_LABELS, "认定依据类别", "Kind of basis"),
  basis: L(z.string().trim().min(4).max(1000), "认定依据（条款）", "Basis (clause)"),
  facts: L(z.string().trim().min(1).max(5000), "事实", "Facts"),
  periodMonths: L(z.number().int().min(1).max(60), "有效期（月）", "Period (months)"),
});

export interface ListingCase extends z.infer<typeof ListingFields> {
  validFrom?: string;
  validTo?: string;
  statementHandling?: string;
  removalReason?: string;
}

function notifiedOn(ctx: GuardContext<ListingCase>): LocalDate | undefined {
  const e = [...ctx.history].reverse().find((h) => h.action === "notify");
  return e?.onDate;
}

export const listingCaseType: CaseTypeDecl<ListingCase> = {
  code: "credit_listing",
  label: { zh: "信用名单认定", en: "Credit list entry" },
  module: MODULE,
  fields: ListingFields,
  title: (f) => `${LIST_LABELS[f.list].zh}：${f.subjectName}`,
  states: {
    proposed: { label: { zh: "拟列入", en: "Proposed" } },
    notified: { label: { zh: "已告知待陈述申辩", en: "Notified, hearing the subject" } },
    listed: { label: { zh: "已列入", en: "Listed" } },
    dropped: { label: { zh: "不予列入", en: "Not listed" }, terminal: true },
    removed: { label: { zh: "已移出", en: "Removed" }, terminal: true },
  },
  initial: "proposed",
  stepFields: ["validFrom", "validTo"],
  reads: { settings: [S_STATEMENT_DAYS] },
  transitions: [
    {
      action: "notify",
      label: { zh: "告知拟列入", en: "Notify the subject" },
      from: ["proposed"],
      to: "notified",
      input: z.object({
        notice: L(z.string().trim().min(1).max(2000), "告知内容", "Notice"),
      }),
    },
    {
      action: "list",
      label: { zh: "列入名单", en: "List" },
      from: ["proposed", "notified"],
      to: "listed",
      input: z.object({
        statementReceived: L(z.boolean(), "当事人提出陈述申辩", "The subject stated its case"),
        statementHandling: L(
          z.string().trim().max(2000).optional(),
          "陈述申辩的采纳情况",
          "How the statement was handled",
        ),
      }),
      setsFields: ["statementHandling"],
      reads: { settings: [S_STATEMENT_DAYS] },
      guards: [
        (ctx) =>
          ctx.case.fields.list === "black" && ctx.case.state === "proposed"
            ? {
                message: t(
                  `列入严重失信主体名单前应当告知当事人并听取陈述申辩（${BASIS_49}）`,
                  `the subject is notified and heard before black-listing (${BASIS_49})`,
                ),
              }
            : undefined,
        (ctx) => {
          if (ctx.case.state !== "notified") return undefined;
          if (ctx.input.statementReceived === true) {
            return ctx.input.statementHandling
              ? undefined
              : {
                  field: "statementHandling",
                  message: t(
                    "当事人提出陈述申辩的，应当记录采纳情况",
                    "record how the statement was handled",
                  ),
                };
          }
          const from = notifiedOn(ctx);
          if (!from) return undefined;
          const days = ctx.settings<number>(S_STATEMENT_DAYS);
          const due = addPeriod(ctx.calendar, from, { n: days, unit: "working_day" });
          return compareLocalDate(ctx.onDate, due.due) > 0
            ? undefined
            : {
                message: t(
                  `陈述申辩期至 ${due.due} 届满，期满后方可列入（${BASIS_49}）`,
                  `the subject may state its case until ${due.due} (${BASIS_49})`,
                ),
              };
        },
      ],
      derive: (ctx) => ({
        validFrom: ctx.onDate,
        validTo: addMonthsClamped(ctx.onDate, ctx.case.fields.periodMonths),
      }),
    },
    {
      action: "drop",
      label: { zh: "不予列入", en: "Do not list" },
      from: ["proposed", "notified"],
      to: "dropped",
      input: z.object({ reason: L(z.string().trim().min(1).max(2000), "理由", "Reason") }),
    },
    {
      action: "remove",
      label: { zh: "移出名单", en: "Remove from the list" },
      from: ["listed"],
      to: "removed",
      input: z.object({
        removalReason: L(z.string().trim().min(1).max(2000), "移出理由", "Reason"),
      }),
      setsFields: ["removalReason"],
      sensitive: true,
    },
  ],
  clocks: [
    {
      code: "statement",
      label: { zh: "陈述申辩期", en: "Time to state its case" },
      period: (_c, s) => ({ n: s<number>(S_STATEMENT_DAYS), unit: "working_day" }),
      legalBasis: `${BASIS_49}（告知并听取陈述申辩；期间为本系统设置）`,
      startOn: { action: "notify" },
      stopOn: [{ action: "list" }, { action: "drop" }],
    },
  ],
  public: (c) =>
    c.state === "listed"
      ? {
          subjectName: c.fields.subjectName,
          uscc: c.fields.uscc,
          list: LIST_LABELS[c.fields.list].zh,
          basis: c.fields.basis,
          validFrom: c.fields.validFrom,
          validTo: c.fields.validTo,
        }
      : undefined,
  publicStates: ["listed"],
  // Every listed record is shown (the projection's condition): the portal pages in SQL.
  publicFilter: (eb) => eb.lit(true),
  publicLabels: {
    subjectName: { zh: "主体名称", en: "Subject" },
    uscc: { zh: "统一社会信用代码", en: "Credit code" },
    list: { zh: "名单", en: "List" },
    basis: { zh: "认定依据", en: "Basis" },
    validFrom: { zh: "列入日期", en: "Listed on" },
    validTo: { zh: "有效期至", en: "Until" },
  },
};

// ─────────────────────────────────────────────────────────────── credit repair

export const RepairFields = z.object({
  uscc: L(zUscc, "统一社会信用代码", "Unified social credit code"),
  creditKind: labelledEnum(CREDIT_KIND_LABELS, "信息类别", "Kind"),
  decisionNo: L(z.string().trim().min(1).max(100), "决定文书号", "Decision number"),
  measures: L(
    z.string().trim().min(1).max(5000),
    "纠正失信行为、履行义务情况",
    "Correction and obligations fulfilled",
  ),
});

export interface RepairCase extends z.infer<typeof RepairFields> {
  minimumUntil?: string;
  rules?: string;
}

async function recordOf(
  w: WorkTx,
  regionCode: string,
  f: { uscc: string; creditKind: string; decisionNo: string },
): Promise<{ id: number; version: number; data: CreditData } | undefined> {
  const r = await w.trx
    .selectFrom("register_entry")
    .select(["id", "version", "data"])
    .where("region_code", "=", regionCode)
    .where("register", "=", creditRegister.code)
    .where(sql<string>`data ->> 'kind'`, "=", f.creditKind)
    .where(sql<string>`data ->> 'decisionNo'`, "=", f.decisionNo)
    .where(sql<string>`data ->> 'uscc'`, "=", f.uscc)
    .executeTakeFirst();
  return r
    ? { id: Number(r.id), version: Number(r.version), data: r.data as CreditData }
    : undefined;
}

/** The minimum publication period for a severity on a day: the setting, else the rules in force. */
export function minimumMonths(
  override: Record<Severity, number> | null,
  severity: Severity,
  day: string,
): { months: number; basis: string } {
  if (override) return { months: override[severity], basis: "本地设置" };
  const r = creditRulesAt(day);
  return { months: r.rules.minMonths[severity], basis: r.law };
}

export const repairCaseType: CaseTypeDecl<RepairCase> = {
  code: "credit_repair",
  label: { zh: "信用修复", en: "Credit repair" },
  module: MODULE,
  fields: RepairFields,
  title: (f) => `信用修复：${f.decisionNo}`,
  states: {
    applied: { label: { zh: "已申请", en: "Applied" } },
    repaired: { label: { zh: "已修复", en: "Repaired" }, terminal: true },
    refused: { label: { zh: "不予修复", en: "Refused" }, terminal: true },
  },
  initial: "applied",
  stepFields: ["minimumUntil", "rules"],
  reads: { settings: [S_REPAIR_MIN], registers: [creditRegister.code] },
  transitions: [
    {
      action: "approve",
      label: { zh: "决定修复", en: "Approve the repair" },
      from: ["applied"],
      to: "repaired",
      reads: { settings: [S_REPAIR_MIN], registers: [creditRegister.code] },
      guards: [
        async (ctx) => {
          const rec = await recordOf(ctx.w, ctx.case.regionCode, ctx.case.fields);
          if (!rec) {
            return { message: t("未找到对应的信用记录", "no such credit record") };
          }
          if (rec.data.withdrawn || rec.data.repairedOn) {
            return {
              message: t("该信用记录已撤回或已修复", "the record is withdrawn or repaired already"),
            };
          }
          const min = minimumMonths(
            ctx.settings<Record<Severity, number> | null>(S_REPAIR_MIN),
            rec.data.severity,
            ctx.case.openedOn,
          );
          const until = addMonthsClamped(rec.data.decisionDate as LocalDate, min.months);
          return compareLocalDate(ctx.onDate, until) >= 0
            ? undefined
            : {
                message: t(
                  `最短公示期（${min.months}个月，${min.basis}）至 ${until} 届满，届满前不予修复`,
                  `the minimum publication period (${min.months} months, ${min.basis}) runs until ${until}`,
                ),
              };
        },
      ],
      derive: async (ctx) => {
        const rec = await recordOf(ctx.w, ctx.case.regionCode, ctx.case.fields);
        const min = minimumMonths(
          ctx.settings<Record<Severity, number> | null>(S_REPAIR_MIN),
          rec?.data.severity ?? "general",
          ctx.case.openedOn,
        );
        return {
          rules: min.basis,
          minimumUntil: addMonthsClamped(rec?.data.decisionDate as LocalDate, min.months),
        };
      },
      effect: async (ctx) => {
        const rec = await recordOf(ctx.w, ctx.case.regionCode, ctx.case.fields);
        if (!rec) return;
        await updateEntry(ctx.w, creditRegister, rec.id, {
          version: rec.version,
          data: { ...rec.data, repairedOn: ctx.onDate },
          reason: `信用修复：${ctx.case.fields.decisionNo}`,
        });
      },
    },
    {
      action: "refuse",
      label: { zh: "不予修复", en: "Refuse" },
      from: ["applied"],
      to: "refused",
      input: z.object({ reason: L(z.string().trim().min(1).max(2000), "理由", "Reason") }),
    },
  ],
};

// ─────────────────────────────────────────────────────────────── credit check

export interface CreditCheck {
  uscc: string;
  onDate: string;
  /** Current list entries. */
  lists: { list: "red" | "black"; basis: string; validFrom: string; validTo: string }[];
  /** Public credit records (双公示) not withdrawn nor repaired. */
  records: number;
}

/**
 * The credit check other modules call (licensing intake, purchases of services): the
 * subject's list entries in force on the day, and its public credit records.
 */
export async function creditCheck(
  w: WorkTx,
  regionCode: string,
  uscc: string,
  onDate: string,
): Promise<CreditCheck> {
  const rows = await w.trx
    .selectFrom("case_file")
    .select("fields")
    .where("region_code", "=", regionCode)
    .where("case_type", "=", "credit_listing")
    .where("state", "=", "listed")
    .where(sql<string>`fields ->> 'uscc'`, "=", uscc)
    .where(sql<string>`fields ->> 'validFrom'`, "<=", onDate)
    .where(sql<string>`fields ->> 'validTo'`, ">=", onDate)
    .execute();
  const recs = await w.trx
    .selectFrom("register_entry")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("region_code", "=", regionCode)
    .where("register", "=", creditRegister.code)
    .where(sql<string>`data ->> 'uscc'`, "=", uscc)
    .where(sql<boolean>`coalesce((data ->> 'withdrawn')::boolean, false)`, "=", false)
    .where(sql<string>`data ->> 'repairedOn'`, "is", null)
    .executeTakeFirst();
  return {
    uscc,
    onDate,
    lists: rows.map((r) => {
      const f = r.fields as ListingCase;
      return { list: f.list, basis: f.basis, validFrom: f.validFrom!, validTo: f.validTo! };
    }),
    records: recs?.n ?? 0,
  };
}
