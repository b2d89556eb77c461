/**
 * What intake shares between an application and a joint matter: the applicant, the
 * catalogue item looked up from the register, the day the application counts as
 * accepted (行政许可法 第三十二条), and the credit check (`credit.check`, answered by the
 * supervision module when it is loaded).
 */
import { sql } from "kysely";
import { z } from "zod";
import type { GuardContext, GuardRefusal } from "../../engines/case/index.ts";
import { zUscc } from "../../kernel/codes/uscc.ts";
import { t } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import type { LocalDate } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import { ITEM_REGISTER, L, labelledEnum, PARTY_KIND_LABELS } from "./common.ts";
import type { ItemData } from "./registers.ts";
import { S_REFUSE_BLACK_LISTED } from "./settings.ts";

/** 第三十二条第一款第（四）项: the notice to complete materials, within five (working) days. */
export const COMPLETION_NOTICE_WORKING_DAYS = 5;
export const COMPLETION_BASIS =
  "《中华人民共和国行政许可法》第三十二条第一款第（四）项、第八十二条";

export const Applicant = L(
  z
    .object({
      kind: labelledEnum(PARTY_KIND_LABELS, "申请人类型", "Kind"),
      name: L(z.string().trim().min(1, "required").max(200), "姓名或名称", "Name"),
      uscc: L(zUscc.optional(), "统一社会信用代码", "Unified social credit code"),
      idNumber: L(z.string().trim().max(18).optional(), "身份证号", "ID number"),
      phone: L(z.string().trim().max(20).optional(), "联系电话", "Phone"),
    })
    .superRefine((a, ctx) => {
      if (a.kind === "legal_person" && !a.uscc) {
        ctx.addIssue({
          code: "custom",
          path: ["uscc"],
          message: zt("法人或其他组织须填写统一社会信用代码", "a legal person's credit code"),
        });
      }
    }),
  "申请人",
  "Applicant",
);
export type ApplicantData = z.infer<typeof Applicant>;

/** The item of the catalogue by code, in the case's region. */
export async function findItem(
  w: WorkTx,
  regionCode: string,
  code: string,
): Promise<(ItemData & { unitId: number }) | undefined> {
  const row = await w.trx
    .selectFrom("register_entry")
    .select(["data", "unit_id"])
    .where("region_code", "=", regionCode)
    .where("register", "=", ITEM_REGISTER)
    .where(sql<string>`data ->> 'code'`, "=", code)
    .executeTakeFirst();
  return row ? { ...(row.data as ItemData), unitId: Number(row.unit_id) } : undefined;
}

/** The unit code of a unit id. */
export async function unitCodeOf(w: WorkTx, unitId: number): Promise<string | undefined> {
  const r = await w.trx
    .selectFrom("unit")
    .select("code")
    .where("id", "=", unitId)
    .executeTakeFirst();
  return r?.code;
}

/** The item exists, is listed on the day, and this unit implements it. */
export async function itemRefusal(
  ctx: GuardContext<{ itemCode: string }>,
): Promise<GuardRefusal | undefined> {
  const item = await findItem(ctx.w, ctx.case.regionCode, ctx.case.fields.itemCode);
  if (!item || (item.delistedOn && item.delistedOn <= ctx.onDate)) {
    return {
      message: t(
        `政务服务事项目录中没有事项“${ctx.case.fields.itemCode}”`,
        `the catalogue has no item "${ctx.case.fields.itemCode}"`,
      ),
    };
  }
  const own = await unitCodeOf(ctx.w, ctx.case.unitId);
  if (own !== item.unitCode) {
    return {
      message: t(
        `事项“${item.name}”的实施单位不是本单位（第二十二条：由具有行政许可权的行政机关在其法定职权范围内实施）`,
        `this unit does not implement "${item.name}" (art. 22)`,
      ),
    };
  }
  return undefined;
}

