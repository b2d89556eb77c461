/**
 * The demo's year of applications (Wulong 2020):
 * - the 10,283 joint matters of seed 一(三)1 — real-estate registration, transaction and
 *   tax at the registration windows (《优化营商环境条例》第四十七条) — and a sample of
 *   ordinary applications (`FAZHI_DEMO_SERVICE_APPLICATIONS`, default 2,000) for the
 *   catalogue's items, brought in as the registration system and the units' systems would
 *   export them, through the case engine's import (CSV, all rows or none, audited per
 *   case). The import carries no sub-cases, suspensions or extensions: a joint matter is
 *   one case with its units as a field and its days used as recorded (docs/services.md);
 * - a handful of showcase applications step by step through the engine: a completion
 *   notice, an expert review that stops the clock and an extension, a deemed acceptance,
 *   and a joint licensing matter with its parts processed in parallel.
 * Days used are drawn per matter and the dates laid on the legal calendar, so the time
 * reduction and on-time rate come out of the records.
 */
import { type DemoContext, walkCase } from "../../../engines/demo/index.ts";
import { demoUsccs } from "../../../kernel/codes/uscc.ts";
import {
  bundledNotices,
  fromEpochDay,
  LegalCalendar,
  type LocalDate,
  toEpochDay,
} from "../../../kernel/time/index.ts";
import { demoUsername } from "../../directory/index.ts";
import { APPLICATION, JOINT, JOINT_PART } from "../common.ts";
import type { ItemData } from "../registers.ts";
import { csv } from "./csv.ts";

/** The seed's joint matters of 2020: imported, less the showcase's one opened step by step. */
export const JOINT_MATTERS = 10_283;
const SHOWCASE_JOINT = 1;
export const DEMO_SERVICE_APPLICATIONS = 2_000;
const OFFICE = demoUsername("yfzqb", "rule_of_law_office");
/** The day the 2020 history was brought over from the units' systems. */
const IMPORTED_ON = "2021-01-29";

const cal = new LegalCalendar(bundledNotices());
const d = (s: string) => s as LocalDate;
const SURNAMES = [..."王李张刘陈杨黄赵周吴徐孙冉向谭彭罗何胡秦郑蒋曾唐田熊余杜任夏"];
const GIVEN = [..."明华建国丽芳军平强燕勇静磊敏洪涛艳斌霞波林英杰红鹏婷文俊宇欣晓春秀兰志东"];
const TOWNS = [
  "巷口镇",
  "仙女山街道",
  "芙蓉街道",
  "凤山街道",
  "白马镇",
  "羊角镇",
  "火炉镇",
  "江口镇",
];

/** Working days of 2020 from `from` to `to`, in order. */
function workingDays(from: string, to: string): LocalDate[] {
  const out: LocalDate[] = [];
  for (let e = toEpochDay(d(from)); e <= toEpochDay(d(to)); e++) {
    const day = fromEpochDay(e);
    if (cal.isWorkingDay(day)) out.push(day);
  }
  return out;
}

function personName(ctx: DemoContext): string {
  const { rng } = ctx;
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : "");
}

const JOINT_KEYS = [
  "_unit",
  "_state",
  "_opened",
  "step.accept",
  "step.all_done",
  "step.conclude",
  "kind",
  "matter",
  "applicant.kind",
  "applicant.name",
  "channel",
  "units",
  "legalDays",
  "acceptedFrom",
  "workingDaysUsed",
  "extensionDays",
  "onTime",
] as const;

