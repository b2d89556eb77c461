/**
 * The oversight module's part of the Wulong 2020 demo (deterministic, seeded): 23
 * reconsideration cases concluded in 2020 under the 2017 text, all within the time limit,
 * 4 of them corrected (17.39%), with their site inspections, interviews and service
 * records; litigation of 2019 and 2020 with the agency heads' appearance (64% → 80%:
 * +25%; every hearing of a major case attended by the head), every judgment performed;
 * deputies' suggestions all satisfied, judicial and procuratorial suggestions all
 * answered; the first-level budget units all audited and 4 audit rules issued.
 * Every figure comes out of these records through the indicator engine.
 */
import type { DemoContext, DemoContribution } from "../../engines/demo/index.ts";
import {
  addDays,
  addPeriod,
  bundledNotices,
  LegalCalendar,
  type LocalDate,
  maxDate,
} from "../../kernel/time/index.ts";
import { DIRECTORY_DEMO_ID, demoUsername, STAFFED_DEPARTMENTS } from "../directory/index.ts";
import { LITIGATION_TYPE } from "./litigation.ts";
import { RECONSIDERATION_TYPE } from "./reconsideration/index.ts";
import { DEPUTY_SUGGESTION_TYPE, JUDICIAL_SUGGESTION_TYPE } from "./suggestions.ts";

export const OVERSIGHT_ACCOUNTS_DEMO_ID = "oversight.accounts";
export const OVERSIGHT_DEMO_ID = "oversight";

const cal = new LegalCalendar(bundledNotices());
const wd = (d: string, n: number) =>
  n <= 0 ? (d as LocalDate) : addPeriod(cal, d as LocalDate, { n, unit: "working_day" }).due;

const AUDITOR = demoUsername("sjj", "case_handler");

type W = Parameters<Parameters<DemoContext["as"]>[2]>[0];
/** A step of the demo: by whom, dated when. */
type Item = { user: string; day: string; run: (w: W) => Promise<void> };

/**
 * Run steps in order, consecutive steps of one user in one unit of work (dated by its
 * last step; each step keeps its own legal date): a few transactions per case, not one
 * per step.
 */
async function flush(ctx: DemoContext, items: Item[]) {
  for (let i = 0; i < items.length; ) {
    let j = i + 1;
    while (j < items.length && items[j]!.user === items[i]!.user) j++;
    const group = items.slice(i, j);
    const last = group.reduce((a, g) => maxDate(a, g.day as LocalDate), group[0]!.day as LocalDate);
    await ctx.as(group[0]!.user, last, async (w) => {
      for (const g of group) await g.run(w);
    });
    i = j;
  }
}

/** The audit bureau's account (the directory staffs no account there). */
export const oversightAccountsDemo: DemoContribution = {
  id: OVERSIGHT_ACCOUNTS_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID],
  description: "the audit bureau's case handler",
  async load(ctx) {
    await ctx.createUser({
      username: AUDITOR,
      displayName: "审计局经办人",
      unit: "sjj",
      roles: ["case_handler"],
      onDate: "2019-01-02",
    });
  },
};

const SURNAMES = [..."王李张刘陈杨黄赵周吴徐孙冉向谭彭罗何"];
const GIVEN = [..."明华建国丽芳军平强燕勇静磊敏洪涛艳斌"];
const RESPONDENTS = ["scjgj", "cgj", "gaj", "ghzrzyj", "jtj", "rlsbj", "sthjj", "zfcxjw"];
const CORRECTIONS = ["revoke", "change", "confirm_illegal", "revoke"];

