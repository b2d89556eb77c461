/**
 * The table's read paths on a database filled by `npm run bench:data` (district, city or
 * province scale), for one district, as ratios against hand SQL in the same run:
 *
 *   DATABASE_URL=… node --import tsx bench/scale.ts [--region 500101] [--seed 1] [--label x]
 *
 * - a unit user's case list page (penalty_simplified, 20 rows and the count) against the
 *   same page and count in SQL under the same scope;
 * - the enforcement indicators of the district's generated year (2016) against one SELECT
 *   of that year's cases of the district;
 * - the same district measured in a database of one district and in one of forty says
 *   whether a district's cost grows with the rest of the province (it should not).
 *
 * Results are merged into bench/results.json under `scale <label>: …`.
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { loadConfig } from "../server/src/db/config.ts";
import { openDatabase } from "../server/src/db/connection.ts";
import { withScope } from "../server/src/db/scope.ts";
import { createRegistry } from "../server/src/engines/registry.ts";
import { buildApp } from "../server/src/http/app.ts";
import { SIMPLIFIED_TYPE } from "../server/src/modules/enforcement/cases/simplified.ts";
import { MODULES } from "../server/src/modules/index.ts";
import { examplesModule } from "../server/test/fixtures/examples/index.ts";
import { queriesSent, ratio } from "./engines.ts";
import { writeResults } from "./results.ts";

const { values: args } = parseArgs({
  options: {
    region: { type: "string", default: "500101" },
    seed: { type: "string", default: "1" },
    label: { type: "string", default: "generated" },
    rounds: { type: "string", default: "9" },
  },
});
const region = args.region as string;
const rounds = Number(args.rounds);
const config = loadConfig();
const db = await openDatabase(config, { migrate: false });
const results: Record<string, string> = {};
const key = (k: string) => `scale ${args.label}: ${k}`;
try {
  const size = await sql<{ cases: number; regions: number; here: number }>`select
    count(*)::int as cases, count(distinct region_code)::int as regions,
    count(*) filter (where region_code = ${region})::int as here from case_file`.execute(db.owner);
  const s = size.rows[0]!;
  results[key("cases in database / regions / in the district")] =
    `${s.cases} / ${s.regions} / ${s.here}`;
  const app = await buildApp({
    db,
    config,
    clock: () => new Date("2021-01-31T02:00:00Z"),
    registry: createRegistry([...MODULES, examplesModule]),
  });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: `gen-${region}-leader`, password: `Gen-${args.seed}-Data-2020` },
  });
  if (login.statusCode !== 200) throw new Error(`login: ${login.body}`);
  const headers = {
    cookie: `fazhi_sid=${login.cookies[0]!.value}`,
    "x-csrf-token": login.json().csrfToken as string,
  };
  const unitId = (
    await db.owner
      .selectFrom("app_user")
      .select("unit_id")
      .where("username", "=", `gen-${region}-leader`)
      .executeTakeFirstOrThrow()
  ).unit_id;
  const get = async (url: string) => {
    const r = await app.inject({ method: "GET", url, headers });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r;
  };
  const scoped = <T>(fn: (trx: Parameters<Parameters<typeof withScope>[2]>[0]) => Promise<T>) =>
    withScope(db.app, { regions: [region], unitId, userId: undefined }, fn);

  {
    const r = await ratio(
      () => get(`/api/cases/${SIMPLIFIED_TYPE}?page=1&pageSize=20`),
      () =>
        scoped(async (trx) => {
          await sql`select * from case_file where case_type = ${SIMPLIFIED_TYPE}
            and unit_id = ${unitId} order by id desc limit 20`.execute(trx);
          await sql`select count(*) from case_file where case_type = ${SIMPLIFIED_TYPE}
            and unit_id = ${unitId}`.execute(trx);
        }),
      rounds,
    );
    results[key("case list (unit user) / same page in SQL")] =
      `${r.ratio.toFixed(2)} (${r.ms.toFixed(1)} ms vs ${r.baseMs.toFixed(1)} ms)`;
  }
  {
    const r = await ratio(
      () => get(`/api/indicators/values?region=${region}&year=2016`),
      () =>
        scoped((trx) =>
          sql`select * from case_file where region_code = ${region}
              and opened_on between '2016-01-01' and '2016-12-31'`.execute(trx),
        ),
      Math.max(3, Math.floor(rounds / 3)),
    );
    const q0 = queriesSent();
    const values = await get(`/api/indicators/values?region=${region}&year=2016`);
    results[key("GET /api/indicators/values / one SELECT of the year's cases")] =
      `${r.ratio.toFixed(2)} (${r.ms.toFixed(1)} ms vs ${r.baseMs.toFixed(1)} ms; ${values.json().values.length} indicators, ${queriesSent() - q0} statements)`;
  }
  await app.close();
  const version = (await sql<{ v: string }>`select version() as v`.execute(db.owner)).rows[0]?.v;
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(70)} ${v}\n`);
  await writeResults(results, version, true);
} finally {
  await db.close();
  await db.embedded?.stop();
}
