/**
 * 暂缓（分期）缴纳罚款决定书: the body's written approval of the party's application to defer
 * the fine or pay it by instalments (行政处罚法(2021) 第六十六条第二款), served on the party:
 * the decision it concerns, the application, the new due date or the schedule (each
 * instalment's amount and due date, in a table), the surcharge on an instalment not paid
 * when due (第七十二条第一款第（一）项) and the body's name, date and seal. The form's name
 * follows the market-regulation instrument 延期（分期）缴纳罚款通知书 in the words of the
 * 2021 law (暂缓或者分期) [I]. Chinese citations only.
 */
import type { CaseView, DocumentContext } from "../../../engines/case/index.ts";
import { InvalidStateError, t } from "../../../kernel/errors.ts";
import type { Block, OfficialDocument } from "../../../platform/documents/official.ts";
import { formatChineseDate } from "../../../platform/documents/official.ts";
import { issuerName, partyLines, sentence, xzcf } from "./documents.ts";
import type { PenaltyCase } from "./penalty/index.ts";

const yuan = (n: number) => `${Number(n).toLocaleString("zh-CN", { useGrouping: false })}元`;

export function deferralDocument(c: CaseView<PenaltyCase>, ctx: DocumentContext): OfficialDocument {
  const f = c.fields;
  const d = f.deferral;
  if (!d) {
    throw new InvalidStateError(
      t(
        "本案未批准暂缓或者分期缴纳罚款，没有该决定书",
        "no deferral or instalments were approved: there is no such instrument",
      ),
    );
  }
  const issuer = issuerName(c, ctx);
  const instalments = d.kind === "instalments";
  const decision = `${c.numbers.decision ? `（${c.numbers.decision}）` : ""}`;
  const body: Block[] = [
    ...partyLines(f),
    `本机关于${f.decidedOn ? formatChineseDate(f.decidedOn) : ""}对你（单位）作出行政处罚决定${decision}，罚款人民币${yuan(Number(f.fineAmount ?? 0))}。你（单位）于${formatChineseDate(d.appliedOn)}以${sentence(d.reason).replace(/。$/, "")}为由，申请${instalments ? "分期" : "暂缓"}缴纳罚款。`,
  ];
  if (instalments) {
    body.push(
      `经本机关负责人批准，依据${xzcf(66, "第二款")}的规定，同意你（单位）分${d.instalments.length}期缴纳罚款，各期的金额和缴纳期限如下：`,
      {
        kind: "table",
        header: true,
        widths: [1, 2, 3],
        rows: [
          ["期次", "金额（人民币）", "缴纳期限"],
          ...d.instalments.map((x, i) => [
            `第${i + 1}期`,
            yuan(Number(x.amount)),
            `${formatChineseDate(x.dueOn)}前`,
          ]),
        ],
      },
      `各期罚款应当在其缴纳期限内缴清。逾期不缴纳的，本机关可以对该期罚款每日按其数额的百分之三加处罚款，加处罚款的数额不超出该期罚款的数额（${xzcf(72, "第一款第（一）项")}）。`,
    );
  } else {
    body.push(
      `经本机关负责人批准，依据${xzcf(66, "第二款")}的规定，同意你（单位）暂缓缴纳罚款，缴纳期限延至${formatChineseDate(d.until)}。`,
      `逾期不缴纳的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（${xzcf(72, "第一款第（一）项")}）。`,
    );
  }
  return {
    form: "instrument",
    issuerMark: issuer,
    title: instalments ? "分期缴纳罚款决定书" : "暂缓缴纳罚款决定书",
    body,
    issuer,
    date: d.approvedOn,
    seal: true,
  };
}
