import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCALES } from "../../../bench/generate/index.ts";
import { type GenReport, runGenerator } from "../../../bench/generate/run.ts";
import { caseDeps } from "../../src/engines/case/deps.ts";
import { createRegistry } from "../../src/engines/registry.ts";
import { MODULES } from "../../src/modules/index.ts";
import { loadOrCreateFieldKey } from "../../src/platform/crypto/keys.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type TestDatabase, testDatabase } from "../support/db.ts";

/**
 * The bench data generator (issue 9) at the tiny scale, every module: deterministic from
 * the seed (a second database gets the same records and checksum), resumable (a second
 * run adds nothing), every module's records present in the states the import accepted.
 */
const registry = createRegistry([...MODULES, examplesModule]);
const ALL = [
  "enforcement",
  "registers",
  "services",
  "governance",
  "oversight",
  "rules",
  "decisions",
  "supervision",
];
const tiny = SCALES.tiny!;
let a: TestDatabase;
let b: TestDatabase;

async function generate(t: TestDatabase, seed = "7", modules = ALL): Promise<GenReport> {
  return runGenerator({
    db: t.db,
    deps: await caseDeps({ registry, config: t.config, clock: () => new Date() }),
    fieldKey: await loadOrCreateFieldKey(t.config.keyDir),
    districts: tiny.districts,
    counts: tiny.counts,
    seed,
    modules,
  });
}

/** Encrypted fields differ per database (its own key, a random IV): compared as present. */
const unkeyed = (v: unknown): unknown =>
  typeof v === "string" && v.startsWith("sm4:")
    ? "sm4:…"
    : Array.isArray(v)
      ? v.map(unkeyed)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unkeyed(x)]))
        : v;

/** The records as they were imported (without ids, times and keys that differ per database). */
async function records(t: TestDatabase) {
  const cases = await t.db.owner
    .selectFrom("case_file")
    .select(["case_type", "state", "opened_on", "fields"])
    .orderBy("case_type")
    .orderBy("opened_on")
    .orderBy("id")
    .execute();
  const entries = await t.db.owner
    .selectFrom("register_entry")
    .select(["register", "data"])
    .orderBy("register")
    .orderBy("id")
    .execute();
  return unkeyed({ cases, entries });
}

beforeAll(async () => {
  [a, b] = await Promise.all([testDatabase(), testDatabase()]);
});
afterAll(async () => {
  await a?.drop();
  await b?.drop();
});

describe("bench data generator", () => {
  it("fills every module, deterministic from the seed and resumable", async () => {
    const first = await generate(a);
    const c = tiny.counts;
    const expected: Record<string, number> = {
      enforcement: c.enforcement,
      registers: c.officers,
      services: c.catalogue + c.applications,
      governance: c.mediation,
      oversight: c.reconsideration,
      rules: c.documents,
      decisions: c.decisions,
      supervision: c.credit,
    };
    expect(Object.keys(first.modules)).toEqual(ALL);
    for (const [name, n] of Object.entries(expected)) {
      expect(first.modules[name], name).toMatchObject({ imported: n, generated: n, inDatabase: n });
    }

    // Each case type's records, in the states their history ends in.
    const states = await a.db.owner
      .selectFrom("case_file")
      .select(["case_type", "state"])
      .select((e) => e.fn.countAll<string>().as("n"))
      .groupBy(["case_type", "state"])
      .execute();
    const types = new Set(states.map((s) => s.case_type));
    for (const ct of [
      "penalty_simplified",
      "service_application",
      "mediation",
      "reconsideration",
      "normative_document",
      "major_decision",
    ]) {
      expect(types, ct).toContain(ct);
    }
    const has = (ct: string, st: string) =>
      states.some((s) => s.case_type === ct && s.state === st);
    expect(has("reconsideration", "decided")).toBe(true);
    expect(has("normative_document", "filed")).toBe(true);
    expect(has("mediation", "performed")).toBe(true);
    expect(has("service_application", "delivered")).toBe(true);
    // Every imported case has its opening on the timeline and an audit entry.
    const missing = await a.db.owner
      .selectFrom("case_file as c")
      .select((e) => e.fn.countAll<string>().as("n"))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("case_event as v")
              .select("v.seq")
              .whereRef("v.region_code", "=", "c.region_code")
              .whereRef("v.case_id", "=", "c.id"),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    expect(Number(missing.n)).toBe(0);

    // Resumable: a second run finds everything there and adds nothing.
    const again = await generate(a);
    expect(again.checksum).toBe(first.checksum);
    for (const [name, n] of Object.entries(expected)) {
      expect(again.modules[name], name).toMatchObject({ imported: 0, inDatabase: n });
    }

    // Deterministic: the same seed into another database, the same records and checksum;
    // another seed, other records.
    const other = await generate(b);
    expect(other.checksum).toBe(first.checksum);
    expect(await records(b)).toEqual(await records(a));
    const reseeded = await generate(b, "8", ["oversight"]);
    expect(reseeded.modules.oversight!.checksum).not.toBe(first.modules.oversight!.checksum);
  }, 120_000);
});
