/**
 * A draft composed for a region and a year: every figure computed through the indicator
 * engine (never here), written by its rule, and the consistency checks the writer sees.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Label } from "../../kernel/labels.ts";
import { evaluatePeriods, type IndicatorValue } from "../indicator/engine.ts";
import type { Registry } from "../registry.ts";
import type { DraftBlock, FigureDecl, ReportDraft, ReportTemplateDecl } from "./declare.ts";
import {
  countsForRate,
  type FigureRule,
  figureAgrees,
  parseFigure,
  renderFigure,
} from "./figures.ts";
import { type Part, parseParts } from "./placeholders.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface ComposedFigure {
  key: string;
  indicator: string;
  label: Label;
  unit: Label;
  /** The exact value (rounded to the indicator's decimals); null: undefined or not declared. */
  value: number | null;
  decimals: number;
  /** As the report writes it by the figure's rule. */
  text: string;
  /** The indicator is not declared (yet): its module is still to come. */
  pending: boolean;
}

export type CheckKind =
  | "typed_differs"
  | "impossible_rate"
  | "unsupported_change"
  | "no_value"
  | "pending"
  | "unknown_placeholder";

export interface ReportCheck {
  kind: CheckKind;
  /** The placeholder (figure key). */
  key: string;
  message: Label;
}

export type ComposedPart =
  | { kind: "text"; text: string }
  | { kind: "figure"; key: string; text: string; typed: string | null };

export interface ComposedBlock {
  kind: DraftBlock["kind"];
  level: number | null;
  parts: ComposedPart[];
}

export interface ComposedReport {
  template: string;
  region: string;
  year: number;
  draft: ReportDraft;
  blocks: ComposedBlock[];
  /** Every figure the narrative names, by key (its first rule). */
  figures: ComposedFigure[];
  checks: ReportCheck[];
}

/** The figure a key names: the template's, or an indicator by its id with the default rule. */
function figureOf(
  template: ReportTemplateDecl,
  registry: Registry,
  key: string,
): FigureDecl | undefined {
  const f = template.figures[key];
  if (f) return f;
  return registry.indicator(key) ? { indicator: key } : undefined;
}

/** The rule a figure is written by: its own, else the indicator's decimals and "%" after a rate. */
export function ruleOf(
  f: FigureDecl,
  v: Pick<IndicatorValue, "unit" | "decimals"> | undefined,
): FigureRule {
  const base: FigureRule = {
    decimals: v?.decimals ?? 0,
    ...(v?.unit.zh === "%" ? { unit: "%" } : {}),
  };
  return { ...base, ...(f.rule ?? {}) };
}

/** The parts of every block. */
export function draftParts(
  draft: ReportDraft,
  year: number,
): { block: DraftBlock; parts: Part[] }[] {
  return draft.blocks.map((block) => ({ block, parts: parseParts(block.text, year) }));
}

/** The indicator of every figure a draft shows. */
function figureIndicators(
  template: ReportTemplateDecl,
  registry: Registry,
  draft: ReportDraft,
  year: number,
) {
  const found = [];
  for (const { parts } of draftParts(draft, year)) {
    for (const p of parts) {
      if (p.kind !== "figure") continue;
      const f = figureOf(template, registry, p.key);
      const d = f && registry.indicator(f.indicator);
      if (d) found.push(d);
    }
  }
  return found;
}

/** The indicators a draft needs: its figures' and what they derive from (denominators, the year before). */
export function indicatorsNeeded(
  template: ReportTemplateDecl,
  registry: Registry,
  draft: ReportDraft,
  year: number,
): string[] {
  const ids = new Set<string>();
  for (const d of figureIndicators(template, registry, draft, year)) {
    ids.add(d.id);
    for (const dep of d.dependsOn ?? []) ids.add(dep);
  }
  return [...ids];
}

/** The indicators whose year-before value a draft's changes are checked against. */
function changeBases(
  template: ReportTemplateDecl,
  registry: Registry,
  draft: ReportDraft,
  year: number,
): string[] {
  const ids = new Set<string>();
  for (const d of figureIndicators(template, registry, draft, year)) {
    const deps = d.dependsOn ?? [];
    if (d.unit.zh === "%" && deps.length === 1) ids.add(deps[0]!);
  }
  return [...ids];
}

const zhNumber = (n: number) => String(n);

