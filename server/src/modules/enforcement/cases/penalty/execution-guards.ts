/**
 * Guards of service and execution (issue 10, faults 8, 9, 14): how the decision was
 * served, and when the body may apply to the court for enforcement.
 */
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import {
  addPeriod,
  compareLocalDate,
  type LocalDate,
  maxDate,
} from "../../../../kernel/time/index.ts";
import { COMPULSION } from "../rules.ts";
import { APPEAL, COURT_FORM_LABELS } from "./court-outcome.ts";
import { CHALLENGE, courtWindowEnd, proceedingsEndWhy, proceedingsOf } from "./execution.ts";
import type { Ctx } from "./fields.ts";

/** Electronic service needs the party's written consent; an announcement its reason. */
export const serviceMethodGuard = (ctx: Ctx) => {
  if (ctx.input.serviceMethod === "electronic" && ctx.input.electronicConsent !== true) {
    // 行政处罚法(2021) art. 61 para. 2: 当事人同意并签订确认书的，可以采用电子方式送达。
    const basis =
      "行政处罚法(2021) art. 61 para. 2: 当事人同意并签订确认书的，可以采用传真、电子邮件等方式送达";
    return {
      field: "electronicConsent",
      message: t(
        `电子送达须经当事人同意并签订确认书${basisZh(basis)}：请登记确认书，或改用其他送达方式`,
        `electronic service needs the party's written consent${basisEn(basis)}: record it, or serve another way`,
      ),
    };
  }
  if (
    ctx.input.serviceMethod === "announcement" &&
    !String(ctx.input.announcementReason ?? "").trim()
  ) {
    // 民事诉讼法(2021) art. 95 para. 2: 公告送达，应当在案卷中记明原因和经过。
    const basis =
      "民事诉讼法(2021) art. 95: 受送达人下落不明，或者用其他方式无法送达的，公告送达；应当在案卷中记明原因和经过";
    return {
      field: "announcementReason",
      message: t(
        `公告送达仅限受送达人下落不明或者以其他方式无法送达的情形，应当记明原因和经过${basisZh(basis)}`,
        `service by announcement is only for a party who cannot be found or served otherwise; record why and how${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
};

/** The court application: from the day after the 10th working day after the reminder. */
export const reminderWaitGuard = (ctx: Ctx) => {
  const f = ctx.case.fields;
  const tenth = addPeriod(
    ctx.calendar,
    f.reminderOn as LocalDate,
    COMPULSION.reminderWait.value,
  ).due;
  if (compareLocalDate(ctx.onDate, tenth) <= 0) {
    return {
      message: t(
        `催告书于 ${f.reminderOn} 送达，送达十日（工作日）届满为 ${tenth}：请在该日之后申请${basisZh(COMPULSION.reminderWait.basis)}`,
        `the reminder was served on ${f.reminderOn}; its ten working days end on ${tenth}: apply after that day${basisEn(COMPULSION.reminderWait.basis)}`,
      ),
    };
  }
  return undefined;
};

/**
 * The court window (行政强制法 art. 53): after the party's time to seek reconsideration and
 * to sue has run out (or, where the party did, after those proceedings ended) and within
 * three months of it; from the end of a deferral or instalments (行政处罚法 art. 72 para. 2).
 */
export const courtWindowGuard = async (ctx: Ctx) => {
  const f = ctx.case.fields;
  const proceedings = await proceedingsOf(ctx.w, ctx.case.regionCode, ctx.case.id);
  const pending = proceedings.find((p) => p.closedOn === null);
  if (pending) {
    return {
      message: t(
        `当事人已于 ${pending.openedOn} 申请行政复议或者提起行政诉讼，程序尚未终结：不得申请人民法院强制执行${basisZh(CHALLENGE.court.basis)}`,
        `the party applied for reconsideration or sued on ${pending.openedOn} and the proceedings are pending: the court cannot be asked yet${basisEn(CHALLENGE.court.basis)}`,
      ),
    };
  }
  const why = proceedingsEndWhy(ctx.calendar, proceedings, f.courtOutcomes);
  const ended = why?.end;
  const challengeEnd = f.challengeEndsOn as LocalDate;
  if (!ended && compareLocalDate(ctx.onDate, challengeEnd) <= 0) {
    const basis = `${CHALLENGE.reconsideration.basis}; ${CHALLENGE.litigation.basis}; ${CHALLENGE.court.basis}`;
    return {
      message: t(
        `当事人在 ${challengeEnd} 前仍可申请行政复议或者提起行政诉讼：请在该日之后申请人民法院强制执行${basisZh(basis)}`,
        `the party may still apply for reconsideration or sue until ${challengeEnd}: apply to the court after that day${basisEn(basis)}`,
      ),
    };
  }
  if (why?.by === "appeal" && compareLocalDate(ctx.onDate, why.end) <= 0) {
    // A first-instance judgment takes effect once the 15 days to appeal have passed, a
    // ruling once its 10 days have (art. 85); unrecorded, the longer period applies.
    const form = why.form ?? "judgment";
    const basis = `${why.form ? APPEAL[form].basis : CHALLENGE.appeal.basis}; ${CHALLENGE.court.basis}`;
    const zh = COURT_FORM_LABELS[form].zh;
    const en = form === "ruling" ? "ruling" : "judgment";
    return {
      message: t(
        `当事人在 ${why.end} 前仍可对第一审${zh}提起上诉，${zh}尚未发生法律效力：请在该日之后申请人民法院强制执行${basisZh(basis)}`,
        `the party may still appeal the first-instance ${en} until ${why.end}; it is not yet in force: apply to the court after that day${basisEn(basis)}`,
      ),
    };
  }
  if (why?.by === "reconsideration" && compareLocalDate(ctx.onDate, why.end) <= 0) {
    // After a reconsideration decision the party may still sue for 15 days (行政诉讼法 art. 45).
    const basis = `${CHALLENGE.suitAfterReconsideration.basis}; ${CHALLENGE.court.basis}`;
    return {
      message: t(
        `当事人在 ${ended} 前仍可对复议决定提起行政诉讼：请在该日之后申请人民法院强制执行${basisZh(basis)}`,
        `the party may still sue against the reconsideration decision until ${ended}: apply to the court after that day${basisEn(basis)}`,
      ),
    };
  }
  let from = ended ?? challengeEnd;
  if (f.deferral) from = maxDate(from, f.deferral.until);
  const last = courtWindowEnd(ctx.calendar, from);
  if (compareLocalDate(ctx.onDate, last) > 0) {
    const basis = f.deferral
      ? `${CHALLENGE.court.basis}; ${CHALLENGE.deferral.basis}`
      : CHALLENGE.court.basis;
    return {
      message: t(
        `申请人民法院强制执行的期限已于 ${last} 届满（自 ${from} 起三个月）：不得再申请${basisZh(basis)}`,
        `the time to apply to the court ended on ${last} (three months from ${from}): the application is out of time${basisEn(basis)}`,
      ),
    };
  }
  return undefined;
};
