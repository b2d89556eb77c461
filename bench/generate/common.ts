/**
 * What every module's generator shares (bench/data.ts, issue 9): the district's context
 * (database, case engine, a unit and its leader per module, a seeded random stream per
 * module), writing CSV files with the import templates' stable keys, and importing them
 * through the product's own paths — the case engine's historical-case import and the
 * register engine's batch import — skipping a file the district already holds
 * (resumable), with the SHA-256 of every generated file for the run's checksum.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { openDatabase } from "../../server/src/db/connection.ts";
import type { CaseDeps } from "../../server/src/engines/case/deps.ts";
import { importCases } from "../../server/src/engines/case/import/index.ts";
import type { DemoRandom } from "../../server/src/engines/demo/declare.ts";
import { demoRandom } from "../../server/src/engines/demo/random.ts";
import type { RegisterDecl } from "../../server/src/engines/register/index.ts";
import { importCsv } from "../../server/src/engines/register/xlsx/index.ts";
import { csv } from "../../server/src/modules/services/demo/csv.ts";
import { loadActor } from "../../server/src/platform/auth/sessions.ts";
import { createUser } from "../../server/src/platform/auth/users.ts";
import { inWork } from "../../server/src/platform/work.ts";

export { csv };

export type Db = Awaited<ReturnType<typeof openDatabase>>;
type Actor = NonNullable<Awaited<ReturnType<typeof loadActor>>>;

/** Per-district record counts of a scale (`tiny` is the test's). */
export interface Counts {
  enforcement: number;
  officers: number;
  catalogue: number;
  applications: number;
  mediation: number;
  reconsideration: number;
  documents: number;
  decisions: number;
  credit: number;
}

export interface District {
  db: Db;
  deps: CaseDeps;
  fieldKey: Buffer;
  region: string;
  seed: string;
  counts: Counts;
  /** A module's own random stream: a module's data does not depend on which others run. */
  rng(module: string): DemoRandom;
}

/** What one module's generation did in a district. */
export interface Outcome {
  /** Records imported by this run (0 when the district already held them). */
  imported: number;
  /** Records the module generates for the district (imported now or earlier). */
  generated: number;
  ms: number;
  /** SHA-256 of each generated file, in order. */
  files: string[];
}

export const outcome = (): Outcome => ({ imported: 0, generated: 0, ms: 0, files: [] });

export function districtRng(seed: string, region: string, module: string): DemoRandom {
  return demoRandom(`bench-${seed}-${module}`, region);
}

/** A register file with the template's Chinese labels as headers. */
export function registerCsv(decl: RegisterDecl, rows: readonly Record<string, unknown>[]): Buffer {
  const cols = decl.columns;
  return csv(
    cols.map((c) => c.label.zh),
    rows.map((r) => Object.fromEntries(cols.map((c) => [c.label.zh, r[c.field]]))),
  );
}

export const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

export function addDays(d: string, n: number): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
}

export const SURNAMES = [..."王李张刘陈杨黄赵周吴徐孙冉向谭彭罗何胡秦郑蒋曾唐田熊余杜任夏"];
export const GIVEN = [
  ..."明华建国丽芳军平强燕勇静磊敏洪涛艳斌霞波林英杰红鹏婷文俊宇欣晓春秀兰志东",
];
export const personName = (rng: DemoRandom) =>
  rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : "");
export const phone = (rng: DemoRandom) =>
  `1${rng.pick(["3", "5", "8"])}${rng.int(100000000, 999999999)}`;

/**
 * A module's unit in the district (`gen-<code>`) and its leader (`gen-<region>-<code>`),
 * created when missing. The leader imports the unit's history.
 */
export async function unitActor(
  d: District,
  code: string,
  nameZh: string,
  nameEn: string,
  username = `gen-${d.region}-${code}`,
): Promise<{ actor: Actor; unitId: number; unitCode: string }> {
  const unitCode = `gen-${code}`;
  let unit = await d.db.owner
    .selectFrom("unit")
    .select("id")
    .where("region_code", "=", d.region)
    .where("code", "=", unitCode)
    .executeTakeFirst();
  unit ??= await d.db.owner
    .insertInto("unit")
    .values({
      region_code: d.region,
      code: unitCode,
      name_zh: `${nameZh}（${d.region}）`,
      name_en: `${nameEn} (${d.region})`,
      kind: "department",
      parent_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user =
    (await d.db.owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirst()) ??
    (await createUser(d.db.owner, {
      username,
      displayName: `${nameZh}负责人`,
      unitId: Number(unit.id),
      roles: ["unit_leader", "case_handler"],
      password: `Gen-${d.seed}-Data-2020`,
    }));
  return { actor: (await loadActor(d.db.owner, user.id))!, unitId: Number(unit.id), unitCode };
}

/** Import a file of historical cases unless the district holds a file of that name. */
export async function importCaseFile(
  d: District,
  actor: Actor,
  caseType: string,
  fileName: string,
  file: Buffer,
  rows: number,
  now: string,
  out: Outcome,
): Promise<void> {
  out.files.push(sha256(file));
  out.generated += rows;
  const there = await d.db.owner
    .selectFrom("case_import")
    .select("id")
    .where("region_code", "=", d.region)
    .where("case_type", "=", caseType)
    .where("file_name", "=", fileName)
    .executeTakeFirst();
  if (there) return;
  const t0 = performance.now();
  const s = await inWork(d.db.app, actor, new Date(`${now}T01:00:00Z`), null, (w) =>
    importCases(d.deps, w, caseType, file, { fileName }),
  );
  out.ms += performance.now() - t0;
  out.imported += s.rows;
}

/**
 * Import a register file unless the unit already holds its rows: the unit's files are
 * imported in order, so `before` (the rows of its earlier files) plus this file's rows
 * already there means this file is.
 */
export async function importRegisterFile(
  d: District,
  actor: Actor,
  decl: RegisterDecl,
  file: Buffer,
  rows: number,
  now: string,
  out: Outcome,
  before = 0,
): Promise<void> {
  out.files.push(sha256(file));
  out.generated += rows;
  const there = await sql<{ n: number }>`select count(*)::int as n from register_entry
    where region_code = ${d.region} and register = ${decl.code} and unit_id = ${actor.unitId}`.execute(
    d.db.owner,
  );
  if ((there.rows[0]?.n ?? 0) >= before + rows) return;
  const t0 = performance.now();
  const r = await inWork(d.db.app, actor, new Date(`${now}T01:00:00Z`), null, (w) =>
    importCsv(w, decl, file, {}, { fieldKey: d.fieldKey }),
  );
  out.ms += performance.now() - t0;
  out.imported += r.created;
}