async function reconsiderations(ctx: DemoContext) {
  const { rng, cases } = ctx;
  const handler = demoUsername("sfj", "case_handler");
  const leader = demoUsername("sfj", "unit_leader");
  const units = new Map((await ctx.units()).map((u) => [u.code, u.nameZh]));
  const stats = { site: 0, interviews: 0, served: 0 };
  for (let i = 0; i < 23; i++) {
    const received = wd("2020-01-06", 8 + i * 9);
    const knewOn = addDays(received, -(10 + rng.int(0, 30)));
    const respondent = units.get(RESPONDENTS[i % RESPONDENTS.length]!) ?? "区人民政府工作部门";
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + rng.pick(GIVEN);
    // Four corrections (i = 2, 8, 14, 20): 4 / 23 = 17.39%.
    const outcome =
      i % 6 === 2 ? CORRECTIONS[Math.floor(i / 6)]! : i % 5 === 4 ? "dismiss_claim" : "uphold";
    const q: Item[] = [];
    let id = 0;
    let v = 0;
    q.push({
      user: handler,
      day: received,
      run: async (w) => {
        const c = await cases.open(w, RECONSIDERATION_TYPE, {
          fields: {
            applicant: { name, address: "重庆市武隆区" },
            respondent,
            actKind: i % 4 === 0 ? "licensing" : "penalty",
            act: i % 4 === 0 ? "不予许可决定" : "行政处罚决定",
            knewOn,
            request: "撤销该行政行为",
            numberPrefix: "武隆府复",
          },
          onDate: received,
        });
        id = c.id;
        v = c.version;
      },
    });
    const at = (user: string, day: string, action: string, input: Record<string, unknown>) =>
      q.push({
        user,
        day,
        run: async (w) => {
          const req = { version: v, input, onDate: day };
          v = (await cases.step(w, RECONSIDERATION_TYPE, id, action, req)).version;
        },
      });
    const serve = (day: string, document: string, recipient: string) => {
      at(handler, day, "serve", { document, recipient, method: rng.pick(["direct", "post"]) });
      stats.served += 1;
    };
    const accepted = wd(received, 2);
    at(handler, accepted, "accept", { procedure: "ordinary" });
    serve(accepted, "acceptance_notice", name);
    at(handler, wd(accepted, 3), "send_copy", { respondentReceivedOn: wd(accepted, 3) });
    serve(wd(accepted, 3), "reply_notice", respondent);
    at(handler, wd(accepted, 10), "receive_reply", { summary: "被申请人提交答复书及证据材料" });
    at(handler, wd(accepted, 12), "hear_views", { who: name, how: "in_person" });
    if (i % 2 === 0) {
      at(handler, wd(accepted, 13), "site_inspection", {
        place: "案涉现场",
        officers: ["冉复议", "向复议"],
        findings: "现场核实案涉事实",
      });
      stats.site += 1;
    }
    for (let k = 0; k < (i % 3 === 0 ? 2 : 1); k++) {
      at(handler, wd(accepted, 14 + k), "interview", {
        who: respondent,
        summary: "约谈被申请人执法人员",
      });
      stats.interviews += 1;
    }
    const decidedOn = wd(accepted, 25 + (i % 10));
    const upheld = outcome === "uphold" || outcome === "dismiss_claim";
    at(leader, decidedOn, "decide", {
      outcome,
      decisionContent: upheld ? "维持被申请人作出的行政行为" : "对被申请人作出的行政行为予以纠正",
      reasoning: upheld
        ? "认定事实清楚，证据确凿，适用依据正确，程序合法"
        : "主要事实不清、证据不足",
    });
    serve(wd(decidedOn, 1), "decision", name);
    serve(wd(decidedOn, 1), "decision", respondent);
    serve(wd(decidedOn, 2), "decision", "第三人");
    if (i % 3 === 0) serve(wd(decidedOn, 2), "decision", "被申请人上一级主管部门");
    at(handler, wd(decidedOn, 5), "publish", { where: "武隆区人民政府网站" });
    await flush(ctx, q);
  }
  return stats;
}

/** One case opened and taken through its steps by one user. */
function oneCase(
  cases: DemoContext["cases"],
  type: string,
  user: string,
  opened: string,
  fields: Record<string, unknown>,
  steps: [string, string, Record<string, unknown>][],
): Item {
  const last = steps.reduce((a, [day]) => maxDate(a, day as LocalDate), opened as LocalDate);
  return {
    user,
    day: last,
    run: async (w) => {
      const c = await cases.open(w, type, { fields, onDate: opened });
      let v = c.version;
      for (const [day, action, input] of steps) {
        v = (await cases.step(w, type, c.id, action, { version: v, input, onDate: day })).version;
      }
    },
  };
}

async function litigation(ctx: DemoContext) {
  const owners = STAFFED_DEPARTMENTS.filter((d) => d !== "sfj");
  const units = new Map((await ctx.units()).map((u) => [u.code, u.nameZh]));
  const q: Item[] = [];
  for (const year of [2019, 2020]) {
    // Heads appeared at 16 of 25 hearings in 2019 and 20 of 25 in 2020 (every major case's).
    const appeared = year === 2019 ? 16 : 20;
    for (let i = 0; i < 25; i++) {
      const unit = owners[(i * 7 + year) % owners.length]!;
      const opened = wd(`${year}-01-06`, 3 + i * 9);
      const major = year === 2020 && i < 5;
      const heard = wd(opened, 20);
      const head = i < appeared;
      const judged = wd(heard, 15);
      const lost = i % 8 === 3;
      q.push(
        oneCase(
          ctx.cases,
          LITIGATION_TYPE,
          demoUsername(unit, "case_handler"),
          opened,
          {
            plaintiff: `${SURNAMES[i % SURNAMES.length]}某`,
            defendant: `重庆市武隆区${(units.get(unit) ?? "").replace(/^区/, "")}`,
            publicInterest: i === 7,
            court: i % 3 === 0 ? "重庆市武隆区人民法院" : "重庆市涪陵区人民法院",
            caseNo: `（${year}）渝${i % 3 === 0 ? "0156" : "0102"}行初${100 + i}号`,
            cause: i === 7 ? "行政公益诉讼" : "不服行政处罚",
            major,
            highProfile: major && i < 2,
          },
          [
            [
              heard,
              "hearing",
              {
                headAppeared: head,
                appearedBy: head ? "单位主要负责人" : "分管法制工作的工作人员",
                instance: "first",
              },
            ],
            [
              judged,
              "judge",
              {
                judgment: lost ? "revoke" : "dismiss_claim",
                judgmentNo: `（${year}）渝行初${100 + i}号判决书`,
              },
            ],
            lost
              ? [wd(judged, 10), "perform", { how: "已重新作出行政行为" }]
              : [wd(judged, 1), "close", {}],
          ],
        ),
      );
    }
  }
  await flush(ctx, q);
  return 50;
}

