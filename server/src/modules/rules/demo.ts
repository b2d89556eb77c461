/**
 * The rules demo (seed §一(四)1 and §一(三)5): the figures 12 / 73 / 11 / 94 / 24 / 124
 * come out of records through the indicators.
 *
 * - One showcase document step by step as the demo users: 《武隆区外贸专项资金管理实施细则
 *   （试行）》 (named in the seed), closely related to market actors — 30 days of public
 *   comment with citizens' comments through the public path, answers and the adoption
 *   report published, fair-competition and legality review, deliberation, numbering,
 *   publication on the website, filing with the city (whose office answers through its
 *   linked review case) and the people's congress standing committee.
 * - The rest of 2020 through the case history import (one file): 72 more documents whose
 *   legality review was done in 2020, each with its recorded result (the import keeps the
 *   review's result and opinion: `importsInput`) — 10 published and filed, 1 published
 *   and not yet filed at the year's end; of the departments' 61, those that passed await
 *   their deliberation and those that did not were revised and then withdrawn (停止制定).
 * - Clean-up results through the register import: two campaigns over the district
 *   government's documents (94 remain valid, 15 to repeal, 9 to amend) and the
 *   business-environment campaign (124 rules, documents and measures).
 * - The other documents the seed names (规则、方案、办法).
 */
import {
  answerComment,
  consultationOfCase,
  publishAnswers,
  publishReport,
  submitComment,
} from "../../engines/consultation/index.ts";
import type { DemoContext, DemoContribution } from "../../engines/demo/index.ts";
import { importCsv, type RegisterDecl } from "../../engines/register/index.ts";
import { DOCUMENT_TYPE, FILING_REVIEW_TYPE } from "./common.ts";
import { currentDraft } from "./demo-current.ts";
import { cleanupResultRegister, otherDocumentRegister } from "./registers.ts";

const OFFICE = "wl.yfzqb.office";
const GOVERNMENT = "wl.qzf.leader";
const CITY = "cq.sfj.office";
const IMPORTED_ON = "2021-01-20";