/**
 * The day the application counts as accepted, 第三十二条: after a timely notice to
 * complete the materials, the day it is accepted (the materials complete); with no
 * notice within five working days of receipt, the day the materials were received —
 * 逾期不告知的，自收到申请材料之日起即为受理; otherwise the day of acceptance.
 */
export function acceptedFrom(ctx: GuardContext): { date: LocalDate; deemed: boolean } {
  const noticeGiven = ctx.history.some((e) => e.action === "notify_completion");
  if (noticeGiven) return { date: ctx.onDate, deemed: false };
  const waited = ctx.calendar.countWorkingDays(ctx.case.openedOn, ctx.onDate);
  if (waited > COMPLETION_NOTICE_WORKING_DAYS) return { date: ctx.case.openedOn, deemed: true };
  return { date: ctx.onDate, deemed: false };
}

/** Refuses a completion notice after the five working days (the application is accepted by law). */
export function completionNoticeInTime(ctx: GuardContext): GuardRefusal | undefined {
  const waited = ctx.calendar.countWorkingDays(ctx.case.openedOn, ctx.onDate);
  if (waited <= COMPLETION_NOTICE_WORKING_DAYS) return undefined;
  return {
    message: t(
      `收到申请材料已逾${COMPLETION_NOTICE_WORKING_DAYS}个工作日（${waited}个工作日）未告知补正，依照《中华人民共和国行政许可法》第三十二条第一款第（四）项，自收到申请材料之日起即为受理，不得再告知补正`,
      `more than ${COMPLETION_NOTICE_WORKING_DAYS} working days (${waited}) since the materials were received without a notice: the application counts as accepted from that day (art. 32(1)(4)); no completion notice any more`,
    ),
  };
}

/** The credit check's answer (supervision's `credit.check`). */
interface CreditAnswer {
  lists: { list: "red" | "black"; basis: string; validFrom: string; validTo: string }[];
  records: number;
}

/** What the intake records of the credit check. */
export interface CreditResult {
  checked: boolean;
  blackListed: boolean;
  redListed: boolean;
  lists: string[];
  records: number;
}

export async function creditOf(
  ctx: GuardContext<{ applicant: ApplicantData }>,
): Promise<CreditResult> {
  const uscc = ctx.case.fields.applicant?.uscc;
  const none: CreditResult = {
    checked: false,
    blackListed: false,
    redListed: false,
    lists: [],
    records: 0,
  };
  if (!uscc) return none;
  const a = await ctx.ask<CreditAnswer>("credit.check", { uscc });
  if (!a) return none;
  return {
    checked: true,
    blackListed: a.lists.some((l) => l.list === "black"),
    redListed: a.lists.some((l) => l.list === "red"),
    lists: a.lists.map(
      (l) =>
        `${l.list === "black" ? "严重失信主体名单" : "守信激励名单"}（${l.basis}，${l.validFrom}至${l.validTo}）`,
    ),
    records: a.records,
  };
}

/** Refuses intake of a black-listed applicant only where the local setting says so. */
export async function creditRefusal(
  ctx: GuardContext<{ applicant: ApplicantData }>,
): Promise<GuardRefusal | undefined> {
  if (!ctx.settings<boolean>(S_REFUSE_BLACK_LISTED)) return undefined;
  const c = await creditOf(ctx);
  return c.blackListed
    ? {
        message: t(
          `申请人在严重失信主体名单上，按本地设置不予受理：${c.lists.join("；")}`,
          "the applicant is black-listed; the local setting refuses intake",
        ),
      }
    : undefined;
}

export const CreditDerived = L(
  z.object({
    checked: L(z.boolean(), "已核查", "Checked"),
    blackListed: L(z.boolean(), "严重失信主体名单", "Black-listed"),
    redListed: L(z.boolean(), "守信激励名单", "Red-listed"),
    lists: L(z.array(z.string()), "名单", "Lists"),
    records: L(z.number(), "公示信用记录数", "Public credit records"),
  }),
  "信用核查结果",
  "Credit check",
);
