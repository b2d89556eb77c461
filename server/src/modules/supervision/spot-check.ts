/**
 * 双随机抽查任务 (a random inspection task of the unit's plan, with its draw). 国发〔2019〕5号;
 * 《优化营商环境条例》第五十四条 (objects and inspectors drawn at random, results public).
 *
 * draft ─freeze→ frozen ─draw→ drawn;   draft | frozen | drawn ─cancel→ cancelled
 * - freeze (冻结并公布名单): the candidate lists are built from the records (pool.ts),
 *   checked (every object can get its inspectors), frozen on the case with their SM3
 *   hash, the algorithm and version, and the operator's commitment to a secret seed; the
 *   public random value's source and date were named when the task was opened and must
 *   lie after the freezing day (the value does not exist yet).
 * - draw (揭示种子并抽取): once, never again (the state); the seed must hash to the
 *   commitment and the public value's day must have come. The draw (draw.ts) picks the
 *   objects and their inspectors and opens one inspection case per drawn object.
 * - cancel (作废): with a reason, audited, and public.
 * The portal shows the published inputs and re-computes the draw (verifyDraw) whenever
 * the page is read; `fazhi draw verify <id>` does the same on the command line.
 */
import { z } from "zod";
import type { CaseTypeDecl, GuardContext } from "../../engines/case/index.ts";
import { t } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import { compareLocalDate, type LocalDate } from "../../kernel/time/index.ts";
import { L, MODULE, zDate, zUnitCode } from "./common.ts";
import {
  type DrawInputs,
  type DrawResult,
  inputsHash,
  runDraw,
  seedCommitment,
  VERIFY_PROBLEM_TEXT,
  verifyDraw,
} from "./draw.ts";
import {
  buildPool,
  type FrozenPool,
  INSPECTION_CASE,
  objectDetails,
  PLAN_CASE,
  type PlanFields,
  unitCodeOf,
} from "./pool.ts";
import { S_EXCLUSION_MONTHS } from "./settings.ts";

const BASIS = "国发〔2019〕5号；《优化营商环境条例》第五十四条";

const ratio = (k: string) => L(z.number().min(0).max(100), `${k}类比例（%）`, `Class ${k} (%)`);

export const PlanCaseFields = z
  .object({
    title: L(z.string().trim().min(1, "required").max(200), "抽查任务名称", "Task"),
    items: L(
      z.array(z.string().trim().min(1).max(40)).min(1).max(50),
      "抽查事项（编码）",
      "Items (codes)",
    ),
    departments: L(
      z.array(zUnitCode).min(1).max(10),
      "实施部门（联合抽查为多个）",
      "Departments (several for a joint plan)",
    ),
    industries: L(
      z.array(z.string().trim().min(1).max(100)).max(50).optional(),
      "对象范围（行业）",
      "Industries drawn from",
    ),
    ratios: L(
      z.object({
        A: ratio("A"),
        B: ratio("B"),
        C: ratio("C"),
        D: ratio("D"),
      }),
      "按风险等级的抽查比例（%）",
      "Ratio per risk class (%)",
    ),
    inspectorsPerObject: L(
      z.number().int().min(2).max(10),
      "每个对象的检查人员数（不少于2人）",
      "Inspectors per object (at least 2)",
    ),
    inspectionDate: L(zDate, "检查开始日期", "Inspection starts"),
    inspectionEnd: L(zDate, "检查结束日期", "Inspection ends"),
    publicRandomSource: L(
      z.string().trim().min(4).max(200),
      "公开随机数来源（事先公布）",
      "Public random source (named in advance)",
    ),
    publicRandomDate: L(zDate, "公开随机数产生日期", "Day the public value is produced"),
  })
  .refine((f) => f.inspectionEnd >= f.inspectionDate, {
    path: ["inspectionEnd"],
    message: zt("不得早于检查开始日期", "on or after the inspection start"),
  });