async function suggestions(ctx: DemoContext) {
  const { rng } = ctx;
  const owners = STAFFED_DEPARTMENTS.filter((d) => d !== "sfj");
  const q: Item[] = [];
  for (let i = 0; i < 36; i++) {
    const kind = i < 22 ? "npc" : "cppcc";
    const assigned = wd("2020-03-02", rng.int(0, 20));
    const replied = wd(assigned, 30 + rng.int(0, 20));
    q.push(
      oneCase(
        ctx.cases,
        DEPUTY_SUGGESTION_TYPE,
        demoUsername(owners[i % owners.length]!, "case_handler"),
        assigned,
        {
          kind,
          number: `${kind === "npc" ? "建议" : "提案"}第${i + 1}号`,
          subject: "关于加强城乡基础设施建设的建议",
          proposer: `${rng.pick(SURNAMES)}代表`,
        },
        [
          [replied, "reply", { category: rng.pick(["a", "b"]), content: "已研究落实并书面答复" }],
          [wd(replied, 10), "feedback", { satisfaction: "satisfied" }],
        ],
      ),
    );
  }
  for (let i = 0; i < 8; i++) {
    const kind = i < 3 ? "judicial" : "procuratorial";
    const received = wd("2020-02-03", 20 + i * 25);
    q.push(
      oneCase(
        ctx.cases,
        JUDICIAL_SUGGESTION_TYPE,
        demoUsername(owners[(i * 5) % owners.length]!, "case_handler"),
        received,
        {
          kind,
          publicInterest: kind === "procuratorial" && i % 2 === 0,
          issuer: kind === "judicial" ? "重庆市武隆区人民法院" : "重庆市武隆区人民检察院",
          documentNo: `武隆${kind === "judicial" ? "法" : "检"}建〔2020〕${i + 1}号`,
          subject: "关于规范行政执法程序的建议",
        },
        [[wd(received, 20), "reply", { adopted: true, content: "已采纳建议并完成整改" }]],
      ),
    );
  }
  await flush(ctx, q);
  return q.length;
}

async function audits(ctx: DemoContext) {
  const { registers, rng } = ctx;
  const reg = (code: string) => {
    const d = ctx.registry.register(code);
    if (!d) throw new Error(`register ${code} is not declared`);
    return d;
  };
  const bodies = (await ctx.units({ kind: ["department", "party_committee"] })).filter(
    (u) => u.regionCode === ctx.regionCode,
  );
  await ctx.as(AUDITOR, "2020-01-06", async (w) => {
    for (const b of bodies) {
      await registers.create(w, reg("budget_unit"), {
        data: { unitCode: b.code, name: b.nameZh, listedFrom: "2019-01-01" },
      });
    }
  });
  await ctx.as(AUDITOR, "2020-12-28", async (w) => {
    for (const [i, b] of bodies.entries()) {
      const started = wd("2020-03-02", (i * 3) % 180);
      const findings = rng.int(0, 6);
      await registers.create(w, reg("state_audit"), {
        data: {
          kind: "budget_execution",
          auditedUnitCode: b.code,
          auditedUnit: b.nameZh,
          year: 2019,
          startedOn: started,
          reportOn: wd(started, 30),
          findings,
          rectified: findings,
          reportPublished: true,
        },
      });
    }
    const rules = [
      ["武隆区审计整改工作办法", "武隆审发〔2020〕3号", "2020-03-16"],
      ["武隆区政府投资项目审计管理办法", "武隆审发〔2020〕9号", "2020-05-20"],
      ["武隆区经济责任审计工作规程", "武隆审发〔2020〕15号", "2020-08-12"],
      ["武隆区审计结果公告办法", "武隆审发〔2020〕21号", "2020-11-05"],
    ];
    for (const [title, documentNo, issuedOn] of rules) {
      await registers.create(w, reg("audit_rule"), { data: { title, documentNo, issuedOn } });
    }
  });
  return bodies.length;
}

export const oversightDemo: DemoContribution = {
  id: OVERSIGHT_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID, OVERSIGHT_ACCOUNTS_DEMO_ID],
  description:
    "reconsideration cases of 2020, litigation of 2019–2020, deputies', judicial and procuratorial suggestions, audits",
  async load(ctx) {
    const started = Date.now();
    const r = await reconsiderations(ctx);
    const hearings = await litigation(ctx);
    const s = await suggestions(ctx);
    const a = await audits(ctx);
    ctx.note(
      `23 reconsideration cases (${r.site} site inspections, ${r.interviews} interviews, ${r.served} documents served), ${hearings} court hearings, ${s} suggestions, ${a} budget units audited, 4 audit rules`,
    );
    ctx.note(`loaded in ${Date.now() - started} ms`);
  },
};