async function importJoint(ctx: DemoContext): Promise<number> {
  const { rng } = ctx;
  const days = workingDays("2020-01-02", "2020-12-24");
  const byMonth = new Map<string, Record<string, unknown>[]>();
  const limit = 30; // 《不动产登记暂行条例》第二十条 (the setting's national default)
  const count = JOINT_MATTERS - SHOWCASE_JOINT;
  for (let k = 0; k < count; k++) {
    const opened = days[Math.floor((k * days.length) / count)]!;
    // Most are done within a week; a few wait on a dispute or a survey.
    const used = rng.chance(0.03) && opened < "2020-12-01" ? rng.int(8, 28) : rng.int(1, 6);
    const done = cal.nthWorkingDayAfter(opened, used);
    const row = {
      _unit: "ghzrzyj",
      _state: "concluded",
      _opened: opened,
      "step.accept": opened,
      "step.all_done": done,
      "step.conclude": done,
      kind: "real_estate",
      matter: `${rng.pick(["存量房", "商品房", "商品房", "二手房"])}转移登记（${rng.pick(TOWNS)}）`,
      "applicant.kind": "natural_person",
      "applicant.name": personName(ctx),
      channel: rng.chance(0.2) ? "online" : "window",
      units: ["ghzrzyj", "zfcxjw", "swj"],
      legalDays: limit,
      acceptedFrom: opened,
      workingDaysUsed: used,
      extensionDays: 0,
      onTime: used <= limit,
    };
    const month = opened.slice(0, 7);
    if (!byMonth.has(month)) byMonth.set(month, []);
    byMonth.get(month)!.push(row);
  }
  let n = 0;
  for (const [month, rows] of byMonth) {
    const s = await ctx.as(OFFICE, IMPORTED_ON, (w) =>
      ctx.cases.importHistory(w, JOINT, csv(JOINT_KEYS, rows), {
        fileName: `不动产登记一窗办理-${month}.csv`,
      }),
    );
    n += s.rows;
  }
  return n;
}

const APP_KEYS = [
  "_unit",
  "_state",
  "_opened",
  "step.accept",
  "step.review",
  "step.decide",
  "step.deliver",
  "itemCode",
  "applicant.kind",
  "applicant.name",
  "applicant.uscc",
  "channel",
  "itemName",
  "legalDays",
  "promisedDays",
  "acceptedFrom",
  "deemedAccepted",
  "reviewOpinion",
  "outcome",
  "reasons",
  "workingDaysUsed",
  "extensionDays",
  "onTime",
  "withinPromise",
] as const;

async function importApplications(ctx: DemoContext, items: ItemData[]): Promise<number> {
  const { rng } = ctx;
  const count = Number(process.env.FAZHI_DEMO_SERVICE_APPLICATIONS ?? DEMO_SERVICE_APPLICATIONS);
  if (!(count > 0)) return 0;
  const usable = items.filter((it) => it.kind === "licensing" && it.venue === "centre");
  const usccs = demoUsccs(rng.int(1, 2 ** 30), 400, { kinds: ["91", "92"], regions: ["500156"] });
  const days = workingDays("2020-01-02", "2020-12-10");
  const rows: Record<string, unknown>[] = [];
  for (let k = 0; k < count; k++) {
    const it = rng.pick(usable);
    const opened = days[Math.floor((k * days.length) / count)]!;
    const promised = it.promisedDays || 0;
    // Within the promise as a rule; some take longer, a few run past the legal limit.
    const r = rng.next();
    const used =
      promised === 0
        ? 0
        : r < 0.9
          ? rng.int(Math.max(0, promised - 3), promised)
          : r < 0.99
            ? rng.int(promised, it.legalDays)
            : it.legalDays + rng.int(1, 3);
    const decided = used === 0 ? opened : cal.nthWorkingDayAfter(opened, used);
    // The licence collected the same day or served the next working day (第四十四条).
    const delivered = rng.int(0, 2) === 0 ? decided : cal.nthWorkingDayAfter(decided, 1);
    const refused = rng.chance(0.03);
    const org = rng.chance(0.7);
    rows.push({
      _unit: it.unitCode,
      _state: "delivered",
      _opened: opened,
      "step.accept": opened,
      "step.review": decided,
      "step.decide": decided,
      "step.deliver": delivered,
      itemCode: it.code,
      "applicant.kind": org ? "legal_person" : "natural_person",
      "applicant.name": org
        ? `重庆市武隆区${rng.pick(TOWNS)}${rng.pick(["商贸", "餐饮", "建材", "运输", "旅游"])}有限公司${k + 1}`
        : personName(ctx),
      "applicant.uscc": org ? rng.pick(usccs) : "",
      channel: rng.chance(0.45) ? "online" : rng.chance(0.05) ? "mail" : "window",
      itemName: it.name,
      legalDays: it.legalDays,
      promisedDays: it.promisedDays,
      acceptedFrom: opened,
      deemedAccepted: false,
      reviewOpinion: refused ? "不符合法定条件" : "符合法定条件、标准",
      outcome: refused ? "refused" : "granted",
      reasons: refused ? "申请材料反映的条件不符合法定条件、标准" : "",
      workingDaysUsed: used,
      extensionDays: 0,
      onTime: used <= it.legalDays,
      withinPromise: used <= (it.promisedDays || it.legalDays),
    });
  }
  const s = await ctx.as(OFFICE, IMPORTED_ON, (w) =>
    ctx.cases.importHistory(w, APPLICATION, csv(APP_KEYS, rows), {
      fileName: "2020年政务服务办件.csv",
    }),
  );
  return s.rows;
}