export interface PlanCase extends PlanFields {
  seedCommitment?: string;
  frozen?: FrozenPool & { inputsHash: string; frozenOn: string };
  seed?: string;
  publicRandomValue?: string;
  result?: DrawResult & { drawnOn: string };
  cancelReason?: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

async function poolFor(ctx: GuardContext<PlanCase>): Promise<FrozenPool> {
  const months = ctx.settings<number>(S_EXCLUSION_MONTHS);
  return buildPool(ctx.w, ctx.case.regionCode, ctx.case.fields, months);
}

async function itemsExist(ctx: GuardContext<PlanCase>) {
  const codes = ctx.case.fields.items;
  const rows = await ctx.w.trx
    .selectFrom("register_entry")
    .select("data")
    .where("region_code", "=", ctx.case.regionCode)
    .where("register", "=", "spot_check_item")
    .execute();
  const known = new Set(rows.map((r) => (r.data as { code: string }).code));
  const missing = codes.filter((c) => !known.has(c));
  return missing.length
    ? {
        message: t(
          `抽查事项清单中没有事项：${missing.join("、")}`,
          `not in the item list: ${missing.join(", ")}`,
        ),
      }
    : undefined;
}

export interface StoredDrawCheck {
  ok: boolean;
  /** Not drawn yet (or the record lacks what was published): nothing to re-compute. */
  drawn: boolean;
  problems: { code: string; zh: string; en: string }[];
  objects?: number;
}

/** Re-compute a stored draw from its published inputs (the CLI's `fazhi draw verify`). */
export function verifyStoredDraw(fields: unknown): StoredDrawCheck {
  const f = fields as PlanCase;
  if (
    !f?.result ||
    !f.frozen ||
    !f.seed ||
    f.publicRandomValue === undefined ||
    !f.seedCommitment
  ) {
    return { ok: false, drawn: false, problems: [] };
  }
  const v = verifyDraw({
    inputs: f.frozen.inputs,
    inputsHash: f.frozen.inputsHash,
    seedCommitment: f.seedCommitment,
    seed: f.seed,
    publicValue: f.publicRandomValue,
    result: f.result,
  });
  return {
    ok: v.ok,
    drawn: true,
    problems: v.problems.map((p) => ({ code: p, ...VERIFY_PROBLEM_TEXT[p] })),
    objects: f.result.objects.length,
  };
}

/** The public view of a draw, re-computed whenever it is read. */
export function publicDraw(c: { state: string; fields: PlanCase }): Record<string, unknown> {
  const f = c.fields;
  const out: Record<string, unknown> = {
    title: f.title,
    items: f.items.join("、"),
    departments: f.departments.join("、"),
    ratios: `A类${f.ratios.A}%，B类${f.ratios.B}%，C类${f.ratios.C}%，D类${f.ratios.D}%`,
    inspectorsPerObject: f.inspectorsPerObject,
    inspection: `${f.inspectionDate} 至 ${f.inspectionEnd}`,
    publicRandom: `${f.publicRandomSource}（${f.publicRandomDate}）`,
  };
  if (f.frozen) {
    out.algorithm = `${f.frozen.inputs.algorithm}（${f.frozen.inputs.version}）`;
    out.frozenOn = f.frozen.frozenOn;
    out.candidates = `检查对象${f.frozen.inputs.objects.length}个，检查人员${f.frozen.inputs.inspectors.length}名，回避${f.frozen.inputs.excluded.length}对，近期已检查或无可选人员排除${f.frozen.leftOut.length}个`;
    out.inputsHash = f.frozen.inputsHash;
    out.seedCommitment = f.seedCommitment;
  }
  if (f.result && f.frozen && f.seed && f.publicRandomValue !== undefined && f.seedCommitment) {
    out.seed = f.seed;
    out.publicRandomValue = f.publicRandomValue;
    out.drawnOn = f.result.drawnOn;
    out.drawn = f.result.objects
      .map((o) => `${o.id}（${o.risk}类）：${o.inspectors.join("、")}`)
      .join("；");
    const v = verifyDraw({
      inputs: f.frozen.inputs,
      inputsHash: f.frozen.inputsHash,
      seedCommitment: f.seedCommitment,
      seed: f.seed,
      publicValue: f.publicRandomValue,
      result: f.result,
    });
    out.verification = v.ok
      ? "一致：按公布的名单、种子和公开随机数重新抽取，结果与记录相同"
      : `不一致：${v.problems.map((p) => VERIFY_PROBLEM_TEXT[p].zh).join("；")}`;
  }
  if (c.state === "cancelled") out.cancelReason = f.cancelReason;
  return out;
}

export const planCaseType: CaseTypeDecl<PlanCase> = {
  code: PLAN_CASE,
  label: { zh: "双随机抽查任务", en: "Random inspection task" },
  module: MODULE,
  fields: PlanCaseFields,
  title: (f) => f.title,
  states: {
    draft: { label: { zh: "拟定", en: "Draft" } },
    frozen: { label: { zh: "名单已冻结公布", en: "Lists frozen and published" } },
    drawn: { label: { zh: "已抽取", en: "Drawn" } },
    cancelled: { label: { zh: "已作废", en: "Cancelled" }, terminal: true },
  },
  initial: "draft",
  stepFields: ["frozen", "result", "seed", "publicRandomValue"],
  derived: z.object({
    frozen: L(z.object({}), "冻结的候选名单", "Frozen candidate lists"),
    result: L(z.object({}), "抽取结果", "Draw result"),
  }),
  reads: { settings: [S_EXCLUSION_MONTHS] },
  transitions: [
    {
      action: "freeze",
      label: { zh: "冻结并公布名单", en: "Freeze and publish the lists" },
      from: ["draft"],
      to: "frozen",
      input: z.object({
        seedCommitment: L(
          z.string().trim().toLowerCase().regex(HEX64),
          "种子承诺值（SM3）",
          "Seed commitment (SM3)",
        ),
      }),
      setsFields: ["seedCommitment"],
      reads: {
        settings: [S_EXCLUSION_MONTHS],
        registers: ["inspection_object", "spot_check_item"],
      },
      guards: [
        async (ctx) => {
          const own = await unitCodeOf(ctx.w, ctx.case.unitId);
          return own && ctx.case.fields.departments.includes(own)
            ? undefined
            : {
                message: t(
                  "实施部门应包括本单位（检查人员来自有管辖权的部门）",
                  "the departments must include this unit (inspectors come from the competent unit)",
                ),
              };
        },
        (ctx) =>
          compareLocalDate(ctx.case.fields.publicRandomDate as LocalDate, ctx.onDate) > 0
            ? undefined
            : {
                message: t(
                  `公开随机数产生日期（${ctx.case.fields.publicRandomDate}）应晚于名单冻结之日：冻结时随机数尚不能存在`,
                  `the public value's day (${ctx.case.fields.publicRandomDate}) must come after the freezing day`,
                ),
              },
        itemsExist,
        async (ctx) => {
          const pool = await poolFor(ctx);
          if (pool.inputs.objects.length > 0) return undefined;
          const unstaffed = pool.leftOut.filter((l) => l.reason === "no_eligible_inspectors");
          return unstaffed.length > 0
            ? {
                message: t(
                  `没有可抽取的检查对象：各对象可选检查人员不足（需${ctx.case.fields.inspectorsPerObject}名有效执法证且无回避情形的人员，联合抽查每部门至少1名）`,
                  "no objects to draw from: not enough eligible inspectors for any of them",
                ),
              }
            : { message: t("没有可抽取的检查对象", "no objects to draw from") };
        },
      ],
      derive: async (ctx) => {
        const pool = await poolFor(ctx);
        return {
          frozen: { ...pool, inputsHash: inputsHash(pool.inputs), frozenOn: ctx.onDate },
        };
      },
    },
    {
      action: "draw",
      label: { zh: "揭示种子并抽取", en: "Reveal the seed and draw" },
      from: ["frozen"],
      to: "drawn",
      input: z.object({
        seed: L(z.string().trim().min(32).max(200), "种子（冻结时承诺）", "Seed (committed)"),
        publicRandomValue: L(
          z.string().trim().min(1).max(200),
          "公开随机数（开奖结果等）",
          "Public random value",
        ),
      }),
      setsFields: ["seed", "publicRandomValue"],
      guards: [
        (ctx) =>
          seedCommitment(String(ctx.input.seed)) === ctx.case.fields.seedCommitment
            ? undefined
            : {
                field: "seed",
                message: t(
                  "种子与冻结名单时公布的承诺值不符",
                  "the seed does not match the commitment published at freezing",
                ),
              },
        (ctx) =>
          compareLocalDate(ctx.onDate, ctx.case.fields.publicRandomDate as LocalDate) >= 0
            ? undefined
            : {
                message: t(
                  `公开随机数在 ${ctx.case.fields.publicRandomDate} 产生，此前不能抽取`,
                  `the public value is produced on ${ctx.case.fields.publicRandomDate}: no draw before it`,
                ),
              },
      ],
      derive: (ctx) => {
        const inputs = ctx.case.fields.frozen?.inputs as DrawInputs;
        const r = runDraw(inputs, String(ctx.input.seed), String(ctx.input.publicRandomValue));
        return { result: { ...r, drawnOn: ctx.onDate } };
      },
      effect: async (ctx) => {
        const f = ctx.next.fields;
        const drawn = f.result?.objects ?? [];
        const details = await objectDetails(
          ctx.w,
          ctx.next.regionCode,
          drawn.map((o) => o.id),
        );
        for (const o of drawn) {
          const d = details.get(o.id);
          await ctx.openCase(INSPECTION_CASE, {
            fields: {
              planTitle: f.title,
              uscc: o.id,
              objectName: d?.name ?? o.id,
              address: d?.address ?? "（未登记）",
              risk: o.risk,
              inspectors: o.inspectors,
              items: f.items,
              inspectionDate: f.inspectionDate,
              inspectionEnd: f.inspectionEnd,
            },
            link: "part_of",
          });
        }
      },
    },
    {
      action: "cancel",
      label: { zh: "作废", en: "Cancel" },
      from: ["draft", "frozen", "drawn"],
      to: "cancelled",
      input: z.object({
        cancelReason: L(z.string().trim().min(4).max(1000), "作废理由（公开）", "Reason (public)"),
      }),
      setsFields: ["cancelReason"],
      sensitive: true,
    },
  ],
  links: ["part_of"],
  public: (c) => publicDraw(c),
  publicStates: ["frozen", "drawn", "cancelled"],
  // Every frozen, drawn or cancelled task is shown: the portal pages in SQL.
  publicFilter: (eb) => eb.lit(true),
  publicLabels: {
    title: { zh: "抽查任务", en: "Task" },
    items: { zh: "抽查事项", en: "Items" },
    departments: { zh: "实施部门", en: "Departments" },
    ratios: { zh: "抽查比例", en: "Ratios" },
    inspectorsPerObject: { zh: "每个对象检查人员数", en: "Inspectors per object" },
    inspection: { zh: "检查时间", en: "Inspection" },
    publicRandom: { zh: "公开随机数来源", en: "Public random source" },
    algorithm: { zh: "抽取算法及版本", en: "Algorithm" },
    frozenOn: { zh: "名单冻结日期", en: "Frozen on" },
    candidates: { zh: "候选名单", en: "Candidates" },
    inputsHash: { zh: "候选名单摘要（SM3）", en: "Candidate lists hash" },
    seedCommitment: { zh: "种子承诺值（SM3）", en: "Seed commitment" },
    seed: { zh: "种子", en: "Seed" },
    publicRandomValue: { zh: "公开随机数", en: "Public random value" },
    drawnOn: { zh: "抽取日期", en: "Drawn on" },
    drawn: { zh: "抽取结果（对象：检查人员执法证号）", en: "Drawn" },
    verification: { zh: "复核结果", en: "Verification" },
    cancelReason: { zh: "作废理由", en: "Reason for cancelling" },
  },
  search: { fields: ["title"] },
};

export { BASIS as SPOT_CHECK_BASIS };
