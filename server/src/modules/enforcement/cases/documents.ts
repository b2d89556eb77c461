/**
 * The penalty case's documents (GB/T 9704 layout, platform/documents/official.ts):
 * - 行政处罚决定书, with the content 行政处罚法(2021) art. 59 (2017 text art. 39) asks for:
 *   the party's name and address; the facts and evidence; the kind of penalty and its
 *   basis; how and by when to perform it; how and by when to seek reconsideration or sue;
 *   the body's name and the date; the seal.
 * - 送达回证 (service receipt), filled in once the decision is served.
 */
import type { CaseView, DocumentContext } from "../../../engines/case/index.ts";
import { citeZh } from "../../../kernel/citation.ts";
import type { Block, OfficialDocument } from "../../../platform/documents/official.ts";
import { formatChineseDate } from "../../../platform/documents/official.ts";
import {
  CIRCUMSTANCE_LABELS,
  DECISION_KIND_LABELS,
  PENALTY_KIND_LABELS,
  SERVICE_METHOD_LABELS,
} from "./labels.ts";
import type { PenaltyCase } from "./penalty/index.ts";
import type { PenaltyRules } from "./rules.ts";

/** The reconsideration body and the court a decision names (行政处罚法(2021) art. 59 (五)). */
export function challengeBodies(ctx: DocumentContext) {
  return {
    reconsiderationBody: `${ctx.regionName}人民政府`,
    court: `${ctx.regionName}人民法院`,
  };
}

/** The issuing body as documents name it: the region and the unit (区市场监管局 → 武隆区市场监管局). */
export function issuerName(ctx: DocumentContext): string {
  return ctx.unitName.startsWith(ctx.regionName)
    ? ctx.unitName
    : `${ctx.regionName}${ctx.unitName.replace(/^区/, "")}`;
}

function partyLines(f: PenaltyCase): string[] {
  const p = f.party;
  const lines = [`当事人：${p.name}`];
  if (p.kind === "natural_person") {
    if (p.idNumber) lines.push(`身份证号码：${p.idNumber}`);
    lines.push(`住址：${p.address}`);
  } else {
    if (p.uscc) lines.push(`统一社会信用代码：${p.uscc}`);
    if (p.legalRepresentative) lines.push(`法定代表人（负责人）：${p.legalRepresentative}`);
    lines.push(`住所：${p.address}`);
  }
  return lines;
}

export function decisionDocument(
  c: CaseView<PenaltyCase>,
  ctx: DocumentContext,
  rules: PenaltyRules,
): OfficialDocument {
  const f = c.fields;
  const issuer = issuerName(ctx);
  const penalty = f.decisionKind === "penalty";
  const title = penalty
    ? "行政处罚决定书"
    : f.decisionKind === "transfer_judicial"
      ? "案件移送决定书"
      : "不予行政处罚决定书";
  const kinds = (f.penalties ?? []).map((k) => PENALTY_KIND_LABELS[k].zh).join("、");
  const body: Block[] = [...partyLines(f)];
  body.push(`${f.cause}一案，本机关于${formatChineseDate(c.openedOn)}立案调查，现已调查终结。`);
  if (f.facts) body.push(`经查明：${f.facts}`);
  if (f.evidence) body.push(`上述事实，有以下证据证明：${f.evidence}`);
  const notice = f.intendedPenalty
    ? `本机关已告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有陈述、申辩${f.hearingRight ? "和要求听证" : ""}的权利。`
    : "";
  const rights = f.hearingWaived
    ? "当事人明确放弃要求听证的权利。"
    : f.hearingDate
      ? `本机关于${formatChineseDate(f.hearingDate)}依法举行了听证。`
      : "";
  if (notice || rights) body.push(`${notice}${rights}`);
  if (f.legalReview?.passed) {
    body.push(`本案经法制审核（${formatChineseDate(f.legalReview.onDate)}），审核通过。`);
  }
  if (f.collectiveDiscussion) {
    body.push(
      `本案经本机关负责人于${formatChineseDate(f.collectiveDiscussion.onDate)}集体讨论决定。`,
    );
  }
  const circumstance = f.circumstance ? `，违法情节${CIRCUMSTANCE_LABELS[f.circumstance].zh}` : "";
  if (penalty) {
    body.push(
      `本机关认为，当事人的上述行为违反了${f.legalBasis ?? "有关法律、法规、规章"}的规定${circumstance}。依据上述规定，决定给予当事人如下行政处罚：${kinds}${f.fineAmount ? `，罚款人民币${f.fineAmount}元` : ""}${f.confiscationAmount ? `，没收违法所得人民币${f.confiscationAmount}元` : ""}。${f.decisionContent ?? ""}`,
    );
    if (f.discretionReason) body.push(`裁量说明：${f.discretionReason}`);
    if (f.fineAmount) {
      body.push(
        `当事人应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款（依据${citeZh(rules.payment.basis)}）。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额，并可以依法申请人民法院强制执行。`,
      );
    }
  } else {
    body.push(
      `本机关决定：${DECISION_KIND_LABELS[f.decisionKind ?? "no_penalty_unfounded"].zh}。${f.decisionContent ?? ""}`,
    );
  }
  // 行政处罚法(2021) art. 59 (五): the ways to challenge the decision, the bodies and the
  // periods — reconsideration by the people's government at the body's level (行政复议法
  // (2023) art. 24 para. 1 (一)), litigation at the basic people's court where the body is
  // (行政诉讼法 art. 18).
  const { reconsiderationBody, court } = challengeBodies(ctx);
  body.push(
    `当事人如不服本决定，可以在收到本决定书之日起六十日内向${reconsiderationBody}申请行政复议，也可以在收到本决定书之日起六个月内向${court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。`,
  );
  if (f.publicationPlan?.required) body.push("本决定将依法向社会公开。");
  return {
    issuerMark: issuer,
    number: c.numbers.decision,
    title,
    body,
    issuer,
    date: f.decidedOn ?? c.closedOn ?? ctx.today,
    seal: true,
    note: `依据：${citeZh(rules.decisionContent)}`,
  };
}

export function serviceReceipt(c: CaseView<PenaltyCase>, ctx: DocumentContext): OfficialDocument {
  const f = c.fields;
  const issuer = issuerName(ctx);
  const blankDate = "    年  月  日";
  return {
    issuerMark: issuer,
    title: "送达回证",
    body: [
      {
        kind: "table",
        header: false,
        widths: [1, 2],
        rows: [
          ["送达文书名称及文号", `行政处罚决定书 ${c.numbers.decision ?? ""}`],
          ["受送达人", f.party.name],
          ["送达地点", f.party.address],
          ["送达方式", f.serviceMethod ? SERVICE_METHOD_LABELS[f.serviceMethod].zh : ""],
          ["收件人签名或盖章", f.servedTo ?? ""],
          ["送达日期", f.servedOn ? formatChineseDate(f.servedOn) : blankDate],
          ["送达人", ""],
          ["备注", ""],
        ],
      },
    ],
    issuer,
    date: f.servedOn ?? f.decidedOn ?? ctx.today,
    seal: true,
    note: `依据：${citeZh("行政处罚法(2021) art. 61; 民事诉讼法(2021) art. 88–95")}`,
  };
}