const cell = (v: unknown): string => {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (keys: readonly string[], rows: Record<string, unknown>[]): Buffer =>
  Buffer.from(
    `${[keys.join(","), ...rows.map((r) => keys.map((k) => cell(r[k])).join(","))].join("\n")}\n`,
    "utf8",
  );
/** A register file with the template's Chinese headers. */
const registerCsv = (decl: RegisterDecl, rows: Record<string, unknown>[]) =>
  csv(
    decl.columns.map((c) => c.label.zh),
    rows.map((r) => Object.fromEntries(decl.columns.map((c) => [c.label.zh, r[c.field]]))),
  );

const pad = (n: number) => String(n).padStart(2, "0");
const day = (m: number, d: number) => `2020-${pad(m)}-${pad(d)}`;

const SUBJECTS = [
  "农村人居环境整治",
  "城乡居民医疗救助",
  "旅游市场秩序管理",
  "农业产业化龙头企业扶持",
  "建筑垃圾处置管理",
  "公共租赁住房管理",
  "就业创业补贴",
  "森林防火管理",
  "道路运输安全管理",
  "生态环境损害赔偿",
  "招商引资优惠政策",
  "国有资产管理",
];
const DEPARTMENTS: [string, string][] = [
  ["fgw", "武隆发改发"],
  ["scjgj", "武隆市监发"],
  ["jtj", "武隆交发"],
  ["whlyw", "武隆文旅发"],
  ["sthjj", "武隆环发"],
  ["zfcxjw", "武隆建发"],
  ["nyncw", "武隆农发"],
  ["rlsbj", "武隆人社发"],
];

const KEYS = [
  "_unit",
  "_state",
  "_opened",
  "step.open_comment",
  "step.close_comment",
  "step.submit_review",
  "step.legality_review",
  "step.revise",
  "step.deliberate",
  "step.register",
  "step.publish",
  "step.file",
  "step.withdraw",
  "number.document",
  "title",
  "issuer",
  "numberPrefix",
  "marketRelated",
  "draftText",
  "commentFrom",
  "commentTo",
  "channel",
  "effectiveFrom",
  "text",
  "legality_review.result",
  "legality_review.opinion",
] as const;

/** The 72 documents of 2020 besides the showcase, as one history file. */
function historyRows(ctx: DemoContext): Record<string, unknown>[] {
  const rng = ctx.rng;
  const rows: Record<string, unknown>[] = [];
  let gov = 0;
  for (let i = 0; i < 72; i++) {
    const government = i < 11;
    const [unit, prefix] = government ? ["qzf", "武隆府发"] : DEPARTMENTS[i % DEPARTMENTS.length]!;
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const title = government
      ? `重庆市武隆区人民政府关于${subject}的实施意见`
      : `关于加强${subject}工作的通知（${i + 1}）`;
    const m = 1 + (i % 10);
    const opened = day(m, 2 + rng.int(0, 3));
    const from = day(m, 8);
    const to = day(m, 20);
    const r: Record<string, unknown> = {
      _unit: unit,
      _opened: opened,
      "step.open_comment": from,
      "step.close_comment": day(m, 21),
      "step.submit_review": day(m, 22),
      "step.legality_review": day(m + 1, 5 + rng.int(0, 3)),
      "legality_review.result": "passed",
      "legality_review.opinion": "制定主体、程序、内容符合法律法规规定，同意提交审议",
      title,
      issuer: government ? "government" : "department",
      numberPrefix: prefix,
      marketRelated: "否",
      draftText: `${title}（征求意见稿）`,
      commentFrom: from,
      commentTo: to,
    };
    if (government) {
      gov++;
      const published = day(m + 1, 20);
      Object.assign(r, {
        "step.deliberate": day(m + 1, 12),
        "step.register": day(m + 1, 15),
        "step.publish": published,
        "number.document": `${prefix}〔2020〕${gov}号`,
        channel: "website",
        effectiveFrom: published,
        text: `${title}\n第一条 为做好${subject}工作，根据有关法律法规，结合本区实际，制定本意见。`,
      });
      if (i < 10) {
        r["step.file"] = day(m + 1, 20 + rng.int(1, 8));
        r._state = "filed";
      } else r._state = "published";
    } else if (i % 10 === 7) {
      // Not passed: revised, then the drafting stopped (停止制定).
      Object.assign(r, {
        "legality_review.result": "not_passed",
        "legality_review.opinion": "部分条款增加公民、法人和其他组织义务，缺乏法律法规依据",
        "step.revise": day(m + 1, 15),
        "step.withdraw": day(m + 1, 25),
        _state: "withdrawn",
      });
    } else {
      if (i % 4 === 0) {
        Object.assign(r, {
          "legality_review.result": "passed_after_changes",
          "legality_review.opinion": "建议删除第五条中增设行政许可的内容，修改后合法",
        });
      }
      r._state = "reviewing"; // passed: awaiting the department's deliberation
    }
    rows.push(r);
  }
  return rows;
}

const REASONS: Record<string, string> = {
  remain_valid: "符合现行法律法规和政策，继续有效",
  repeal: "调整对象已消失或者上位法已废止，予以废止",
  amend: "部分内容与新修改的上位法不一致，予以修改",
  declare_invalid: "适用期已过，宣布失效",
};

function cleanupRows(ctx: DemoContext): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  // Two campaigns over the district government's documents: 94 / 15 / 9.
  const normative = [
    ...Array(94).fill("remain_valid"),
    ...Array(15).fill("repeal"),
    ...Array(9).fill("amend"),
  ] as string[];
  ctx.rng.shuffle(normative).forEach((result, i) => {
    const first = i < 60;
    const year = 2012 + (i % 8);
    rows.push({
      campaign: first ? "2020年区政府规范性文件第一次清理" : "2020年区政府规范性文件第二次清理",
      campaignKind: "normative",
      documentNumber: `${i % 3 === 0 ? "武隆府办发" : "武隆府发"}〔${year}〕${10 + i}号`,
      documentTitle: `重庆市武隆区人民政府关于${SUBJECTS[i % SUBJECTS.length]}的规定（${year}）`,
      documentKind: "normative",
      result,
      reason: REASONS[result],
      cleanedOn: first ? "2020-06-15" : "2020-11-20",
      publishedOn: first ? "2020-06-30" : "2020-12-10",
    });
  });
  // The business-environment clean-up: 124 rules, documents and other measures.
  for (let i = 0; i < 124; i++) {
    const [, prefix] = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const result = i % 20 === 0 ? "repeal" : i % 13 === 0 ? "amend" : "remain_valid";
    rows.push({
      campaign: "2020年优化营商环境涉及的规章、规范性文件和其他政策措施清理",
      campaignKind: "business_environment",
      documentNumber: `${prefix}〔${2014 + (i % 6)}〕${100 + i}号`,
      documentTitle: `关于${SUBJECTS[i % SUBJECTS.length]}的管理办法（${i + 1}）`,
      documentKind: i % 4 === 0 ? "policy" : "normative",
      result,
      reason: REASONS[result],
      cleanedOn: "2020-09-10",
      publishedOn: "2020-09-30",
    });
  }
  return rows;
}

