/**
 * The generator's run over the scale's districts and the chosen modules (bench/data.ts is
 * its command line; the test calls it on a test database): districts are the county-level
 * regions of the region table in code order; each module of each district is generated
 * from the seed (the district's and the module's own stream) and imported unless already
 * there. The checksum is the SHA-256 of every generated file's SHA-256, in order: the
 * same scale, seed and modules give the same checksum, imported now or earlier.
 */
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import type { CaseDeps } from "../../server/src/engines/case/deps.ts";
import { type Counts, type Db, districtRng, type Outcome, outcome } from "./common.ts";
import { GEN_MODULES } from "./index.ts";

export interface GenOptions {
  db: Db;
  deps: CaseDeps;
  fieldKey: Buffer;
  districts: number;
  counts: Counts;
  seed: string;
  modules: string[];
  /** Called after each module of each district (the progress bar, the run file). */
  onStep?: (done: number, total: number, what: string) => Promise<void> | void;
}

export interface ModuleReport extends Outcome {
  /** Records of the module in the database (the scale's districts), after the run. */
  inDatabase: number;
  recordsPerSecond: number | null;
  checksum: string;
}

export interface GenReport {
  regions: string[];
  modules: Record<string, ModuleReport>;
  checksum: string;
  seconds: number;
}

export function unknownModules(names: string[]): string[] {
  return names.filter((n) => !GEN_MODULES.some((m) => m.name === n));
}

export async function runGenerator(o: GenOptions): Promise<GenReport> {
  const t0 = performance.now();
  const chosen = GEN_MODULES.filter((m) => o.modules.includes(m.name));
  const regions = (
    await o.db.owner
      .selectFrom("region")
      .select("code")
      .where("level", "=", "county")
      .orderBy("code")
      .limit(o.districts)
      .execute()
  ).map((r) => r.code);
  const outs = new Map(chosen.map((m) => [m.name, outcome()]));
  const total = regions.length * chosen.length;
  let done = 0;
  for (const region of regions) {
    const d = {
      db: o.db,
      deps: o.deps,
      fieldKey: o.fieldKey,
      region,
      seed: o.seed,
      counts: o.counts,
      rng: (module: string) => districtRng(o.seed, region, module),
    };
    for (const m of chosen) {
      await m.generate(d, outs.get(m.name)!);
      await o.onStep?.(++done, total, `${region} ${m.name}`);
    }
  }
  const all = createHash("sha256");
  const modules: Record<string, ModuleReport> = {};
  for (const m of chosen) {
    const out = outs.get(m.name)!;
    const h = createHash("sha256");
    for (const f of out.files) h.update(f);
    const checksum = h.digest("hex");
    all.update(checksum);
    modules[m.name] = {
      ...out,
      ms: Math.round(out.ms),
      inDatabase: await recordsOf(o.db, regions, m.caseTypes, m.registers),
      recordsPerSecond: out.ms > 0 ? Math.round(out.imported / (out.ms / 1000)) : null,
      checksum,
    };
  }
  return {
    regions,
    modules,
    checksum: all.digest("hex"),
    seconds: Math.round((performance.now() - t0) / 1000),
  };
}

async function recordsOf(db: Db, regions: string[], caseTypes: string[], registers: string[]) {
  const none = ["-"];
  const r = await sql<{ n: number }>`select
    (select count(*) from case_file where region_code = any(${regions}::text[])
       and case_type = any(${caseTypes.length ? caseTypes : none}::text[]))::int +
    (select count(*) from register_entry where region_code = any(${regions}::text[])
       and register = any(${registers.length ? registers : none}::text[]))::int as n`.execute(
    db.owner,
  );
  return r.rows[0]?.n ?? 0;
}
