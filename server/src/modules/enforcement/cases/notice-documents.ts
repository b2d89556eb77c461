/**
 * The penalty case's other instruments (执法文书, no red masthead):
 * - 行政处罚告知书 (the notice of the intended penalty): the facts, the basis, the intended
 *   penalty, and the party's rights — to state and defend its case within the statement
 *   period from service (行政处罚法(2021) arts. 44, 45; the period a setting per area), and
 *   to ask for a hearing within 5 days where the penalty is in the hearing scope (art. 63,
 *   art. 64 (一));
 * - 送达回证 (service receipt): one page, a table with room to sign (行政处罚法(2021)
 *   art. 61; 民事诉讼法 arts. 87–95: the recipient signs and dates it; service left at the
 *   address is witnessed).
 */
import type { CaseView, DocumentContext } from "../../../engines/case/index.ts";
import type { OfficialDocument } from "../../../platform/documents/official.ts";
import { formatChineseDate } from "../../../platform/documents/official.ts";
import { issuerName, partyLines, sentence, xzcf } from "./documents.ts";
import { SERVICE_METHOD_LABELS } from "./labels.ts";
import type { PenaltyCase } from "./penalty/index.ts";

const chineseDays = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function noticeDocument(c: CaseView<PenaltyCase>, ctx: DocumentContext): OfficialDocument {
  const f = c.fields;
  const issuer = issuerName(c, ctx);
  const basis = f.legalBasis ?? "有关法律、法规、规章";
  const days = f.statementDays ?? 5;
  const body = [
    ...partyLines(f),
    `本机关对你（单位）${f.cause}一案进行了调查。经查明：${sentence((f.facts ?? "").replace(/^(经查明?|查明)[，,：:\s]*/, ""))}`,
    `你（单位）的上述行为违反了${basis}的规定。依据${basis}的规定，本机关拟对你（单位）作出如下行政处罚：${sentence(f.intendedPenalty ?? "")}`,
    `依据${xzcf(44)}、${xzcf(45)}的规定，你（单位）享有陈述、申辩的权利，可以在收到本告知书之日起${chineseDays[days] ?? days}个工作日内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃此权利。`,
  ];
  if (f.hearingRight) {
    body.push(
      `依据${xzcf(63)}、${xzcf(64)}的规定，你（单位）有权要求举行听证，可以在收到本告知书之日起五日内向本机关提出；逾期未提出的，视为放弃此权利。`,
    );
  }
  return {
    form: "instrument",
    issuerMark: issuer,
    title: "行政处罚告知书",
    body,
    issuer,
    date: f.noticeOn ?? ctx.today,
    seal: true,
  };
}

export function serviceReceipt(c: CaseView<PenaltyCase>, ctx: DocumentContext): OfficialDocument {
  const f = c.fields;
  const issuer = issuerName(c, ctx);
  const blankDate = "    年    月    日";
  // The date under a signature, towards the cell's right.
  const signDate = `${"　".repeat(12)}年　　月　　日`;
  return {
    form: "instrument",
    issuerMark: issuer,
    title: "送达回证",
    body: [
      {
        kind: "table",
        header: false,
        widths: [2, 5],
        // Rooms to sign (millimetres): the recipient, the servers, a witness, remarks.
        minHeights: [14, 12, 14, 12, 12, 12, 28, 24, 24, 24],
        rows: [
          ["送达文书名称", `行政处罚决定书\n${c.numbers.decision ?? ""}`],
          ["受送达人", f.party.name],
          ["送达地点", f.party.address],
          ["送达方式", f.serviceMethod ? SERVICE_METHOD_LABELS[f.serviceMethod].zh : ""],
          ["送达日期", f.servedOn ? formatChineseDate(f.servedOn) : blankDate],
          ["签收人", f.servedTo ?? ""],
          ["受送达人签名或者盖章", `\n\n${signDate}`],
          ["送达人签名", `\n\n${signDate}`],
          ["见证人签名\n（留置送达时）", `\n\n${signDate}`],
          ["备注", ""],
        ],
      },
    ],
    issuer,
    date: f.servedOn ?? f.decidedOn ?? ctx.today,
    // Signed in its cells: no 署名 below the table.
    signature: false,
  };
}