const OTHER_DOCUMENTS: Record<string, unknown>[] = [
  ["武隆区2020年度“双随机、一公开”抽查工作方案", "区市场监管局", "scheme", "2020-03-10"],
  ["武隆区政府购买服务管理办法", "区财政局", "measures", "2020-05-06"],
  ["武隆区行业协会商会与行政机关脱钩实施方案", "区发展改革委", "scheme", "2020-04-15"],
  ["区政府“三重一大”事项集体决策规则", "区人民政府", "rules", "2020-02-20"],
  ["武隆区内部审计工作规则", "区审计局", "rules", "2020-07-01"],
  ["武隆区审计整改工作规则", "区审计局", "rules", "2020-07-01"],
  ["武隆区审计结果公告规则", "区审计局", "rules", "2020-07-01"],
  ["武隆区审计项目质量控制规则", "区审计局", "rules", "2020-07-01"],
  ["武隆区开展违规涉企收费专项治理工作方案", "区发展改革委", "scheme", "2020-08-12"],
].map(([title, issuer, kind, issuedOn]) => ({ title, issuer, kind, issuedOn }));

const COMMENTS: [string, string, string, string | undefined][] = [
  ["第三条", "建议将跨境电子商务企业纳入支持范围。", "adopted", undefined],
  [
    "第五条",
    "建议提高对外投资合作项目的补助比例。",
    "partly_adopted",
    "补助比例已适当提高，但受专项资金规模限制，未完全按建议调整。",
  ],
  ["第七条", "建议取消申报企业须在本区纳税满三年的条件。", "adopted", undefined],
  ["", "建议资金拨付实行网上申报。", "under_study", "将结合“互联网+政务服务”平台建设研究。"],
  [
    "第九条",
    "建议对所有外贸企业一律给予奖励。",
    "not_adopted",
    "专项资金须按项目择优支持，普惠式奖励不符合专项资金管理规定。",
  ],
];

