/**
 * `fazhi indicators --region R --year Y [--unit U] [--id ID…]` — the figures as one
 * JSON object on stdout (`{"officers": 815, …}`), nothing else. It runs on the owner
 * connection: the installation's view, every record of the region (no user's scope).
 * Bad input: a message on stderr naming the option, exit code 2.
 */
import type { Kysely } from "kysely";
import type { FazhiConfig } from "../../db/config.ts";
import type { DB } from "../../db/schema.ts";
import { evaluate } from "../../engines/indicator/engine.ts";
import { checkIndicators } from "../../engines/indicator/values.ts";
import { createRegistry, type ModuleDecl, type Registry } from "../../engines/registry.ts";
import { regionCodeProblem } from "../../kernel/codes/region.ts";
import { DomainError, NotFoundError, ValidationError } from "../../kernel/errors.ts";
import { loadModules } from "../../modules/index.ts";
import { cliLang, regionProblem, regionRequired, say } from "../lang.ts";
import { CliError, withDatabase } from "../runtime.ts";

/** The options as commander gives them (strings). */
export interface IndicatorsOptions {
  region?: string;
  year?: string;
  unit?: string;
  id?: string[];
}

export interface IndicatorsArgs {
  region: string;
  year: number;
  /** A unit id, or a unit code within the region. */
  unit?: number | string;
  ids?: string[];
}

/** Check the options before touching a database; a CliError (exit 2) names the option. */
export function parseIndicatorsArgs(o: IndicatorsOptions): IndicatorsArgs {
  const region = o.region?.trim() ?? "";
  if (!region) throw new CliError(regionRequired());
  const problem = regionCodeProblem(region);
  if (problem) throw new CliError(regionProblem(problem, region));
  const yearText = o.year?.trim() ?? "";
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1000) {
    throw new CliError(
      say(
        `--year：“${o.year ?? ""}”不是年份（应如 2020）`,
        `--year: not a year: "${o.year ?? ""}" (expected e.g. 2020)`,
      ),
    );
  }
  const out: IndicatorsArgs = { region, year: Number(yearText) };
  if (o.unit !== undefined) {
    const u = o.unit.trim();
    if (!u)
      throw new CliError(say("--unit：请填写单位编号或代码", "--unit: give a unit id or code"));
    out.unit = /^\d+$/.test(u) ? Number(u) : u;
  }
  if (o.id !== undefined) {
    const ids = o.id
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length === 0)
      throw new CliError(
        say("--id：请至少填写一个指标编号", "--id: give at least one indicator id"),
      );
    out.ids = [...new Set(ids)];
  }
  return out;
}

/** The figures as one JSON object, id → value (null: undefined, e.g. a rate over nothing). */
export function formatIndicatorValues(
  values: readonly { id: string; value: number | null }[],
): string {
  const o: Record<string, number | null> = {};
  for (const v of values) o[v.id] = v.value;
  return `${JSON.stringify(o)}\n`;
}

/** Compute the figures on a connection (the CLI passes the owner's). */
export async function computeIndicators(
  db: Kysely<DB>,
  registry: Registry,
  args: IndicatorsArgs,
): Promise<{ id: string; value: number | null }[]> {
  checkIndicators(registry.indicators());
  const unknown = (args.ids ?? []).filter((id) => !registry.indicator(id));
  if (unknown.length) {
    const known = registry.indicators().map((d) => d.id);
    throw new CliError(
      say(
        `--id：没有指标 ${unknown.join("、")}${known.length ? `（已声明的指标：${known.join("、")}）` : "（尚未声明任何指标）"}`,
        `--id: no indicator ${unknown.join(", ")}${known.length ? ` (declared: ${known.join(", ")})` : " (none is declared)"}`,
      ),
    );
  }
  const region = await db
    .selectFrom("region")
    .select("code")
    .where("code", "=", args.region)
    .executeTakeFirst();
  if (!region)
    throw new CliError(
      say(`--region：没有地区 ${args.region}`, `--region: no region ${args.region}`),
    );
  let unitId: number | undefined;
  if (args.unit !== undefined) {
    let q = db.selectFrom("unit").select(["id", "region_code"]);
    q =
      typeof args.unit === "number"
        ? q.where("id", "=", args.unit)
        : q.where("code", "=", args.unit).where("region_code", "=", args.region);
    const unit = await q.executeTakeFirst();
    if (!unit)
      throw new CliError(
        say(
          `--unit：地区 ${args.region} 没有单位 ${args.unit}`,
          `--unit: no unit ${args.unit} in region ${args.region}`,
        ),
      );
    unitId = unit.id;
  }
  try {
    return await evaluate(registry, db, {
      region: args.region,
      year: args.year,
      unitId,
      indicatorIds: args.ids,
    });
  } catch (e) {
    if (e instanceof NotFoundError && unitId !== undefined) {
      throw new CliError(`--unit${say("：", ": ")}${e.text[cliLang()]}`);
    }
    if (e instanceof ValidationError) throw new CliError(e.text[cliLang()]);
    if (e instanceof DomainError) throw new CliError(e.text[cliLang()]);
    throw e;
  }
}

/** The verb: parse, compute on the owner connection, print JSON. `extraModules` serve tests. */
export async function indicators(
  o: IndicatorsOptions,
  opts: {
    extraModules?: readonly ModuleDecl[];
    config?: FazhiConfig;
    out?: (s: string) => void;
  } = {},
): Promise<void> {
  const args = parseIndicatorsArgs(o);
  const registry = createRegistry([...(await loadModules()), ...(opts.extraModules ?? [])]);
  const out = opts.out ?? ((s: string) => process.stdout.write(s));
  const values = await withDatabase(
    (db) => computeIndicators(db.owner, registry, args),
    opts.config,
  );
  out(formatIndicatorValues(values));
}
