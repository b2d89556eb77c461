/**
 * `fazhi report --region <code> --year <YYYY> --format json|md|docx --out <file>`
 *
 * - json: every declared indicator for the region and year, as
 *   `{ "<id>": { "value": number|null, "unit": "个", "label": "…" } }` (the contract checks read);
 * - md / docx: the annual report — the published one (frozen) when there is one, else
 *   the region's draft for the year with its figures computed now, else the template's
 *   default draft — as Markdown or as an official document (GB/T 9704).
 *
 * Runs on the owner connection: the installation's view, every record of the region.
 * Bad input: a message on stderr naming the option, exit code 2.
 */
import fs from "node:fs";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { FazhiConfig } from "../../db/config.ts";
import type { DB } from "../../db/schema.ts";
import { evaluate } from "../../engines/indicator/engine.ts";
import { createRegistry, type ModuleDecl, type Registry } from "../../engines/registry.ts";
import { blockText, composeReport } from "../../engines/report/compose.ts";
import type { ReportDraft } from "../../engines/report/declare.ts";
import { renderReportDocx, reportDocument, reportMarkdown } from "../../engines/report/document.ts";
import type { PublishedBlock } from "../../engines/report/freeze.ts";
import { regionCodeProblem } from "../../kernel/codes/region.ts";
import { loadModules } from "../../modules/index.ts";
import { regionProblem, regionRequired, say } from "../lang.ts";
import { CliError, withDatabase } from "../runtime.ts";

export interface ReportOptions {
  region?: string;
  year?: string;
  format?: string;
  out?: string;
  template?: string;
}

export interface ReportArgs {
  region: string;
  year: number;
  format: "json" | "md" | "docx";
  out: string;
  template: string;
}

export function parseReportArgs(o: ReportOptions): ReportArgs {
  const region = o.region?.trim() ?? "";
  if (!region) throw new CliError(regionRequired());
  const problem = regionCodeProblem(region);
  if (problem) throw new CliError(regionProblem(problem, region));
  const y = o.year?.trim() ?? "";
  if (!/^\d{4}$/.test(y))
    throw new CliError(
      say(
        `--year：“${o.year ?? ""}”不是年份（应如 2020）`,
        `--year: not a year: "${o.year ?? ""}" (expected e.g. 2020)`,
      ),
    );
  const format = (o.format ?? "json").trim();
  if (format !== "json" && format !== "md" && format !== "docx")
    throw new CliError(
      say(
        `--format：“${format}”不是 json、md、docx 之一`,
        `--format: "${format}" is not one of json, md, docx`,
      ),
    );
  const out = o.out?.trim() ?? "";
  if (!out)
    throw new CliError(say("--out：请填写要写入的文件", "--out: the file to write is required"));
  return { region, year: Number(y), format, out, template: o.template ?? "annual_report" };
}

export async function report(
  o: ReportOptions,
  opts: { extraModules?: readonly ModuleDecl[]; config?: FazhiConfig } = {},
): Promise<void> {
  const args = parseReportArgs(o);
  const registry = createRegistry([...(await loadModules()), ...(opts.extraModules ?? [])]);
  const bytes = await withDatabase(
    (database) => reportFile(database.owner, registry, args),
    opts.config,
  );
  fs.writeFileSync(args.out, bytes);
}

/** The file's bytes, computed on a connection (the CLI passes the owner's). */
export async function reportFile(
  db: Kysely<DB>,
  registry: Registry,
  args: ReportArgs,
): Promise<Buffer> {
  const template = registry.report(args.template);
  if (!template)
    throw new CliError(
      say(
        `--template：没有报告模板 ${args.template}`,
        `--template: no report template ${args.template}`,
      ),
    );
  const region = await db
    .selectFrom("region")
    .select(["code", "name_zh"])
    .where("code", "=", args.region)
    .executeTakeFirst();
  if (!region)
    throw new CliError(
      say(`--region：没有地区 ${args.region}`, `--region: no region ${args.region}`),
    );
  if (args.format === "json") {
    const values = await evaluate(registry, db, { region: args.region, year: args.year });
    const out: Record<string, { value: number | null; unit: string; label: string }> = {};
    for (const v of values) out[v.id] = { value: v.value, unit: v.unit.zh, label: v.label.zh };
    return Buffer.from(`${JSON.stringify(out, null, 2)}\n`, "utf8");
  }
  let draft: ReportDraft;
  let paragraphs: PublishedBlock[];
  const pub = (
    await sql<{ upward: { draft: ReportDraft; paragraphs: PublishedBlock[] } }>`
      select upward from report_publication
       where region_code = ${args.region} and template = ${template.code} and year = ${args.year}`.execute(
      db,
    )
  ).rows[0];
  if (pub) {
    ({ draft, paragraphs } = pub.upward);
  } else {
    const c = await db
      .selectFrom("case_file")
      .select(["fields"])
      .where("region_code", "=", args.region)
      .where("case_type", "=", template.code)
      .where(sql<boolean>`(fields->>'year')::int = ${args.year}`)
      .orderBy("id", "desc")
      .executeTakeFirst();
    const given = (c?.fields as { draft?: ReportDraft } | undefined)?.draft;
    const base = given ?? template.draft({ regionName: region.name_zh, year: args.year });
    const composed = await composeReport(registry, db, {
      region: args.region,
      year: args.year,
      template,
      draft: base,
    });
    draft = composed.draft;
    paragraphs = composed.blocks.map((b) => ({
      kind: b.kind,
      level: b.level,
      text: blockText(b),
    }));
  }
  if (args.format === "md") return Buffer.from(reportMarkdown(draft, paragraphs), "utf8");
  return renderReportDocx(reportDocument(template, region.name_zh, draft, paragraphs, "upward"));
}