async function showcase(ctx: DemoContext): Promise<void> {
  const title = "武隆区外贸专项资金管理实施细则（试行）";
  const doc = await ctx.as(GOVERNMENT, "2020-03-02", (w) =>
    ctx.cases.open(w, DOCUMENT_TYPE, {
      fields: {
        title,
        issuer: "government",
        numberPrefix: "武隆府发",
        marketRelated: true,
        draftText:
          "第一条 为规范外贸专项资金管理，重点支持对外投资合作、营商环境优化、跨境电子商务等项目建设，制定本细则。\n第三条 支持对象为在本区依法登记的外贸企业。\n第五条 对外投资合作项目按实际投资额给予补助。\n第七条 申报企业应当在本区依法纳税。\n第九条 专项资金按项目择优支持。",
      },
      onDate: "2020-03-02",
    }),
  );
  const id = doc.id;
  let v = doc.version;
  const step = async (
    user: string,
    onDate: string,
    action: string,
    input: Record<string, unknown> = {},
  ) => {
    const c = await ctx.as(user, onDate, (w) =>
      ctx.cases.step(w, DOCUMENT_TYPE, id, action, { version: v, input, onDate }),
    );
    v = c.version;
    return c;
  };
  await step(GOVERNMENT, "2020-03-02", "open_comment", {
    commentFrom: "2020-03-02",
    commentTo: "2020-04-03",
  });
  // Citizens' comments through the public path (no account).
  const app = ctx.database.app;
  const key = await ctx.fieldKey();
  const k = await ctx.as(GOVERNMENT, "2020-03-02", (w) => consultationOfCase(w, DOCUMENT_TYPE, id));
  for (const [i, [topic, body]] of COMMENTS.entries()) {
    const today = day(3, 5 + i * 5);
    await submitComment(
      app,
      key,
      { region: ctx.regionCode, id: k.id, today, now: ctx.at(today), realNameRequired: false },
      { topic, body },
    );
  }
  await step(GOVERNMENT, "2020-04-07", "close_comment", {
    marketViews: "召开外贸企业座谈会，听取15家外贸企业和区工商联、区外商投资企业协会的意见",
  });
  await step(GOVERNMENT, "2020-04-08", "fair_competition_review", {
    result: "revised",
    opinion: "删除申报企业须在本区纳税满三年的条件，避免排除、限制外地企业公平竞争",
  });
  await step(GOVERNMENT, "2020-04-08", "submit_review", {
    materials: "起草说明、制定依据、征求意见及采纳情况、公平竞争审查意见",
  });
  await step(OFFICE, "2020-04-17", "legality_review", {
    result: "passed_after_changes",
    opinion: "第七条已按公平竞争审查意见修改，修改后合法",
  });
  // The answers, drafted and published together; the adoption report with them.
  await ctx.as(GOVERNMENT, "2020-04-20", async (w) => {
    const kk = await consultationOfCase(w, DOCUMENT_TYPE, id);
    const rows = await w.trx
      .selectFrom("consultation_comment" as never)
      .select(["id" as never])
      .where("consultation_id" as never, "=", kk.id as never)
      .orderBy("id" as never)
      .execute();
    for (const [i, r] of rows.entries()) {
      const [, , result, reason] = COMMENTS[i]!;
      await answerComment(w, kk, (r as { id: number }).id, {
        result: result as never,
        reason,
        onDate: "2020-04-20",
      });
    }
    await publishAnswers(w, kk, "2020-04-20");
  });
  await step(GOVERNMENT, "2020-04-23", "deliberate", {
    meeting: "区政府第80次常务会议",
    minutes: "会议审议通过《武隆区外贸专项资金管理实施细则（试行）》，由区商务委按程序印发",
  });
  const registered = await step(GOVERNMENT, "2020-04-26", "register");
  await step(GOVERNMENT, "2020-04-28", "publish", {
    channel: "website",
    websiteUrl: "http://www.cqwulong.gov.cn/",
    effectiveFrom: "2020-05-01",
    text: "第一条 为规范外贸专项资金管理，重点支持对外投资合作、营商环境优化、跨境电子商务等项目建设，根据有关规定，结合本区实际，制定本细则。\n第三条 支持对象为在本区依法登记的外贸企业，包括跨境电子商务企业。\n第五条 对外投资合作项目按实际投资额的一定比例给予补助。\n第九条 专项资金按项目择优支持。",
  });
  await ctx.as(GOVERNMENT, "2020-04-28", async (w) =>
    publishReport(w, await consultationOfCase(w, DOCUMENT_TYPE, id), "2020-04-28"),
  );
  await step(GOVERNMENT, "2020-05-20", "file", {
    filedWith: "重庆市人民政府",
    npcReceipt: "武隆人大常委会备〔2020〕5号",
  });
  // The city's office reviews the filing and answers through the link.
  const number = registered.numbers.document;
  await ctx
    .as(CITY, "2020-05-25", async (w) => {
      const f = await ctx.cases.open(w, FILING_REVIEW_TYPE, {
        fields: {
          documentTitle: title,
          documentNumber: number ?? "武隆府发〔2020〕",
          filedBy: "重庆市武隆区人民政府",
        },
        onDate: "2020-05-25",
      });
      await ctx.cases.link(w, FILING_REVIEW_TYPE, f.id, { kind: "reviews", toCaseId: id });
      return f;
    })
    .then((f) =>
      ctx.as(CITY, "2020-06-10", (w) =>
        ctx.cases.step(w, FILING_REVIEW_TYPE, f.id, "conclude", {
          version: f.version,
          input: { result: "no_problem", opinion: "经审查，未发现与法律法规相抵触的问题" },
          onDate: "2020-06-10",
        }),
      ),
    );
}

export const rulesDemo: DemoContribution = {
  id: "rules",
  dependsOn: ["directory"],
  description: "normative documents, public comment, filing, clean-up (seed 一(四)1, 一(三)5)",
  async load(ctx) {
    const started = Date.now();
    const summary = await ctx.as(OFFICE, IMPORTED_ON, (w) =>
      ctx.cases.importHistory(w, DOCUMENT_TYPE, csv(KEYS, historyRows(ctx)), {
        fileName: "规范性文件-2020.csv",
      }),
    );
    await showcase(ctx);
    await currentDraft(ctx); // this year's draft, its comments waiting for answers
    const cleaned = await ctx.as(OFFICE, IMPORTED_ON, (w) =>
      importCsv(w, cleanupResultRegister, registerCsv(cleanupResultRegister, cleanupRows(ctx))),
    );
    const others = await ctx.as(OFFICE, IMPORTED_ON, (w) =>
      importCsv(w, otherDocumentRegister, registerCsv(otherDocumentRegister, OTHER_DOCUMENTS)),
    );
    ctx.note(
      `${summary.rows + 1} normative documents, ${cleaned.created} clean-up results, ${others.created} other documents in ${Date.now() - started} ms`,
    );
  },
};