/** Compose a draft: live figures and the writer's checks. */
export async function composeReport(
  registry: Registry,
  db: Db,
  p: { region: string; year: number; template: ReportTemplateDecl; draft: ReportDraft },
): Promise<ComposedReport> {
  const { template, draft, year } = p;
  const ids = indicatorsNeeded(template, registry, draft, year);
  const before = changeBases(template, registry, draft, year);
  // This year's figures and the year before's bases of the changes: one evaluation.
  const [now = [], then = []] = ids.length
    ? await evaluatePeriods(registry, db, {
        region: p.region,
        periods: [
          { year, indicatorIds: ids },
          ...(before.length ? [{ year: year - 1, indicatorIds: before }] : []),
        ],
      })
    : [];
  const values = new Map<string, IndicatorValue>(now.map((v) => [v.id, v]));
  const previous = new Map<string, number | null>(then.map((v) => [v.id, v.value]));
  const figures = new Map<string, ComposedFigure>();
  const checks: ReportCheck[] = [];
  const checked = new Set<string>();
  const check = (c: ReportCheck) => {
    const k = `${c.kind}|${c.key}|${c.message.zh}`;
    if (checked.has(k)) return;
    checked.add(k);
    checks.push(c);
  };
  const blocks: ComposedBlock[] = [];
  for (const { block, parts } of draftParts(draft, year)) {
    const out: ComposedPart[] = [];
    for (const part of parts) {
      if (part.kind === "text") {
        out.push(part);
        continue;
      }
      const f = figureOf(template, registry, part.key);
      if (!f) {
        check({
          kind: "unknown_placeholder",
          key: part.key,
          message: {
            zh: `“${part.key}”不是本模板的数字，也不是指标`,
            en: `"${part.key}" is neither a figure of this template nor an indicator`,
          },
        });
        out.push({
          kind: "figure",
          key: part.key,
          text: part.typed ?? "—",
          typed: part.typed ?? null,
        });
        continue;
      }
      const decl = registry.indicator(f.indicator);
      const v = values.get(f.indicator);
      const rule = ruleOf(f, v);
      const text = decl ? renderFigure(v?.value ?? null, rule, rule.decimals) : "—";
      if (!figures.has(part.key)) {
        figures.set(part.key, {
          key: part.key,
          indicator: f.indicator,
          label: decl?.label ?? { zh: f.indicator, en: f.indicator },
          unit: decl?.unit ?? { zh: "", en: "" },
          value: v?.value ?? null,
          decimals: v?.decimals ?? 0,
          text,
          pending: !decl,
        });
      }
      out.push({
        kind: "figure",
        key: part.key,
        text: part.typed ?? text,
        typed: part.typed ?? null,
      });
      const label = decl?.label.zh ?? f.indicator;
      if (!decl) {
        check({
          kind: "pending",
          key: part.key,
          message: {
            zh: `指标“${f.indicator}”尚未建立，数字${part.typed ? `“${part.typed}”为手工填写，未经核对` : "无法计算"}`,
            en: `indicator "${f.indicator}" is not declared yet; the figure ${part.typed ? `"${part.typed}" is typed and unchecked` : "cannot be computed"}`,
          },
        });
        continue;
      }
      const value = v?.value ?? null;
      if (value === null) {
        check({
          kind: "no_value",
          key: part.key,
          message: {
            zh: `“${label}”没有可计算的数值（没有记录或分母为零）`,
            en: `"${decl.label.en}" has no value (no records, or a rate over nothing)`,
          },
        });
      }
      if (part.typed !== undefined && value !== null && !figureAgrees(part.typed, value, rule)) {
        check({
          kind: "typed_differs",
          key: part.key,
          message: {
            zh: `正文填写的“${part.typed}”与指标“${label}”不一致：按记录应为“${text}”`,
            en: `the narrative says "${part.typed}" but "${decl.label.en}" is "${text}" by the records`,
          },
        });
      }
      // A rate typed: can a whole count of its denominator give it?
      const deps = decl.dependsOn ?? [];
      const typed = part.typed !== undefined ? parseFigure(part.typed) : undefined;
      if (typed && typed.claim === "exact" && decl.unit.zh === "%" && deps.length === 2) {
        const den = values.get(deps[1]!)?.value;
        if (den !== null && den !== undefined && Number.isInteger(den) && den > 0) {
          const fit = countsForRate(typed.value, den, typed.decimals);
          if (fit.exact === undefined) {
            const near = fit.nearest.map((n) => `${zhNumber(n.count)}/${den}=${n.rate}%`);
            check({
              kind: "impossible_rate",
              key: part.key,
              message: {
                zh: `“${part.typed}”不可能是${den}的整数比率（最接近：${near.join("，")}）`,
                en: `"${part.typed}" is no whole count of ${den} (nearest: ${near.join(", ")})`,
              },
            });
          }
        }
      }
      // A change on the year before: does last year's data support it?
      if (decl.unit.zh === "%" && deps.length === 1) {
        const base = previous.get(deps[0]!) ?? null;
        if (base === null || base === 0) {
          const baseLabel = registry.indicator(deps[0]!)?.label;
          check({
            kind: "unsupported_change",
            key: part.key,
            message: {
              zh: `${year - 1}年“${baseLabel?.zh ?? deps[0]}”没有数据（或为零），无法支持同比变化${part.typed ? `“${part.typed}”` : ""}`,
              en: `${year - 1} has no value (or zero) for "${baseLabel?.en ?? deps[0]}": the year-on-year change is not supported`,
            },
          });
        }
      }
    }
    blocks.push({
      kind: block.kind,
      level: block.kind === "heading" ? block.level : null,
      parts: out,
    });
  }
  return {
    template: template.code,
    region: p.region,
    year,
    draft,
    blocks,
    figures: [...figures.values()],
    checks,
  };
}

/** The narrative with every placeholder written out (for .docx, Markdown and the portal). */
export function blockText(b: ComposedBlock): string {
  return b.parts.map((p) => p.text).join("");
}
