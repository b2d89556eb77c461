/**
 * The penalty case's enforcement instruments (执法文书; not 公文: no red masthead —
 * ../shared/domain/official-documents.md, last section), rendered by
 * platform/documents/official.ts in its "instrument" form:
 * - 行政处罚决定书 with the content 行政处罚法(2021) art. 59 (2017 text art. 39) asks for:
 *   the party; the facts and evidence; the party's statement and defence and whether it was
 *   adopted (art. 45); the grounds that apply (age and capacity, mitigation, 首违不罚, the
 *   law of the act, arts. 30–33, 37); the kind of penalty and its basis; how, where and by
 *   when to pay (art. 67 para. 3) and the surcharge (art. 72 para. 1 (一)); the named
 *   reconsideration body and court with their periods (art. 59 (五)); the body's name, the
 *   date and the seal;
 * - the notice (行政处罚告知书) and the service receipt (送达回证): notice-documents.ts.
 * Chinese documents cite in Chinese form (《中华人民共和国行政处罚法》第X条), never "art.".
 */
import type { CaseView, DocumentContext } from "../../../engines/case/index.ts";
import { chineseNumeral } from "../../../kernel/citation.ts";
import type { Block, OfficialDocument } from "../../../platform/documents/official.ts";
import { formatChineseDate } from "../../../platform/documents/official.ts";
import { CIRCUMSTANCE_LABELS, DECISION_KIND_LABELS, PENALTY_KIND_LABELS } from "./labels.ts";
import { MITIGATION_LABELS, type Mitigation, NO_PENALTY_LABELS } from "./penalty/capacity.ts";
import type { PenaltyCase } from "./penalty/index.ts";

/** 《中华人民共和国行政处罚法》第X条 (the 2021 text unless `y2017`). */
export const xzcf = (article: number, rest = "") =>
  `《中华人民共和国行政处罚法》第${chineseNumeral(article)}条${rest}`;

/** The deciding body's full name: the bodies register's (recorded at the decision), or built. */
export function issuerName(c: { fields: object }, ctx: DocumentContext): string {
  const recorded = (c.fields as { decidingBody?: string }).decidingBody;
  if (recorded) return recorded;
  return ctx.unitName.startsWith(ctx.regionName)
    ? ctx.unitName
    : `${ctx.regionName}${ctx.unitName.replace(/^区/, "")}`;
}

/**
 * The reconsideration body and the court a decision names (行政处罚法(2021) art. 59 (五)):
 * the people's government at the body's level (行政复议法(2023) art. 24 para. 1 (一)) and
 * the basic people's court where the body is (行政诉讼法 art. 18), by their full names (the
 * region's full name as the body's full name writes it: 重庆市武隆区).
 */
export function challengeBodies(issuer: string, ctx: DocumentContext) {
  const at = issuer.indexOf(ctx.regionName);
  const region = at >= 0 ? issuer.slice(0, at + ctx.regionName.length) : ctx.regionName;
  return { reconsiderationBody: `${region}人民政府`, court: `${region}人民法院` };
}

export function partyLines(f: Pick<PenaltyCase, "party">): string[] {
  const p = f.party;
  const lines = [`当事人：${p.name}`];
  if (p.kind === "natural_person") {
    if (p.idNumber) lines.push(`身份证件号码：${p.idNumber}`);
    lines.push(`住址：${p.address}`);
  } else {
    if (p.uscc) lines.push(`统一社会信用代码：${p.uscc}`);
    lines.push(`住所：${p.address}`);
    if (p.legalRepresentative) lines.push(`法定代表人（负责人）：${p.legalRepresentative}`);
  }
  return lines;
}

/** A sentence ends with 。 (free text typed without it, or with a stray comma). */
export const sentence = (s: string) => `${s.trim().replace(/[，,；;。.]+$/, "")}。`;

/** The facts as typed, without a leading 经查/经查明 the document already says. */
const facts = (s: string) => s.trim().replace(/^(经查明?|查明)[，,：:\s]*/, "");

const yuan = (n: number) => `人民币${Number(n).toLocaleString("zh-CN", { useGrouping: false })}元`;

/** A label's （第三十条） as a Chinese citation of the law: （《中华人民共和国行政处罚法》第三十条）. */
const groundText = (label: string) =>
  label.replace(/（(首违不罚，)?第/, "（$1《中华人民共和国行政处罚法》第");

function rightsParagraphs(c: CaseView<PenaltyCase>): string[] {
  const f = c.fields;
  const out: string[] = [];
  if (!f.noticeOn) return out;
  const how =
    f.noticeService?.method === "announcement"
      ? `以公告方式送达了行政处罚告知书（${formatChineseDate(f.noticeServedOn ?? f.noticeOn)}视为送达）`
      : "送达了行政处罚告知书";
  out.push(
    `本机关于${formatChineseDate(f.noticeOn)}向当事人${how}，告知当事人拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩${f.hearingRight ? "和要求听证" : ""}的权利。`,
  );
  const s = f.partyStatement;
  switch (f.rightsUsed) {
    case "hearing":
      out.push(
        `应当事人的要求，本机关于${formatChineseDate(f.hearingDate ?? f.noticeOn)}依法举行了听证，听取了当事人的陈述、申辩。`,
      );
      break;
    case "statement":
      if (s) {
        out.push(
          `当事人于${formatChineseDate(s.onDate)}提出陈述、申辩意见：${sentence(s.statement)}经复核，${sentence(s.reply)}本机关对当事人的陈述、申辩意见${s.adopted ? "予以采纳" : "不予采纳"}。`,
        );
      } else out.push("当事人在法定期限内提出了陈述、申辩意见，本机关已进行复核。");
      break;
    case "waived":
      out.push(
        `当事人明确表示放弃陈述、申辩${f.hearingRight && f.hearingWaived ? "和听证" : ""}的权利。`,
      );
      break;
    case "silence":
      out.push(
        `当事人在法定期限内未提出陈述、申辩${f.hearingRight ? "，也未要求听证" : ""}，视为放弃上述权利。`,
      );
      break;
  }
  return out;
}

