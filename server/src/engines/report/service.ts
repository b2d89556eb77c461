/**
 * The report engine's actions on stored reports: a report's lifecycle is a case of the
 * template's case type (draft → secrecy review → approved → published: the clock to
 * 1 April and the audit come from the case engine); its text is the case's `draft`.
 */
import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { ConflictError, InvalidStateError, NotFoundError, t } from "../../kernel/errors.ts";
import type { WorkTx } from "../../platform/work.ts";
import { type CaseEngine, type CaseView, caseViewOf } from "../case/index.ts";
import { evaluate, type IndicatorValue } from "../indicator/engine.ts";
import type { Registry } from "../registry.ts";
import { type ComposedReport, composeReport } from "./compose.ts";
import type { ReportDraft, ReportTemplateDecl } from "./declare.ts";
import {
  differences,
  type FigureDifference,
  type FrozenFigure,
  freezeReport,
  type PublishedBlock,
  publicVersion,
  publishedBlocks,
} from "./freeze.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface ReportFields {
  year: number;
  draft: ReportDraft;
}

/** A report case (of a template's case type), as the actor may see it. */
export async function loadReport(
  registry: Registry,
  db: Db,
  id: number,
): Promise<{ view: CaseView<ReportFields>; template: ReportTemplateDecl }> {
  const codes = registry.reports().map((r) => r.code);
  const row = codes.length
    ? await db
        .selectFrom("case_file")
        .selectAll()
        .where("id", "=", id)
        .where("case_type", "in", codes)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new NotFoundError(t("没有这份报告", `no report ${id}`));
  const view = caseViewOf(row) as unknown as CaseView<ReportFields>;
  return { view, template: registry.report(view.caseType)! };
}

export async function previewReport(
  registry: Registry,
  db: Db,
  id: number,
): Promise<ComposedReport & { view: CaseView<ReportFields> }> {
  const { view, template } = await loadReport(registry, db, id);
  const composed = await composeReport(registry, db, {
    region: view.regionCode,
    year: view.fields.year,
    template,
    draft: view.fields.draft,
  });
  return { ...composed, view };
}

export interface PublicationRow {
  region_code: string;
  id: number;
  unit_id: number;
  case_id: number;
  template: string;
  year: number;
  title: string;
  upward: { draft: ReportDraft; paragraphs: PublishedBlock[] };
  public_body: { draft: ReportDraft; paragraphs: PublishedBlock[] };
  figures: FrozenFigure[];
  drill: Record<string, string[]>;
  fingerprint: string;
  published_on: string;
  published_at: Date;
  published_by: number;
}

/**
 * Publish: freeze the figures, the records and the fingerprint, store both versions,
 * then take the case's `publish` step (whose guard finds the frozen report) — in one
 * transaction, so a refused step leaves nothing behind.
 */
export async function publishReport(
  registry: Registry,
  cases: CaseEngine,
  w: WorkTx,
  id: number,
  req: { version: number; onDate?: string },
): Promise<PublicationRow> {
  const { view, template } = await loadReport(registry, w.trx, id);
  if (view.state !== "approved") {
    throw new InvalidStateError(
      t(
        "报告须经保密审查通过后才能发布",
        "a report is published only after its secrecy review has passed",
      ),
    );
  }
  if (view.version !== req.version) {
    // The case engine checks it again; this keeps the freezing from running on a stale page.
    throw new ConflictError(
      t(
        "报告已被他人修改，请刷新后再发布",
        `the report changed (version ${view.version}); reload it`,
      ),
    );
  }
  const frozen = await freezeReport(registry, w.trx, {
    region: view.regionCode,
    year: view.fields.year,
    template,
    draft: view.fields.draft,
  });
  const onDate = req.onDate ?? w.today;
  const upward = { draft: frozen.composed.draft, paragraphs: publishedBlocks(frozen.composed) };
  const inserted = await sql<PublicationRow>`
    insert into report_publication
      (region_code, unit_id, case_id, template, year, title, upward, public_body, figures, drill,
       fingerprint, published_on, published_at, published_by)
    values (${view.regionCode}, ${view.unitId}, ${id}, ${template.code}, ${view.fields.year},
            ${view.fields.draft.title}, ${JSON.stringify(upward)}::jsonb,
            ${JSON.stringify(publicVersion(frozen.composed))}::jsonb,
            ${JSON.stringify(frozen.figures)}::jsonb, ${JSON.stringify(frozen.drill)}::jsonb,
            ${frozen.fingerprint}, ${onDate}, ${w.now}, ${w.actor.userId})
    returning *`.execute(w.trx);
  const row = inserted.rows[0]!;
  await cases.step(w, view.caseType, id, "publish", req);
  await w.audit({
    regionCode: view.regionCode,
    action: `report.${template.code}.publish`,
    entityType: "report_publication",
    entityId: row.id,
    after: { caseId: id, year: view.fields.year, fingerprint: frozen.fingerprint },
  });
  return row;
}

