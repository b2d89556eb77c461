import { CompiledQuery, type Kysely, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kyselyFor } from "../../../src/db/connection.ts";
import type { DB } from "../../../src/db/schema.ts";
import { withScope } from "../../../src/db/scope.ts";
import { examplesModule } from "../../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * Query plans at ten times the demo's size (issue 9): the statements the case list (a unit
 * user, under row-level security), the warning list and a case page send are captured as
 * sent, EXPLAIN ANALYZEd under the same scope, and fail when a plan reads more rows than a
 * bound that follows the page or the open clocks — not the region — or when row-level
 * security calls `fazhi_participates` once per row. No timings: rows and calls only.
 */
const CASES = 2500; // the demo has about 245 cases
const OPEN_EVERY = 10; // one case in ten open with a running clock

let t: TestApp;
let unitA: number;
let unitB: number;
let handler: Session;
let office: Session;
let app: Kysely<DB>;

/** Statements sent by this process while `fn` runs (reads only), with their parameters. */
async function captured(
  fn: () => Promise<unknown>,
): Promise<{ text: string; values: unknown[] }[]> {
  const out: { text: string; values: unknown[] }[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function spy(this: pg.Client, ...args: unknown[]) {
    const [text, values] = args as [unknown, unknown];
    if (typeof text === "string" && /^\s*(select|with)\b/i.test(text) && !/set_config/.test(text))
      out.push({ text, values: Array.isArray(values) ? values : [] });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return out;
}

interface PlanNode {
  "Node Type": string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/** Rows read by the scans of a plan (returned plus filtered out, times loops). */
function rowsScanned(n: PlanNode): number {
  const own = /Scan$/.test(n["Node Type"])
    ? ((n["Actual Rows"] ?? 0) +
        (n["Rows Removed by Filter"] ?? 0) +
        (n["Rows Removed by Index Recheck"] ?? 0)) *
      (n["Actual Loops"] ?? 1)
    : 0;
  return own + (n.Plans ?? []).reduce((s, p) => s + rowsScanned(p), 0);
}

beforeAll(async () => {
  t = await testApp([examplesModule]);
  unitA = await t.unit("500156", "plans_a");
  unitB = await t.unit("500156", "plans_b");
  await t.user("plans_handler", unitA, ["case_handler"]);
  const officeUnit = await t.unit("500156", "plans_office", "office");
  await t.user("plans_office", officeUnit, ["rule_of_law_office"]);
  // Count function calls in the app's sessions (EXPLAIN ANALYZE runs them).
  await sql.raw(`alter database ${t.name} set track_functions = 'all'`).execute(t.db.owner);
  app = kyselyFor(t.config.databaseAppUrl!, 2);
  // The demo ×10, generated: one case in ten unit A's, one in twenty of B's with A taking
  // part; one in ten open with a running clock, every case with two timeline events.
  await sql`
    insert into case_file (region_code, case_type, unit_id, state, title, fields, opened_on,
                           closed_on, created_at, updated_at)
    select '500156', 'example_permit', case when g % 10 = 0 then ${unitA}::bigint else ${unitB}::bigint end,
           case when g % ${OPEN_EVERY} = 1 then 'accepted' else 'decided' end, '案件 ' || g,
           jsonb_build_object('item', '事项', 'category', 'general'), date '2020-01-01' + (g % 300),
           case when g % ${OPEN_EVERY} = 1 then null else date '2020-12-01' end, now(), now()
      from generate_series(1, ${CASES}) g`.execute(t.db.owner);
  await sql`
    insert into case_participant (region_code, case_id, unit_id, role)
    select region_code, id, ${unitA}::bigint, 'supporting' from case_file
     where unit_id = ${unitB} and id % 20 = 1`.execute(t.db.owner);
  await sql`
    insert into case_clock (region_code, case_id, clock, started_on, stopped_on)
    select region_code, id, 'decision', opened_on, closed_on from case_file`.execute(t.db.owner);
  await sql`
    insert into case_event (region_code, case_id, seq, kind, action, on_date, at)
    select region_code, id, s, 'step', case s when 1 then 'create' else 'accept' end, opened_on, now()
      from case_file, generate_series(1, 2) s`.execute(t.db.owner);
  await sql`analyze`.execute(t.db.owner);
  t.clock.t = new Date("2020-12-20T02:00:00Z");
  handler = await t.login("plans_handler");
  office = await t.login("plans_office");
}, 300_000);

afterAll(async () => {
  await app?.destroy();
  await t?.close();
});

describe("plans at ten times the demo", () => {
  it("a unit user's case list page and count: no per-row participation call, rows bounded by the region once", async () => {
    const sent = await captured(async () => {
      const r = await t.call(handler, { method: "GET", url: "/api/cases/example_permit?page=1" });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().total).toBe(CASES / 10 + CASES / 20);
    });
    const reads = sent.filter((q) => /from "case_file"/.test(q.text));
    expect(reads.length).toBe(2);
    for (const q of reads) {
      const p = await explainWith(q, unitA);
      expect(p.participatesCalls, q.text).toBe(0);
      // The page stops after 20 visible rows; the count reads the region's cases once.
      expect(p.rows, q.text).toBeLessThanOrEqual(CASES + 200);
    }
  });

  it("the warning list: rows bounded by the open clocks, not by every clock", async () => {
    const sent = await captured(async () => {
      const r = await t.call(office, { method: "GET", url: "/api/warnings?limit=20" });
      expect(r.statusCode, r.body).toBe(200);
    });
    const reads = sent.filter((q) => /case_clock/.test(q.text));
    expect(reads.length).toBeGreaterThanOrEqual(1);
    const open = CASES / OPEN_EVERY;
    for (const q of reads) {
      const p = await explainWith(q, undefined);
      // Each open clock, its case, and (for candidates) its rows: a few per open clock.
      expect(p.rows, q.text).toBeLessThanOrEqual(6 * open);
    }
  });

  it("a case page (a case the unit takes part in) reads its clocks in one statement, rows bounded by the case", async () => {
    const { rows } = await sql<{ id: number }>`select id from case_file
        where unit_id = ${unitB} and closed_on is null and id % 20 = 1 order by id limit 1`.execute(
      t.db.owner,
    );
    const sent = await captured(async () => {
      const r = await t.call(handler, {
        method: "GET",
        url: `/api/cases/example_permit/${rows[0]!.id}`,
      });
      expect(r.statusCode, r.body).toBe(200);
    });
    // Clocks, suspensions and extensions together: one statement reads the extensions.
    const clockReads = sent.filter((q) => /case_extension/.test(q.text));
    expect(clockReads.length).toBe(1);
    expect(clockReads[0]!.text).toMatch(/case_clock/);
    expect(clockReads[0]!.text).toMatch(/case_suspension_clock/);
    for (const q of sent) {
      const p = await explainWith(q, unitA);
      expect(p.participatesCalls, q.text).toBeLessThanOrEqual(5);
      // The case's rows, plus once the unit's participations (the hashed set of the policy).
      expect(p.rows, q.text).toBeLessThanOrEqual(100 + CASES / 20);
    }
  });
});

/**
 * EXPLAIN ANALYZE a captured statement with its parameters under a scope: the rows its
 * scans read and the calls of `fazhi_participates` it made.
 */
async function explainWith(q: { text: string; values: unknown[] }, unitId: number | undefined) {
  return withScope(app, { regions: ["500156"], unitId, userId: undefined }, async (trx) => {
    const calls = async () =>
      Number(
        (
          await sql<{ n: string | null }>`select pg_stat_get_xact_function_calls(
            'fazhi_participates(text,bigint)'::regprocedure) as n`.execute(trx)
        ).rows[0]?.n ?? 0,
      );
    const before = await calls();
    const { rows } = await trx.executeQuery<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
      CompiledQuery.raw(`explain (analyze, format json) ${q.text}`, q.values),
    );
    return {
      rows: rowsScanned(rows[0]!["QUERY PLAN"][0]!.Plan),
      participatesCalls: (await calls()) - before,
    };
  });
}
