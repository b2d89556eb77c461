/**
 * The indicator engine's pure rules: periods, rounding, definitions, links, and the
 * checks of the declarations. No I/O.
 */
import { t, ValidationError } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import { localDate, parseLocalDate, yearOf } from "../../kernel/time/index.ts";
import type { DrillRow, IndicatorDecl, IndicatorPeriod } from "./declare.ts";

/** Who a figure is computed for: said beside every definition. */
export const SCOPE_NOTE: Label = {
  zh: "数字按查看者可见的记录计算：单位用户只看到本单位（及其参与）的记录；区、市依法治区办看到本地区全部记录。年度报告以地区（依法治区办）身份计算，命令行以系统（全部记录）身份计算。市级数字按所辖各区记录合计计算。",
  en: "Figures count the records the viewer may see: a unit's user sees its own unit's records (and cases it takes part in); a rule-of-law office sees all of its region's. The annual report is computed as a region-scoped actor, the command line as the installation (all records). A city's figures count its districts' records together.",
};

/** Decimals a value is rounded to unless its declaration says otherwise. */
export const DEFAULT_DECIMALS = 2;

/** The period of a request: a calendar year, or from/to (civil dates, both included). */
export function resolvePeriod(p: { year?: number; from?: string; to?: string }): IndicatorPeriod {
  if (p.from !== undefined || p.to !== undefined) {
    if (p.year !== undefined) {
      throw new ValidationError(
        t("请选择年度或起止日期，不能同时选择", "give a year or a from/to period, not both"),
        [{ field: "year", message: t("不能与起止日期同时使用", "not with from/to") }],
      );
    }
    const fields = [];
    if (p.from === undefined)
      fields.push({ field: "from", message: t("有截止日期时必填", "required with to") });
    if (p.to === undefined)
      fields.push({ field: "to", message: t("有起始日期时必填", "required with from") });
    if (fields.length)
      throw new ValidationError(
        t("期间须同时有起始日期和截止日期", "a period needs both from and to"),
        fields,
      );
    const from = parseLocalDate(p.from, "from");
    const to = parseLocalDate(p.to, "to");
    if (from > to) {
      throw new ValidationError(
        t(
          `截止日期（${to}）早于起始日期（${from}）`,
          `the period ends (${to}) before it starts (${from})`,
        ),
        [{ field: "to", message: t("不能早于起始日期", "must not be before from") }],
      );
    }
    return { from, to, year: yearOf(to) };
  }
  if (p.year === undefined) {
    throw new ValidationError(
      t("请选择年度（或起止日期）", "a year (or from and to) is required"),
      [{ field: "year", message: t("必填", "required") }],
    );
  }
  if (!Number.isInteger(p.year) || p.year < 1000 || p.year > 9999) {
    throw new ValidationError(t(`“${p.year}”不是年度`, `not a year: ${p.year}`), [
      { field: "year", message: t("应为四位数的年份", "must be a four-digit year") },
    ]);
  }
  return { from: localDate(p.year, 1, 1), to: localDate(p.year, 12, 31), year: p.year };
}

/** Round half away from zero to `decimals` places, without binary surprises (1.005 → 1.01). */
export function roundValue(value: number | null, decimals = DEFAULT_DECIMALS): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value)) return null;
  const sign = value < 0 ? -1 : 1;
  const r = Number(`${Math.round(Number(`${Math.abs(value)}e${decimals}`))}e-${decimals}`);
  return r === 0 ? 0 : sign * r;
}

function joinSentences(parts: string[], zh: boolean): string {
  const stop = zh ? "。" : ".";
  const trimmed = parts.map((p) => p.trim().replace(/[。.；;]+$/u, "")).filter(Boolean);
  return trimmed.map((p) => p + stop).join(zh ? "" : " ");
}

/** The full definition: what the figure counts, then how (its period rule). */
export function fullDefinition(decl: Pick<IndicatorDecl, "definition" | "basis">): Label {
  return {
    zh: joinSentences([decl.definition.zh, decl.basis?.zh ?? ""], true),
    en: joinSentences([decl.definition.en, decl.basis?.en ?? ""], false),
  };
}

/**
 * The web page of a record behind a figure. Cases and register entries are addressed by
 * region and id (their primary key), units by id.
 */
export function drillLink(row: Pick<DrillRow, "kind" | "regionCode" | "id" | "type">): string {
  const r = encodeURIComponent(row.regionCode);
  if (row.kind === "case") return `/cases/${encodeURIComponent(row.type)}/${row.id}`;
  if (row.kind === "register") return `/registers/${encodeURIComponent(row.type)}/${r}/${row.id}`;
  return `/units/${row.id}`;
}

/**
 * Check the declarations together: ids are codes, every indicator a derived one reads
 * is declared, and no indicator depends on itself. Throws naming the indicator.
 */
export function checkIndicators(decls: readonly IndicatorDecl[]): void {
  const byId = new Map(decls.map((d) => [d.id, d]));
  for (const d of decls) {
    if (!/^[a-z][a-z0-9_]*$/.test(d.id)) {
      throw new Error(`indicator "${d.id}": an id is a lower-case code (a-z, 0-9, _)`);
    }
    if (d.decimals !== undefined && (!Number.isInteger(d.decimals) || d.decimals < 0)) {
      throw new Error(`indicator "${d.id}": decimals must be a whole number ≥ 0`);
    }
    for (const dep of d.dependsOn ?? []) {
      if (!byId.has(dep)) throw new Error(`indicator "${d.id}" depends on undeclared "${dep}"`);
    }
  }
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") {
      throw new Error(`indicators depend on each other in a cycle: ${[...path, id].join(" → ")}`);
    }
    state.set(id, "visiting");
    for (const dep of byId.get(id)?.dependsOn ?? []) visit(dep, [...path, id]);
    state.set(id, "done");
  };
  for (const d of decls) visit(d.id, []);
}
