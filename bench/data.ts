/**
 * The data generator (issue 9):
 *
 *   npm run bench:data -- --scale tiny|district|city|province --seed N
 *                         [--modules enforcement,registers,…] [--cases N] [--out f.json]
 *
 * fills the database (DATABASE_URL, or the embedded one in ./data) with generated,
 * deterministic records — the same scale, seed and modules give the same records and the
 * same checksum — through the product's own import paths, with a progress bar. Modules
 * (bench/generate/, default all):
 *
 * - enforcement: closed on-the-spot penalty cases (case import), `--cases` per district
 *   (default 5,000: a province of 40 districts ≈ 200,000);
 * - registers: the worked example's officers register, 200 per district (register import);
 * - services: the service catalogue (register import) and 25,000 delivered licensing
 *   applications per district (case import, a file a month; a province ≈ 1,000,000);
 * - governance: 3,750 mediations per district (≈ 150,000);
 * - oversight: 500 reconsideration cases per district (≈ 20,000);
 * - rules: 2,000 normative documents per district; decisions: 500 major decisions
 *   (with the documents ≈ 100,000);
 * - supervision: 50,000 credit records per district (register import; ≈ 2,000,000).
 *
 * Districts are the county-level regions of the region table, in code order (tiny and
 * district: 1, city: 10, province: 40); each module has its unit and leader there
 * (`gen-<region>-<unit>`; enforcement's is `gen-<region>-leader`). Resumable: a file the
 * district already holds is skipped, so an interrupted run continues where it stopped.
 * `--out` (default bench/data-run.json) records what the database holds per module, this
 * run's records per second and the checksums.
 */
import fs from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { loadConfig } from "../server/src/db/config.ts";
import { openDatabase } from "../server/src/db/connection.ts";
import { caseDeps } from "../server/src/engines/case/deps.ts";
import { createRegistry } from "../server/src/engines/registry.ts";
import { MODULES } from "../server/src/modules/index.ts";
import { loadOrCreateFieldKey } from "../server/src/platform/crypto/keys.ts";
import { examplesModule } from "../server/test/fixtures/examples/index.ts";
import { GEN_MODULES, SCALES } from "./generate/index.ts";
import { runGenerator, unknownModules } from "./generate/run.ts";
import { machine } from "./results.ts";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "district" },
    seed: { type: "string", default: "1" },
    modules: { type: "string", default: GEN_MODULES.map((m) => m.name).join(",") },
    cases: { type: "string" },
    out: { type: "string", default: "bench/data-run.json" },
  },
});
const scale = SCALES[String(args.scale)];
if (!scale) {
  process.stderr.write(`--scale is ${Object.keys(SCALES).join(", ")}, not ${args.scale}\n`);
  process.exit(2);
}
const modules = String(args.modules)
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = unknownModules(modules);
if (unknown.length > 0) {
  process.stderr.write(
    `unknown module(s) ${unknown.join(", ")}; the modules are ${GEN_MODULES.map((m) => m.name).join(", ")}\n`,
  );
  process.exit(2);
}
const counts = { ...scale.counts };
if (args.cases !== undefined) counts.enforcement = Number(args.cases);

const config = loadConfig();
const db = await openDatabase(config);
const t0 = performance.now();
try {
  const registry = createRegistry([...MODULES, examplesModule]);
  const deps = await caseDeps({ registry, config, clock: () => new Date() });
  const fieldKey = await loadOrCreateFieldKey(config.keyDir);
  const report = await runGenerator({
    db,
    deps,
    fieldKey,
    districts: scale.districts,
    counts,
    seed: String(args.seed),
    modules,
    onStep(done, total, what) {
      const w = 30;
      const f = Math.round((done / total) * w);
      const s = (performance.now() - t0) / 1000;
      process.stderr.write(
        `\r[${"#".repeat(f)}${".".repeat(w - f)}] ${done}/${total} ${what} · ${s.toFixed(0)} s        `,
      );
    },
  });
  // Statistics for what was loaded (autovacuum analyses only later).
  await sql`analyze`.execute(db.owner);
  const body = {
    at: new Date().toISOString(),
    scale: args.scale,
    seed: args.seed,
    modules,
    perDistrict: counts,
    regions: report.regions.length,
    checksum: report.checksum,
    seconds: report.seconds,
    byModule: report.modules,
    machine: machine(),
  };
  await fs.writeFile(String(args.out), `${JSON.stringify(body, null, 2)}\n`);
  process.stderr.write("\n");
  for (const [name, m] of Object.entries(report.modules)) {
    process.stdout.write(
      `${name.padEnd(12)} ${String(m.imported).padStart(9)} imported ${String(m.inDatabase).padStart(9)} in database  ${(m.ms / 1000).toFixed(1).padStart(7)} s  ${m.recordsPerSecond ?? "-"} records/s\n`,
    );
  }
  process.stdout.write(
    `${report.regions.length} district(s), ${report.seconds} s, checksum ${report.checksum}\n`,
  );
} finally {
  await db.close();
  await db.embedded?.stop();
}
