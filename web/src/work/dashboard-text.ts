/**
 * The role homes' words (docs/dashboards.md), Chinese first. Kept beside the dashboard
 * rather than in i18n.ts's shared table; pages read them through `pick`.
 */
export const D = {
  title: { zh: "{scope}指标概览", en: "Figures of {scope}" },
  scopeUnit: { zh: "本单位", en: "my unit" },
  scopeRegion: { zh: "本地区", en: "my region" },
  scopeCity: { zh: "本市及各区县", en: "the city and its districts" },
  year: { zh: "年度", en: "Year" },
  yearN: { zh: "{y}年", en: "{y}" },
  yearAgainst: { zh: "{y}年与{p}年对比", en: "{y} against {p}" },
  indicator: { zh: "指标", en: "Indicator" },
  change: { zh: "增减", en: "Change" },
  unit: { zh: "计量单位", en: "Unit" },
  byUnit: { zh: "分单位", en: "By unit" },
  byUnitTitle: { zh: "{label}：各单位对比", en: "{label}: by unit" },
  chart: { zh: "{y}年与上年对比图", en: "{y} against the year before" },
  noFigures: { zh: "本领域暂无可显示的数值", en: "No figures in this area" },
  districts: { zh: "各区县对比", en: "Districts side by side" },
  region: { zh: "地区", en: "Region" },
  cityOwn: { zh: "（市本级）", en: " (the city's own)" },
  chooseIndicator: { zh: "选择指标", en: "Choose a figure" },
  notGroupable: {
    zh: "该指标不能分单位或分地区显示",
    en: "This figure cannot be shown per unit or region",
  },
  rank: { zh: "序号", en: "No." },
  unitName: { zh: "单位", en: "Unit" },
  numerator: { zh: "分子", en: "Numerator" },
  denominator: { zh: "分母", en: "Denominator" },
  thisYear: { zh: "本年", en: "This year" },
  lastYear: { zh: "上年", en: "Last year" },
  openRecords: { zh: "查看明细", en: "Records" },
  empty: { zh: "暂无已声明的指标", en: "No indicator is declared yet" },
} as const;

/** Fill `{name}` placeholders. */
export function fill(s: string, vars: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}
