/**
 * The data generator (issue 9):
 *
 *   npm run bench:data -- --scale district|city|province --seed N [--cases N]
 *
 * fills the database (DATABASE_URL, or the embedded one in ./data) with generated,
 * deterministic records — the same scale and seed give the same records — through the
 * product's own import paths, with a progress bar:
 *
 * - enforcement: closed on-the-spot penalty cases with their timelines, numbers and
 *   audit trail, through the case import (CSV, as history is brought in), `--cases` per
 *   district (default 5,000: a province of 40 districts ≈ 200,000 cases);
 * - registers: the worked example's officers register, 200 officers per district,
 *   through the register import (CSV).
 *
 * Districts are the county-level regions of the database's region table, in code order
 * (district: 1, city: 10, province: 40). Each gets one market-regulation body and its
 * leader (`gen-<region>-leader`). Resumable: a district's officers and each file of its
 * cases are skipped when already there, so an interrupted run continues where it
 * stopped. After each file, `--out` (default bench/data-run.json) records what the
 * database holds and this run's rates (cases per second, per file: flat = linear), the
 * figures to extrapolate from when a province does not fit the time at hand.
 */
import fs from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { loadConfig } from "../server/src/db/config.ts";
import { openDatabase } from "../server/src/db/connection.ts";
import { caseDeps } from "../server/src/engines/case/deps.ts";
import { importCases } from "../server/src/engines/case/import/index.ts";
import { demoRandom } from "../server/src/engines/demo/random.ts";
import { importCsv } from "../server/src/engines/register/xlsx/index.ts";
import { createRegistry } from "../server/src/engines/registry.ts";
import { demoIdCards } from "../server/src/kernel/codes/id-card.ts";
import { demoUsccs } from "../server/src/kernel/codes/uscc.ts";
import { PROFILES } from "../server/src/modules/enforcement/cases/demo/profiles.ts";
import { SIMPLIFIED_TYPE } from "../server/src/modules/enforcement/cases/simplified.ts";
import { MODULES } from "../server/src/modules/index.ts";
import { loadActor } from "../server/src/platform/auth/sessions.ts";
import { createUser } from "../server/src/platform/auth/users.ts";
import { loadOrCreateFieldKey } from "../server/src/platform/crypto/keys.ts";
import { inWork } from "../server/src/platform/work.ts";
import { examplesModule } from "../server/test/fixtures/examples/index.ts";
import { officerRegister } from "../server/test/fixtures/examples/officer.ts";
import { machine } from "./results.ts";

const SCALES = { district: 1, city: 10, province: 40 } as const;
const CHUNK = 5_000; // rows per imported file
const OFFICERS = 200;

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "district" },
    seed: { type: "string", default: "1" },
    cases: { type: "string", default: "5000" },
    out: { type: "string", default: "bench/data-run.json" },
  },
});
const districts = SCALES[args.scale as keyof typeof SCALES];
if (!districts) {
  process.stderr.write(`--scale is district, city or province, not ${args.scale}\n`);
  process.exit(2);
}
const perDistrict = Number(args.cases);
const runFile = args.out as string;

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: string[][]) => `${rows.map((r) => r.map(csvCell).join(",")).join("\n")}\n`;

function addDays(d: string, n: number): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
}

class Progress {
  private t0 = performance.now();
  constructor(private total: number) {}
  show(done: number, what: string) {
    const w = 30;
    const f = Math.round((done / this.total) * w);
    const s = (performance.now() - this.t0) / 1000;
    process.stderr.write(
      `\r[${"#".repeat(f)}${".".repeat(w - f)}] ${done}/${this.total} ${what} · ${s.toFixed(0)} s   `,
    );
  }
}

const HEADER = [
  "_state",
  "_opened",
  "step.decide_on_spot",
  "step.file_with_body",
  "step.close",
  "number.decision",
  "party.kind",
  "party.name",
  "party.idNumber",
  "party.uscc",
  "party.address",
  "category",
  "place",
  "facts",
  "legalBasis",
  "penaltyKind",
  "fineAmount",
  "collectedOnSpot",
  "paid",
];