export async function listPublications(
  db: Db,
  region?: string,
): Promise<Omit<PublicationRow, "drill" | "upward" | "public_body" | "figures">[]> {
  let q = db
    .selectFrom("report_publication" as never)
    .select([
      "region_code",
      "id",
      "unit_id",
      "case_id",
      "template",
      "year",
      "title",
      "fingerprint",
      "published_on",
      "published_at",
      "published_by",
    ] as never[]);
  if (region) q = q.where("region_code" as never, "=", region as never);
  return (await q.orderBy("year" as never, "desc").execute()) as never;
}

export async function loadPublication(db: Db, region: string, id: number): Promise<PublicationRow> {
  const r = await sql<PublicationRow>`
    select * from report_publication where region_code = ${region} and id = ${id}`.execute(db);
  const row = r.rows[0];
  if (!row) throw new NotFoundError(t("没有这份已发布的报告", `no published report ${id}`));
  return row;
}

/** Which published figures would differ today (the publication itself is unchanged). */
export async function checkPublication(
  registry: Registry,
  db: Db,
  region: string,
  id: number,
): Promise<{ fingerprint: string; todayFingerprint: string; differences: FigureDifference[] }> {
  const pub = await loadPublication(db, region, id);
  const template = registry.report(pub.template);
  if (!template) throw new NotFoundError(t("报告模板已不存在", `no template ${pub.template}`));
  const today = await freezeReport(registry, db, {
    region,
    year: pub.year,
    template,
    draft: pub.upward.draft,
  });
  return {
    fingerprint: pub.fingerprint,
    todayFingerprint: today.fingerprint,
    differences: differences(pub, today),
  };
}

/**
 * A city's roll-up: a template's figures for each of its districts side by side and
 * the city's own (its districts' records together — never an average).
 */
export async function rollUp(
  registry: Registry,
  db: Db,
  p: { region: string; year: number; template: ReportTemplateDecl },
): Promise<{
  indicators: string[];
  columns: { region: string; name: string; values: Record<string, number | null> }[];
}> {
  const ids = [...new Set(Object.values(p.template.figures).map((f) => f.indicator))].filter((id) =>
    registry.indicator(id),
  );
  const children = await db
    .selectFrom("region")
    .select(["code", "name_zh"])
    .where("parent_code", "=", p.region)
    .where("code", "in", db.selectFrom("unit").select("region_code").distinct())
    .orderBy("code")
    .execute();
  const own = await db
    .selectFrom("region")
    .select(["code", "name_zh"])
    .where("code", "=", p.region)
    .executeTakeFirst();
  if (!own) throw new NotFoundError(t("没有这个地区", `no region ${p.region}`));
  const col = async (code: string, name: string) => {
    const values: Record<string, number | null> = {};
    const vs: IndicatorValue[] = ids.length
      ? await evaluate(registry, db, { region: code, year: p.year, indicatorIds: ids })
      : [];
    for (const v of vs) values[v.id] = v.value;
    return { region: code, name, values };
  };
  const columns = [];
  for (const c of children) columns.push(await col(c.code, c.name_zh));
  columns.push(await col(own.code, `${own.name_zh}（合计）`));
  return { indicators: ids, columns };
}