async function versionOf(ctx: DemoContext, id: number): Promise<number> {
  const r = await ctx.db
    .selectFrom("case_file")
    .select("version")
    .where("region_code", "=", ctx.regionCode)
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return r.version;
}

/** A few applications step by step: what a window's day looks like. */
async function showcase(ctx: DemoContext, items: ItemData[]) {
  const { cases } = ctx;
  const handler = demoUsername("scjgj", "case_handler");
  const leader = demoUsername("scjgj", "unit_leader");
  const item = items.find(
    (it) => it.unitCode === "scjgj" && it.handling === "promised" && it.legalDays === 20,
  )!;
  const company = (n: number) => ({
    kind: "legal_person",
    name: `重庆市武隆区仙女山${["餐饮", "食品", "商贸"][n]}有限公司`,
    uscc: demoUsccs(9_000 + n, 1, { kinds: ["91"], regions: ["500156"] })[0],
  });
  /** The case as it stands now (after a suspension, a resumption or an extension). */
  const latest = async (id: number) => ({ id, version: await versionOf(ctx, id) });
  const open = (n: number, onDate: string, channel: string) =>
    ctx.as(handler, onDate, (w) =>
      cases.open(w, APPLICATION, {
        onDate,
        fields: { itemCode: item.code, applicant: company(n), channel, matter: `${item.name}申请` },
      }),
    );

  // 1. Incomplete materials: one notice within five working days, accepted when complete.
  await walkCase(ctx, APPLICATION, await open(0, "2020-09-01", "window"), handler, [
    {
      action: "notify_completion",
      on: "2020-09-02",
      input: { completionItems: "补充提交经营场所平面图和食品安全管理制度文本" },
    },
    { action: "accept", on: "2020-09-07", input: {} },
    {
      action: "review",
      on: "2020-09-09",
      input: { reviewOpinion: "材料齐全，符合法定条件", reviewers: ["周审查"] },
    },
    { action: "decide", on: "2020-09-10", input: { outcome: "granted" } },
    { action: "deliver", on: "2020-09-10", input: { method: "electronic" } },
    { action: "rate", on: "2020-09-11", input: { rating: "very_satisfied" } },
  ]);

  // 2. Expert review (not counted, 第四十五条) and an extension approved by the head (第四十二条).
  const b = await walkCase(ctx, APPLICATION, await open(1, "2020-09-21", "online"), handler, [
    { action: "accept", on: "2020-09-21", input: {} },
    {
      action: "notify_excluded_time",
      on: "2020-09-23",
      input: {
        procedure: "expert_review",
        expectedDays: 10,
        notice: "需组织专家评审，所需时间10日，不计入办理期限",
      },
    },
  ]);
  await ctx.as(handler, "2020-09-23", async (w) =>
    cases.suspend(w, APPLICATION, b.id, {
      version: await versionOf(ctx, b.id),
      reason: "专家评审（第四十五条）",
      onDate: "2020-09-23",
    }),
  );
  await ctx.as(handler, "2020-10-12", async (w) =>
    cases.resume(w, APPLICATION, b.id, {
      version: await versionOf(ctx, b.id),
      onDate: "2020-10-12",
    }),
  );
  await ctx.as(leader, "2020-10-26", async (w) =>
    cases.extend(w, APPLICATION, b.id, {
      version: await versionOf(ctx, b.id),
      clock: "legal",
      period: "10wd",
      reason: "需现场核查，经负责人批准延长",
      notice: { on: "2020-10-26", text: "因需现场核查，办理期限延长十个工作日" },
      onDate: "2020-10-26",
    }),
  );
  await walkCase(ctx, APPLICATION, await latest(b.id), handler, [
    {
      action: "review",
      on: "2020-11-02",
      input: {
        reviewOpinion: "经专家评审和实地核查，符合条件",
        onSiteVerification: true,
        reviewers: ["周审查", "吴核查"],
      },
    },
    { action: "decide", on: "2020-11-03", input: { outcome: "granted" } },
    { action: "deliver", on: "2020-11-05", input: { method: "window" } },
  ]);

  // 3. No notice within five working days: accepted from the day of receipt (第三十二条).
  await walkCase(ctx, APPLICATION, await open(2, "2020-11-09", "mail"), handler, [
    { action: "accept", on: "2020-11-18", input: {} },
    {
      action: "review",
      on: "2020-11-20",
      input: { reviewOpinion: "符合法定条件", reviewers: ["周审查"] },
    },
    {
      action: "decide",
      on: "2020-11-23",
      input: { outcome: "refused", reasons: "经营场所与有毒、有害场所的距离不符合要求" },
    },
    { action: "deliver", on: "2020-11-24", input: { method: "mail" } },
  ]);

  // 4. Joint licensing by several departments (第二十六条、第四十二条第二款): parts in parallel.
  const zwb = demoUsername("zwb", "case_handler");
  const j = await ctx.as(zwb, "2020-10-12", (w) =>
    cases.open(w, JOINT, {
      onDate: "2020-10-12",
      fields: {
        kind: "licensing",
        matter: "开办民宿（食品经营、公共场所卫生、特种行业）联合办理",
        applicant: company(0),
        channel: "window",
        units: ["scjgj", "wsjkw"],
      },
    }),
  );
  await walkCase(ctx, JOINT, j, zwb, [{ action: "accept", on: "2020-10-12" }]);
  const parts: [string, string][] = [
    ["scjgj", "食品经营许可"],
    ["wsjkw", "公共场所卫生许可"],
  ];
  const subs: { id: number; unit: string }[] = [];
  for (const [unit, task] of parts) {
    const sub = await ctx.as(zwb, "2020-10-12", async (w) =>
      cases.openSubCase(w, JOINT, j.id, {
        unitId: await ctx.unitId(unit),
        fields: { task },
        onDate: "2020-10-12",
      }),
    );
    subs.push({ id: sub.id, unit });
  }
  for (const [k, s] of subs.entries()) {
    const on = k === 0 ? "2020-10-16" : "2020-10-20";
    await walkCase(ctx, JOINT_PART, await latest(s.id), demoUsername(s.unit, "case_handler"), [
      { action: "finish", on, input: { outcome: "done" } },
    ]);
  }
  await walkCase(ctx, JOINT, await latest(j.id), zwb, [{ action: "conclude", on: "2020-10-21" }]);
}

export async function loadApplications(ctx: DemoContext, items: ItemData[]) {
  const started = Date.now();
  const joint = await importJoint(ctx);
  const t1 = Date.now();
  const apps = await importApplications(ctx, items);
  const t2 = Date.now();
  await showcase(ctx, items);
  ctx.note(
    `${joint} joint matters imported in ${t1 - started} ms; ${apps} applications imported in ${t2 - t1} ms; showcase in ${Date.now() - t2} ms`,
  );
}