const config = loadConfig();
const db = await openDatabase(config);
const registry = createRegistry([...MODULES, examplesModule]);
const deps = await caseDeps({ registry, config, clock: () => new Date() });
const fieldKey = await loadOrCreateFieldKey(config.keyDir);
const profile = PROFILES.find((p) => p.onSpot.length > 0)!;
const t0 = performance.now();
/** What this run imported and how fast (bench/data-run.json): the figures to extrapolate. */
const timings = {
  cases: { rows: 0, ms: 0 },
  officers: { rows: 0, ms: 0 },
  /** Rows per second of each file of cases, in order (flat = linear in the data loaded). */
  files: [] as number[],
};
async function writeRun(districtsPlanned: number) {
  const total = await sql<{ cases: number; regions: number }>`
    select count(*)::int as cases, count(distinct region_code)::int as regions from case_file
     where case_type = ${SIMPLIFIED_TYPE}`.execute(db.owner);
  const rate = (x: { rows: number; ms: number }) =>
    x.ms > 0 ? Math.round(x.rows / (x.ms / 1000)) : null;
  const body = {
    at: new Date().toISOString(),
    scale: args.scale,
    seed: args.seed,
    districtsPlanned,
    casesPlanned: districtsPlanned * perDistrict,
    casesInDatabase: total.rows[0]?.cases ?? 0,
    regionsInDatabase: total.rows[0]?.regions ?? 0,
    thisRun: {
      seconds: Math.round((performance.now() - t0) / 1000),
      cases: timings.cases.rows,
      casesPerSecond: rate(timings.cases),
      officers: timings.officers.rows,
      officersPerSecond: rate(timings.officers),
      casesPerSecondByFile: timings.files,
    },
    machine: machine(),
  };
  await fs.writeFile(runFile, `${JSON.stringify(body, null, 2)}\n`);
}
let cases = 0;
let officers = 0;
try {
  const regions = await db.owner
    .selectFrom("region")
    .select("code")
    .where("level", "=", "county")
    .orderBy("code")
    .limit(districts)
    .execute();
  const progress = new Progress(regions.length * (Math.ceil(perDistrict / CHUNK) + 1));
  let step = 0;
  for (const { code: region } of regions) {
    const rng = demoRandom(`bench-${args.seed}`, region);
    const unitCode = `gen-${profile.unit}`;
    // Resumable: a district's unit, officers and each file of cases are skipped when
    // already there (each file is imported in a transaction of its own).
    const exists = await db.owner
      .selectFrom("unit")
      .select("id")
      .where("region_code", "=", region)
      .where("code", "=", unitCode)
      .executeTakeFirst();
    const imported = new Set(
      (
        await db.owner
          .selectFrom("case_import")
          .select("file_name")
          .where("region_code", "=", region)
          .execute()
      ).map((r) => r.file_name),
    );
    const unit =
      exists ??
      (await db.owner
        .insertInto("unit")
        .values({
          region_code: region,
          code: unitCode,
          name_zh: `生成数据市场监管局（${region}）`,
          name_en: `Generated market regulation (${region})`,
          kind: "department",
          parent_id: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow());
    const userId = exists
      ? (
          await db.owner
            .selectFrom("app_user")
            .select("id")
            .where("username", "=", `gen-${region}-leader`)
            .executeTakeFirstOrThrow()
        ).id
      : (
          await createUser(db.owner, {
            username: `gen-${region}-leader`,
            displayName: `生成${region}`,
            unitId: unit.id,
            roles: ["unit_leader", "case_handler"],
            password: `Gen-${args.seed}-Data-2020`,
          })
        ).id;
    const actor = (await loadActor(db.owner, userId))!;
    const idCards = demoIdCards(rng.int(1, 2 ** 30), 2000, {
      regions: [region],
      fromYear: 1950,
      toYear: 1998,
    });
    const usccs = demoUsccs(rng.int(1, 2 ** 30), 500, { kinds: ["91", "92"], regions: [region] });

    // Registers: officers, through the register import.
    const officerRows = Array.from({ length: OFFICERS }, (_, i) => [
      `执法员${region}-${i}`,
      `G${region}${String(i).padStart(5, "0")}`,
      idCards[i]!,
      "2020-01-01",
      addDays("2022-01-01", rng.int(0, 1000)),
    ]);
    const file = Buffer.from(
      csv([["姓名", "执法证号", "身份证号", "有效期起", "有效期止"], ...officerRows]),
    );
    if (!exists) {
      const r0 = performance.now();
      const done = await inWork(db.app, actor, new Date("2020-01-02T01:00:00Z"), null, (w) =>
        importCsv(w, officerRegister, file, {}, { fieldKey }),
      );
      officers += done.created;
      timings.officers.rows += done.created;
      timings.officers.ms += performance.now() - r0;
    }
    progress.show(++step, `${region} officers`);

    // Enforcement cases, a CSV file per 5,000, through the case import.
    for (let from = 0; from < perDistrict; from += CHUNK) {
      const n = Math.min(CHUNK, perDistrict - from);
      const year = 2016 + Math.floor(from / CHUNK);
      const dates = Array.from({ length: n }, () =>
        addDays(`${year}-01-04`, rng.int(0, 340)),
      ).sort();
      const rows = dates.map((on, i) => {
        const s = rng.pick(profile.onSpot);
        const org = rng.chance(s.org);
        const warning = rng.chance(s.warning);
        const fine = warning ? 0 : org ? rng.pick([200, 500, 1000]) : rng.pick([20, 30, 50]);
        const filed = addDays(on, rng.int(1, 3));
        return [
          "closed",
          on,
          on,
          filed,
          addDays(filed, rng.int(1, 10)),
          `生成${region}简罚〔${year}〕${i + 1}号`,
          org ? "legal_person" : "natural_person",
          org ? `生成${region}商贸有限公司${i % 97}` : `当事人${i % 997}`,
          org ? "" : idCards[rng.int(0, idCards.length - 1)]!,
          org ? usccs[rng.int(0, usccs.length - 1)]! : "",
          `地址${rng.int(1, 299)}号`,
          profile.category,
          `路口${rng.int(1, 99)}`,
          `当事人${s.cause}，执法人员当场查实`,
          s.legalBasis,
          warning ? "warning" : "fine",
          String(fine),
          fine > 0 && fine <= 20 && rng.chance(0.5) ? "是" : "否",
          fine > 0 ? "是" : "否",
        ];
      });
      const fileName = `${region}-${year}.csv`;
      if (imported.has(fileName)) {
        progress.show(++step, `${region} cases ${from + n} already there`);
        continue;
      }
      const bytes = Buffer.from(csv([HEADER, ...rows]));
      const c0 = performance.now();
      const summary = await inWork(db.app, actor, new Date("2019-01-04T01:00:00Z"), null, (w) =>
        importCases(deps, w, SIMPLIFIED_TYPE, bytes, { fileName }),
      );
      const ms = performance.now() - c0;
      cases += summary.rows;
      timings.cases.rows += summary.rows;
      timings.cases.ms += ms;
      timings.files.push(Math.round(summary.rows / (ms / 1000)));
      await writeRun(regions.length);
      progress.show(++step, `${region} cases ${from + n}`);
    }
  }
  // Statistics for what was loaded (autovacuum analyses only later).
  await sql`analyze`.execute(db.owner);
  await writeRun(regions.length);
  process.stderr.write("\n");
  process.stdout.write(
    `${cases} enforcement cases and ${officers} officers in ${regions.length} district(s), ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
  );
} finally {
  await db.close();
  await db.embedded?.stop();
}
