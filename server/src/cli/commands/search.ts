/**
 * `fazhi search "<query>" --region <code> [--kind law|case|register|document] [--limit N] [--json]`
 * — full-text search as the region's rule-of-law office would see it (the app role under
 * the region's data scope, its districts included: row-level security applies). With
 * `--json`, one JSON array of hits `{kind, id, title, snippet, score}`, best first;
 * without, one line per hit. The law library is loaded first if its files changed.
 *
 * `fazhi reindex [--region <code>]` rebuilds the search documents from the records (after
 * a bulk import, or when declarations changed) and reloads the law library.
 *
 * Bad input: a message on stderr naming the option, exit code 2.
 */
import type { FazhiConfig } from "../../db/config.ts";
import { withScope } from "../../db/scope.ts";
import { createRegistry, type ModuleDecl } from "../../engines/registry.ts";
import { SEARCH_KINDS, type SearchKind } from "../../engines/search/declare.ts";
import { ensureLawLibrary } from "../../engines/search/laws.ts";
import { search as runSearch, type SearchHit } from "../../engines/search/query.ts";
import { reindexAll } from "../../engines/search/records.ts";
import { regionCodeProblem } from "../../kernel/codes/region.ts";
import { DomainError } from "../../kernel/errors.ts";
import { MODULES } from "../../modules/index.ts";
import { regionWithDescendants } from "../../platform/regions.ts";
import { cliLang, regionProblem, regionRequired, say } from "../lang.ts";
import { CliError, withDatabase } from "../runtime.ts";

export interface SearchOptions {
  region?: string;
  kind?: string;
  limit?: string;
  json?: boolean;
}

export interface SearchArgs {
  query: string;
  region: string;
  kind?: SearchKind;
  limit: number;
  json: boolean;
}

function regionOf(region: string | undefined): string {
  const r = region?.trim() ?? "";
  if (!r) throw new CliError(regionRequired());
  const problem = regionCodeProblem(r);
  if (problem) throw new CliError(regionProblem(problem, r));
  return r;
}

/** Check the arguments before touching a database; a CliError (exit 2) names what is wrong. */
export function parseSearchArgs(query: string | undefined, o: SearchOptions): SearchArgs {
  const q = query?.trim() ?? "";
  if (!q)
    throw new CliError(
      say(
        '<query>：请填写要检索的词语，例如 fazhi search "行政处罚 听证"',
        '<query>: give the words to search for, e.g. fazhi search "行政处罚 听证"',
      ),
    );
  if (q.length > 200)
    throw new CliError(say("<query>：最多 200 个字符", "<query>: at most 200 characters"));
  const region = regionOf(o.region);
  let kind: SearchKind | undefined;
  if (o.kind !== undefined) {
    if (!(SEARCH_KINDS as readonly string[]).includes(o.kind)) {
      throw new CliError(
        say(
          `--kind：“${o.kind}”不是 ${SEARCH_KINDS.join("、")} 之一`,
          `--kind: "${o.kind}" is not one of ${SEARCH_KINDS.join(", ")}`,
        ),
      );
    }
    kind = o.kind as SearchKind;
  }
  let limit = 20;
  if (o.limit !== undefined) {
    limit = Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new CliError(
        say(
          `--limit：“${o.limit}”不是 1 到 100 之间的整数`,
          `--limit: "${o.limit}" is not a whole number from 1 to 100`,
        ),
      );
    }
  }
  return { query: q, region, kind, limit, json: o.json === true };
}

/** The hits as the CLI contract prints them: `{kind, id, title, snippet, score}`, best first. */
export function formatHits(hits: readonly SearchHit[], json: boolean): string {
  if (json) {
    const out = hits.map((h) => ({
      kind: h.kind,
      id: h.id,
      title: h.title,
      snippet: h.snippet,
      score: Number(h.score.toFixed(6)),
    }));
    return `${JSON.stringify(out)}\n`;
  }
  if (hits.length === 0) return `${say("没有检索结果", "no hits")}\n`;
  return hits
    .map((h) => {
      const text = h.snippet
        .replace(/<\/?mark>/g, "")
        .replace(/&(lt|gt|amp|quot|#39);/g, (_, e) =>
          e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : "'",
        );
      return `${h.kind}\t${h.id}\t${h.title}\n\t${text}\n`;
    })
    .join("");
}

/** The verb. `extraModules` serve tests. */
export async function searchVerb(
  query: string | undefined,
  o: SearchOptions,
  opts: {
    extraModules?: readonly ModuleDecl[];
    config?: FazhiConfig;
    out?: (s: string) => void;
  } = {},
): Promise<void> {
  const args = parseSearchArgs(query, o);
  const registry = createRegistry([...MODULES, ...(opts.extraModules ?? [])]);
  const out = opts.out ?? ((s: string) => process.stdout.write(s));
  const hits = await withDatabase(async (db) => {
    await ensureLawLibrary(db.owner, new Date());
    const regions = await regionWithDescendants(db.owner, args.region);
    if (regions.length === 0)
      throw new CliError(
        say(`--region：没有地区 ${args.region}`, `--region: no region ${args.region}`),
      );
    try {
      return await withScope(db.app, { regions, unitId: undefined, userId: undefined }, (trx) =>
        runSearch(trx, registry, { q: args.query, kind: args.kind, limit: args.limit }),
      );
    } catch (e) {
      if (e instanceof DomainError)
        throw new CliError(`<query>${say("：", ": ")}${e.text[cliLang()]}`);
      throw e;
    }
  }, opts.config);
  out(formatHits(hits, args.json));
}

export async function reindexVerb(
  o: { region?: string },
  opts: {
    extraModules?: readonly ModuleDecl[];
    config?: FazhiConfig;
    out?: (s: string) => void;
  } = {},
): Promise<void> {
  const region = o.region === undefined ? undefined : regionOf(o.region);
  const registry = createRegistry([...MODULES, ...(opts.extraModules ?? [])]);
  const out = opts.out ?? ((s: string) => process.stdout.write(s));
  await withDatabase(async (db) => {
    const laws = await ensureLawLibrary(db.owner, new Date());
    const n = await reindexAll(db.owner, registry, new Date(), region);
    out(
      `${say(
        `已载入法律法规 ${laws.length} 部；已索引案件 ${n.cases} 件、名录条目 ${n.entries} 条`,
        `laws loaded: ${laws.length}; cases indexed: ${n.cases}; register entries indexed: ${n.entries}`,
      )}\n`,
    );
  }, opts.config);
}