/** The grounds that apply: the law of the act, and mitigation (arts. 30–32, 37). */
function groundParagraphs(f: PenaltyCase): string[] {
  const out: string[] = [];
  if (f.substantiveLaw === "行政处罚法(2017)") {
    const on = f.violationEndedOn ?? f.violationOn;
    out.push(
      `当事人的违法行为发生于${on ? formatChineseDate(on) : "2021年7月15日前"}，依据${xzcf(37)}的规定，适用违法行为发生时的法律、法规、规章的规定。`,
    );
  }
  const m = (f.mitigation ?? []) as Mitigation[];
  if (m.length > 0) {
    const list = m.map((k) => groundText(MITIGATION_LABELS[k]?.zh ?? k)).join("；");
    out.push(`当事人具有下列情形：${list}，依法从轻或者减轻处罚。`);
  }
  return out;
}

/** The penalty, stated once: 1. 警告；2. 罚款人民币…元；3. 没收违法所得人民币…元。 */
function penaltyItems(f: PenaltyCase): string {
  const items = (f.penalties ?? []).map((k) => {
    if (k === "fine" && f.fineAmount) return `罚款${yuan(f.fineAmount)}`;
    if (k === "confiscation" && f.confiscationAmount)
      return `没收违法所得${yuan(f.confiscationAmount)}`;
    return PENALTY_KIND_LABELS[k].zh;
  });
  if (items.length === 1) return `${items[0]}。`;
  return `${items.map((x, i) => `${i + 1}. ${x}`).join("；")}。`;
}

export function decisionDocument(c: CaseView<PenaltyCase>, ctx: DocumentContext): OfficialDocument {
  const f = c.fields;
  const issuer = issuerName(c, ctx);
  const penalty = f.decisionKind === "penalty";
  const title = penalty
    ? "行政处罚决定书"
    : f.decisionKind === "transfer_judicial"
      ? "案件移送决定书"
      : "不予行政处罚决定书";
  const body: Block[] = [...partyLines(f)];
  body.push(
    `当事人${sentence(f.cause).replace(/。$/, "")}一案，本机关于${formatChineseDate(c.openedOn)}立案调查，现已调查终结。`,
  );
  if (f.facts) body.push(`经查明：${sentence(facts(f.facts))}`);
  if (f.evidence) body.push(`上述事实，有以下证据证明：${sentence(f.evidence)}`);
  body.push(...rightsParagraphs(c));
  if (f.collectiveDiscussion) {
    body.push(
      `本案经本机关负责人于${formatChineseDate(f.collectiveDiscussion.onDate)}集体讨论决定。`,
    );
  }
  body.push(...groundParagraphs(f));
  const circumstance = f.circumstance ? `，违法情节${CIRCUMSTANCE_LABELS[f.circumstance].zh}` : "";
  const basis = f.legalBasis ?? "有关法律、法规、规章";
  if (penalty) {
    body.push(
      `本机关认为，当事人的上述行为违反了${basis}的规定${circumstance}。${f.discretionReason ? `本机关综合考虑：${sentence(f.discretionReason)}` : ""}依据${basis}的规定，本机关决定对当事人作出如下行政处罚：${penaltyItems(f)}`,
    );
    if (f.fineAmount) {
      body.push(
        `当事人应当自收到本决定书之日起十五日内，到${f.paymentPlace ?? "指定的银行或者通过电子支付系统"}缴纳罚款（${xzcf(67, "第三款")}）。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（${xzcf(72, "第一款第（一）项")}）。`,
      );
    }
  } else if (f.noPenaltyGround) {
    const ground = NO_PENALTY_LABELS[f.noPenaltyGround as keyof typeof NO_PENALTY_LABELS];
    body.push(
      `本机关认为，当事人的行为属于${groundText(ground?.zh ?? "")}的情形，决定不予行政处罚。`,
    );
  } else {
    body.push(`本机关决定：${DECISION_KIND_LABELS[f.decisionKind ?? "no_penalty_unfounded"].zh}。`);
  }
  if (penalty || f.decisionKind !== "transfer_judicial") {
    const { reconsiderationBody, court } = challengeBodies(issuer, ctx);
    body.push(
      `当事人如不服本决定，可以在收到本决定书之日起六十日内向${reconsiderationBody}申请行政复议，也可以在收到本决定书之日起六个月内向${court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。`,
    );
  }
  if (f.publicationPlan?.required) body.push("本决定将依法向社会公开。");
  return {
    form: "instrument",
    issuerMark: issuer,
    number: c.numbers.decision,
    title,
    body,
    issuer,
    date: f.decidedOn ?? c.closedOn ?? ctx.today,
    seal: true,
  };
}
