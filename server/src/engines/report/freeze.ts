/**
 * Publishing freezes a report: its figures, the records behind each (drill-down keys)
 * and an SM3 fingerprint of both, stored in `report_publication` (append-only: the
 * database refuses updates). A later check recomputes them and names the figures that
 * would differ today — the published report itself never changes.
 */
import { createHash } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { canonicalJson } from "../../kernel/canonical-json.ts";
import { t } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import type { Guard } from "../case/index.ts";
import { drillDown } from "../indicator/engine.ts";
import type { DrillRow } from "../indicator/index.ts";
import type { Registry } from "../registry.ts";
import { blockText, type ComposedReport, composeReport } from "./compose.ts";
import type { ReportDraft, ReportTemplateDecl } from "./declare.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** A figure as published. */
export interface FrozenFigure {
  key: string;
  indicator: string;
  label: Label;
  unit: Label;
  value: number | null;
  text: string;
  pending: boolean;
}

export interface Frozen {
  composed: ComposedReport;
  figures: FrozenFigure[];
  /** Indicator id → the sorted keys of the records behind it (`kind:type:region:id`). */
  drill: Record<string, string[]>;
  fingerprint: string;
}

/** The key of a record behind a figure. */
export const drillKey = (r: Pick<DrillRow, "kind" | "type" | "regionCode" | "id">) =>
  `${r.kind}:${r.type}:${r.regionCode}:${r.id}`;

/** SM3 over the canonical JSON of the figures and the records behind them. */
export function fingerprintOf(
  figures: readonly FrozenFigure[],
  drill: Record<string, string[]>,
): string {
  const body = canonicalJson({
    figures: figures.map((f) => ({
      key: f.key,
      indicator: f.indicator,
      value: f.value,
      text: f.text,
    })),
    drill,
  });
  return createHash("sm3").update(body, "utf8").digest("hex");
}

/** Compose and freeze: figures, records and fingerprint as of now. */
export async function freezeReport(
  registry: Registry,
  db: Db,
  p: { region: string; year: number; template: ReportTemplateDecl; draft: ReportDraft },
): Promise<Frozen> {
  const composed = await composeReport(registry, db, p);
  const figures: FrozenFigure[] = composed.figures.map((f) => ({
    key: f.key,
    indicator: f.indicator,
    label: f.label,
    unit: f.unit,
    value: f.value,
    text: f.text,
    pending: f.pending,
  }));
  const drill: Record<string, string[]> = {};
  for (const id of [...new Set(figures.filter((f) => !f.pending).map((f) => f.indicator))].sort()) {
    const rows = await drillDown(registry, db, id, { region: p.region, year: p.year });
    drill[id] = [...new Set(rows.map(drillKey))].sort();
  }
  return { composed, figures, drill, fingerprint: fingerprintOf(figures, drill) };
}

/** The version for the public: without the contact (personal details) — 督察工作规定 第二十四条. */
export function publicVersion(c: ComposedReport): {
  draft: ReportDraft;
  paragraphs: PublishedBlock[];
} {
  const { contact: _omit, ...draft } = c.draft;
  return { draft, paragraphs: publishedBlocks(c) };
}

export interface PublishedBlock {
  kind: "heading" | "paragraph";
  level: number | null;
  text: string;
}

export function publishedBlocks(c: ComposedReport): PublishedBlock[] {
  return c.blocks.map((b) => ({ kind: b.kind, level: b.level, text: blockText(b) }));
}

/** What would differ today: per figure, the published and today's value and whether the records changed. */
export interface FigureDifference {
  key: string;
  indicator: string;
  label: Label;
  published: { value: number | null; text: string };
  today: { value: number | null; text: string };
  valueChanged: boolean;
  recordsAdded: number;
  recordsRemoved: number;
}

export function differences(
  published: { figures: FrozenFigure[]; drill: Record<string, string[]> },
  today: { figures: FrozenFigure[]; drill: Record<string, string[]> },
): FigureDifference[] {
  const now = new Map(today.figures.map((f) => [f.key, f]));
  const out: FigureDifference[] = [];
  for (const f of published.figures) {
    const n = now.get(f.key);
    if (!n) continue;
    const was = new Set(published.drill[f.indicator] ?? []);
    const is = new Set(today.drill[f.indicator] ?? []);
    const added = [...is].filter((k) => !was.has(k)).length;
    const removed = [...was].filter((k) => !is.has(k)).length;
    const valueChanged = f.value !== n.value;
    if (!valueChanged && added === 0 && removed === 0) continue;
    out.push({
      key: f.key,
      indicator: f.indicator,
      label: f.label,
      published: { value: f.value, text: f.text },
      today: { value: n.value, text: n.text },
      valueChanged,
      recordsAdded: added,
      recordsRemoved: removed,
    });
  }
  return out;
}

/**
 * The guard a report's publishing step carries: the step is taken only by the report
 * engine's publication, which has frozen the report in the same transaction — never
 * through the generic step route, which would publish nothing.
 */
export function frozenBeforePublishing(): Guard {
  return async (ctx) => {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from report_publication
       where region_code = ${ctx.case.regionCode} and case_id = ${ctx.case.id}`.execute(ctx.w.trx);
    if ((r.rows[0]?.n ?? 0) > 0) return undefined;
    return {
      message: t(
        "年度报告须通过“发布报告”办理：发布时冻结数字、所依据的记录和指纹",
        "a report is published through the report's publication, which freezes its figures, records and fingerprint",
      ),
    };
  };
}
