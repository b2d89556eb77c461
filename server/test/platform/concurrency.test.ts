import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainKeyOf } from "../../src/platform/audit/record.ts";
import { verifyAudit } from "../../src/platform/audit/verify.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * Issue 8: conflicting writes at the same moment, over real HTTP (the app listening on
 * a port, requests sent at once with fetch), so that they meet in the database pool.
 * Optimistic versions give exactly one success per version and 409 to the rest; the
 * case's timeline and audit chain have no gap and no duplicate; numbers handed out by
 * steps running in parallel on many cases are distinct and gapless.
 */
let t: TestApp;
let base: string;
let handler: Session;
/** Requests in the server at once (the most seen), to show they truly overlap. */
let inFlight = 0;
let maxInFlight = 0;

const permit = (name: string) => ({
  fields: { applicant: { name }, item: "食品经营许可", category: "general" },
  onDate: "2020-09-30",
});

beforeAll(async () => {
  t = await testApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  await t.user("handler", unit, ["case_handler"]);
  t.clock.t = new Date("2020-10-09T02:00:00Z");
  handler = await t.login("handler");
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  t.app.server.on("request", (_req, res) => {
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    res.on("close", () => inFlight--);
  });
  const addr = t.app.server.address();
  if (!addr || typeof addr === "string") throw new Error("not listening");
  base = `http://127.0.0.1:${addr.port}`;
}, 120_000);
afterAll(async () => t?.close());

async function post(url: string, body: unknown) {
  const res = await fetch(`${base}${url}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "accept-language": "en",
      cookie: handler.cookie,
      "x-csrf-token": handler.csrf,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The case's timeline and audit chain: sequence numbers 1..n, no gap, no duplicate. */
async function expectGapless(caseId: number) {
  const events = await t.db.owner
    .selectFrom("case_event")
    .select("seq")
    .where("case_id", "=", caseId)
    .orderBy("seq")
    .execute();
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  const audit = await t.db.owner
    .selectFrom("audit_event")
    .select(["seq", "prev_hash", "hash"])
    .where("chain_key", "=", chainKeyOf("case", caseId))
    .orderBy("seq")
    .execute();
  expect(audit.length).toBeGreaterThan(0);
  expect(audit.map((e) => e.seq)).toEqual(audit.map((_, i) => i + 1));
  for (let i = 1; i < audit.length; i++) expect(audit[i]!.prev_hash).toBe(audit[i - 1]!.hash);
  return { events: events.length, audit: audit.length };
}

describe("200 concurrent conflicting transitions of one case", () => {
  it("one success per expected version, 409 for the rest, no gap or duplicate", async () => {
    const c = await post("/api/cases/example_permit", permit("甲公司"));
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = c.body.id as number;
    const before = await expectGapless(id);

    // Round 1: 200 × accept, all expecting version 1.
    const accept = await Promise.all(
      Array.from({ length: 200 }, () =>
        post(`/api/cases/example_permit/${id}/actions/accept`, {
          version: 1,
          onDate: "2020-09-30",
        }),
      ),
    );
    expect(maxInFlight).toBeGreaterThan(50);
    const ok1 = accept.filter((r) => r.status === 200);
    expect(ok1).toHaveLength(1);
    expect(accept.filter((r) => r.status !== 200).map((r) => r.status)).toEqual(
      Array(199).fill(409),
    );
    for (const r of accept.filter((x) => x.status === 409))
      expect((r.body.error as { code: string }).code).toBe("conflict");

    // Round 2: 200 × a repeatable step, 50 each expecting versions 2, 3, 4 and 5. A
    // version can only be reached by the success of the one before it: the successes
    // are one per version, from 2 upwards, with no version won twice.
    const versions = Array.from({ length: 200 }, (_, i) => 2 + (i % 4));
    const round2 = await Promise.all(
      versions.map((version, i) =>
        post(`/api/cases/example_permit/${id}/actions/schedule_hearing`, {
          version,
          onDate: "2020-10-09",
          input: { hearingDate: `2020-11-${String(10 + (i % 10)).padStart(2, "0")}` },
        }),
      ),
    );
    expect(round2.filter((r) => r.status !== 200 && r.status !== 409)).toEqual([]);
    const won = versions.filter((_, i) => round2[i]!.status === 200).sort();
    expect(won.length).toBeGreaterThan(0);
    expect(won).toEqual(won.map((_, i) => 2 + i));

    // No lost update: the case's version counts exactly the successful steps.
    const row = await t.db.owner
      .selectFrom("case_file")
      .select(["version", "state"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(1 + ok1.length + won.length);
    expect(row.state).toBe("accepted");
    const after = await expectGapless(id);
    expect(after.events - before.events).toBe(ok1.length + won.length);
    expect((await verifyAudit(t.db.owner, t.config)).problems).toEqual([]);
  }, 120_000);
});

describe("numbers handed out in parallel", () => {
  it("cases opened at once, then numbered at once: distinct, gapless numbers", async () => {
    const N = 60;
    const opened = await Promise.all(
      Array.from({ length: N }, (_, i) => post("/api/cases/example_permit", permit(`公司${i}`))),
    );
    expect(opened.map((r) => r.status)).toEqual(Array(N).fill(201));
    const ids = opened.map((r) => r.body.id as number);
    expect(new Set(ids).size).toBe(N);

    // Two competing accepts per case (one wins), all 2N at once: the acceptance number
    // comes from one sequence row per issuer and year.
    const steps = await Promise.all(
      [...ids, ...ids].map((id) =>
        post(`/api/cases/example_permit/${id}/actions/accept`, {
          version: 1,
          onDate: "2020-10-09",
        }),
      ),
    );
    expect(steps.filter((r) => r.status === 200)).toHaveLength(N);
    expect(steps.filter((r) => r.status === 409)).toHaveLength(N);

    const rows = await t.db.owner
      .selectFrom("case_file")
      .select(["id", "numbers"])
      .where("id", "in", ids)
      .execute();
    const seqs = rows
      .map((r) => (r.numbers as Record<string, string>).acceptance ?? "")
      .map((n) => Number(/〔2020〕(\d+)号$/.exec(n)?.[1]));
    // The first test's case took number 1 of the year.
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 2));
    const seq = await sql<{ last: number }>`
      select last from number_sequence where kind = 'acceptance' and year = 2020`.execute(
      t.db.owner,
    );
    expect(seq.rows.map((r) => r.last)).toEqual([N + 1]);
    for (const id of ids) await expectGapless(id);
    expect((await verifyAudit(t.db.owner, t.config)).problems).toEqual([]);
  }, 120_000);
});
