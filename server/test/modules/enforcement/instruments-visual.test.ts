import { describe, expect, it } from "vitest";
import { readZipEntry } from "../../../src/platform/files/zip.ts";
import { compareWithReferences, renderAll, visualSkip } from "../../support/visual.ts";
import { noticeWith, P } from "./penalty-decision-support.ts";
import { company, handler, leader, ok, person, step, t, useEnforcementApp } from "./support.ts";

/**
 * Issue 11: the penalty case's enforcement instruments in their real format, and their
 * look compared with reviewed reference images (server/test/references/, see
 * test/support/visual.ts). Fixed dates, parties and numbers: the images are stable.
 */
useEnforcementApp();

const get = (id: number, code: string) =>
  t.call(handler, { method: "GET", url: `/api/cases/${P}/${id}/documents/${code}` });

/** The document's text (the runs of word/document.xml, paragraphs on their own lines). */
function text(docx: Buffer): string {
  const xml = readZipEntry(docx, "word/document.xml")?.toString("utf8") ?? "";
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&");
}

const documents: Record<string, Buffer> = {};

describe("the penalty case's instruments", () => {
  it("the decision: full body name, no masthead, the defence and its review, the grounds, the penalty once", async () => {
    // An act of 2021-06-20 (the 2017 law's time), filed 2021-09-01 under the 2021 law.
    const n = await noticeWith(
      "2021-09-01",
      company,
      {
        intendedPenalty: "罚款人民币二万元",
        intendedPenalties: ["fine"],
        intendedFine: 20000,
      },
      { flags: { violationOn: "2021-06-20", discoveredOn: "2021-08-25" } },
    );
    await ok(n.res);
    documents.notice = (await get(n.id, "penalty_notice")).rawPayload;
    await ok(
      await step(
        handler,
        P,
        n.id,
        "record_statement",
        {
          statement: "过期食品系仓库管理疏漏所致，已全部下架销毁，请求从轻处罚",
          adopted: true,
          reply: "当事人所述下架销毁情况属实，主动消除了违法行为的危害后果",
        },
        "2021-09-13",
      ),
    );
    const dec = await ok(
      await step(
        leader,
        P,
        n.id,
        "decide",
        {
          decisionKind: "penalty",
          penalties: ["warning", "fine"],
          fineAmount: 15000,
          decisionContent: "警告，罚款人民币一万五千元",
          mitigation: ["eliminated_harm"],
        },
        "2021-09-14",
      ),
    );
    expect(dec.fields.decidingBody).toBe("重庆市武隆区市场监督管理局");
    await ok(
      await step(
        handler,
        P,
        n.id,
        "serve",
        { serviceMethod: "direct", servedTo: "李四光", publicationNotified: true },
        "2021-09-15",
      ),
    );
    const res = await get(n.id, "penalty_decision");
    expect(res.statusCode, res.body).toBe(200);
    documents.decision = res.rawPayload;
    documents.receipt = (await get(n.id, "service_receipt")).rawPayload;
    const s = text(documents.decision);
    expect(s.startsWith("重庆市武隆区市场监督管理局\n行政处罚决定书\n")).toBe(true);
    expect(s).toMatch(/\n武隆\S*罚〔2021〕\d+号\n/);
    expect(s).not.toContain("武隆区市场监管局");
    expect(s).not.toMatch(/经查明：经查/);
    expect(s).toContain(
      "当事人于2021年9月13日提出陈述、申辩意见：过期食品系仓库管理疏漏所致，已全部下架销毁，请求从轻处罚。经复核，当事人所述下架销毁情况属实，主动消除了违法行为的危害后果。本机关对当事人的陈述、申辩意见予以采纳。",
    );
    expect(s).toContain(
      "当事人的违法行为发生于2021年6月20日，依据《中华人民共和国行政处罚法》第三十七条的规定，适用违法行为发生时的法律、法规、规章的规定。",
    );
    expect(s).toContain(
      "主动消除或者减轻违法行为危害后果（《中华人民共和国行政处罚法》第三十二条第（一）项）",
    );
    expect(s).toContain("作出如下行政处罚：1. 警告；2. 罚款人民币15000元。");
    expect(s.match(/罚款人民币15000元/g)).toHaveLength(1);
    expect(s).toContain("到指定的银行或者通过电子支付系统缴纳罚款");
    expect(s).toContain("每日按罚款数额的百分之三加处罚款");
    expect(s).toContain("六十日内向重庆市武隆区人民政府申请行政复议");
    expect(s).toContain("六个月内向重庆市武隆区人民法院提起行政诉讼");
    expect(s).not.toMatch(/art\.|\[R\]|\[I\]|setting/);
    // No red: an instrument is not a 公文.
    const xml = readZipEntry(documents.decision, "word/document.xml")?.toString("utf8") ?? "";
    expect(xml).not.toMatch(/FF0000/i);
  });

  it("a decision of no penalty states its ground (首违不罚)", async () => {
    const n = await noticeWith(
      "2021-09-02",
      person,
      { intendedPenalty: "警告", intendedPenalties: ["warning"], intendedFine: 0 },
      { flags: { violationOn: "2021-08-20", discoveredOn: "2021-08-30" } },
    );
    await ok(n.res);
    await ok(
      await step(
        handler,
        P,
        n.id,
        "waive_rights",
        { statementWaived: true, hearingWaived: true, signedBy: "张三丰" },
        n.noticeOn,
      ),
    );
    await ok(
      await step(
        leader,
        P,
        n.id,
        "decide",
        {
          decisionKind: "no_penalty_minor",
          noPenaltyGround: "first_violation",
          decisionContent: "不予行政处罚",
        },
        "2021-09-15",
      ),
    );
    documents.noPenalty = (await get(n.id, "penalty_decision")).rawPayload;
    const s = text(documents.noPenalty);
    expect(s).toContain("不予行政处罚决定书");
    expect(s).toContain("当事人明确表示放弃陈述、申辩的权利。");
    expect(s).toContain(
      "属于初次违法且危害后果轻微并及时改正（首违不罚，《中华人民共和国行政处罚法》第三十三条第一款）的情形，决定不予行政处罚。",
    );
  });

  it("the notice states the rights and their periods; the receipt has room to sign", async () => {
    const s = text(documents.notice!);
    expect(s.startsWith("重庆市武隆区市场监督管理局\n行政处罚告知书\n")).toBe(true);
    expect(s).toContain("收到本告知书之日起五个工作日内");
    expect(text(documents.receipt!)).toContain("受送达人签名或者盖章");
  });

  it.skipIf(visualSkip !== undefined)(
    "each instrument matches its reviewed reference image",
    async () => {
      const pages = await renderAll(documents);
      for (const [name, png] of Object.entries(pages)) {
        await compareWithReferences(`penalty-${name}`, png);
      }
      // The service receipt is one page (a table signed in its cells).
      expect(pages.receipt).toHaveLength(1);
    },
    600_000,
  );
});
