import fs from "node:fs/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withScope } from "../../src/db/scope.ts";
import { anchorAllRegions, anchorFilePath } from "../../src/platform/audit/anchor.ts";
import { recordAudit } from "../../src/platform/audit/record.ts";
import { verifyAudit } from "../../src/platform/audit/verify.ts";
import { type TestApp, testApp } from "../support/app.ts";

let t: TestApp;
let unit: number;
const actor = () => ({ userId: 1, unitId: unit, displayName: "张三" });

async function write(entityId: string, n: number, region = "500156") {
  for (let i = 0; i < n; i++) {
    await withScope(t.db.app, { regions: [region], unitId: undefined, userId: 1 }, (trx) =>
      recordAudit(
        trx,
        { actor: actor(), ip: "10.0.0.1", now: t.clock.now() },
        {
          regionCode: region,
          action: "thing.update",
          entityType: "thing",
          entityId,
          before: { n: i },
          after: { n: i + 1, 名称: "测试" },
        },
      ),
    );
    t.clock.advance(1000);
  }
}

/** Tamper as the database superuser would: switch the append-only triggers off. */
async function tamper(statement: string) {
  await sql
    .raw(
      `alter table audit_event disable trigger user; ${statement}; alter table audit_event enable trigger user;`,
    )
    .execute(t.db.owner);
}

async function firstProblem() {
  const r = await verifyAudit(t.db.owner, t.config);
  return r.problems[0];
}

beforeAll(async () => {
  t = await testApp();
  unit = await t.unit("500156", "sfj");
});
afterAll(async () => t.close());

describe("audit trail", () => {
  it("writes events in the business transaction: a rollback leaves none", async () => {
    await expect(
      withScope(t.db.app, { regions: ["500156"], unitId: undefined, userId: 1 }, async (trx) => {
        await recordAudit(
          trx,
          { actor: actor(), ip: null, now: t.clock.now() },
          {
            regionCode: "500156",
            action: "thing.create",
            entityType: "thing",
            entityId: "rolled-back",
          },
        );
        throw new Error("the business write failed");
      }),
    ).rejects.toThrow(/business write failed/);
    const n = await t.db.owner
      .selectFrom("audit_event")
      .select("seq")
      .where("entity_id", "=", "rolled-back")
      .execute();
    expect(n).toHaveLength(0);
  });

  it("requires a reason for sensitive actions", async () => {
    await expect(
      withScope(t.db.app, { regions: ["500156"], unitId: undefined, userId: 1 }, (trx) =>
        recordAudit(
          trx,
          { actor: actor(), ip: null, now: t.clock.now() },
          {
            regionCode: "500156",
            action: "thing.revoke",
            entityType: "thing",
            entityId: "x",
            reasonRequired: true,
          },
        ),
      ),
    ).rejects.toMatchObject({ code: "validation", fields: [{ field: "reason" }] });
  });

  it("chains events per record; concurrent writers to one record never fork the chain", async () => {
    await Promise.all(Array.from({ length: 8 }, () => write("concurrent", 3)));
    const rows = await t.db.owner
      .selectFrom("audit_event")
      .select("seq")
      .where("entity_id", "=", "concurrent")
      .orderBy("seq")
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect((await verifyAudit(t.db.owner, t.config)).ok).toBe(true);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of events, even for the owner", async () => {
    await write("append-only", 1);
    await expect(
      sql`update audit_event set action = 'x' where entity_id = 'append-only'`.execute(t.db.owner),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_event where entity_id = 'append-only'`.execute(t.db.owner),
    ).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(t.db.owner)).rejects.toThrow(/append-only/);
  });
});

describe("fazhi audit verify", () => {
  it("passes on an untouched trail and anchors every region with a signed file", async () => {
    await write("a", 3);
    await write("b", 2, "500102");
    const made = await anchorAllRegions(t.db.owner, t.config, t.clock.now());
    expect(made.map((m) => m.payload.regionCode).sort()).toEqual(["500102", "500156"]);
    const file = JSON.parse(await fs.readFile(anchorFilePath(t.config, "500156", 1), "utf8"));
    expect(file.signature).toBeTruthy();
    const r = await verifyAudit(t.db.owner, t.config);
    expect(r.problems).toEqual([]);
    expect(r.anchors).toBe(2);
  });

  it("names an event edited directly in PostgreSQL", async () => {
    await tamper(`update audit_event set after = '{"n": 99}' where entity_id = 'a' and seq = 2`);
    const p = await firstProblem();
    expect(p).toMatchObject({ chainKey: "thing:a", seq: 2, kind: "edited" });
    await tamper(
      `update audit_event set after = '{"n": 2, "名称": "测试"}' where entity_id = 'a' and seq = 2`,
    );
    expect((await verifyAudit(t.db.owner, t.config)).ok).toBe(true);
  });

  it("names an event deleted directly in PostgreSQL (middle and anchored tail)", async () => {
    await write("c", 3);
    await anchorAllRegions(t.db.owner, t.config, t.clock.now());
    await tamper(`delete from audit_event where entity_id = 'c' and seq = 3`);
    const r = await verifyAudit(t.db.owner, t.config);
    expect(r.ok).toBe(false);
    expect(
      r.problems.some((p) => p.chainKey === "thing:c" && p.seq === 3 && p.kind === "deleted"),
    ).toBe(true);
  });

  it("detects a chain rewritten consistently (hashes recomputed) against its anchor", async () => {
    const t2 = await testApp();
    try {
      const u = await t2.unit("500156", "x");
      await withScope(t2.db.app, { regions: ["500156"], unitId: undefined, userId: 1 }, (trx) =>
        recordAudit(
          trx,
          { actor: { userId: 1, unitId: u, displayName: "甲" }, ip: null, now: t2.clock.now() },
          {
            regionCode: "500156",
            action: "thing.create",
            entityType: "thing",
            entityId: "r",
            after: { amount: 100 },
          },
        ),
      );
      await anchorAllRegions(t2.db.owner, t2.config, t2.clock.now());
      // Rewrite the only event and recompute its hash so the chain itself is consistent.
      const { computeEventHash } = await import("../../src/kernel/audit/chain.ts");
      const e = await t2.db.owner
        .selectFrom("audit_event")
        .selectAll()
        .where("entity_id", "=", "r")
        .executeTakeFirstOrThrow();
      const forged = {
        regionCode: e.region_code,
        chainKey: e.chain_key,
        seq: e.seq,
        occurredAt: e.occurred_at.toISOString(),
        actorUserId: String(e.actor_user_id),
        actorUnitId: String(e.actor_unit_id),
        actorName: e.actor_name,
        ip: e.ip,
        action: e.action,
        entityType: e.entity_type,
        entityId: e.entity_id,
        before: null,
        after: { amount: 1 },
        reason: e.reason,
        prevHash: e.prev_hash,
      };
      const hash = computeEventHash(forged);
      await sql
        .raw(`alter table audit_event disable trigger user;
        update audit_event set after = '{"amount": 1}', hash = '${hash}' where entity_id = 'r';
        alter table audit_event enable trigger user;`)
        .execute(t2.db.owner);
      const r = await verifyAudit(t2.db.owner, t2.config);
      expect(r.problems[0]).toMatchObject({ chainKey: "thing:r", seq: 1, kind: "rewritten" });
    } finally {
      await t2.close();
    }
  });

  it("detects an altered anchor file", async () => {
    const t3 = await testApp();
    try {
      const u = await t3.unit("500156", "x");
      await withScope(t3.db.app, { regions: ["500156"], unitId: undefined, userId: 1 }, (trx) =>
        recordAudit(
          trx,
          { actor: { userId: 1, unitId: u, displayName: "甲" }, ip: null, now: t3.clock.now() },
          {
            regionCode: "500156",
            action: "thing.create",
            entityType: "thing",
            entityId: "q",
          },
        ),
      );
      await anchorAllRegions(t3.db.owner, t3.config, t3.clock.now());
      const path = anchorFilePath(t3.config, "500156", 1);
      const file = JSON.parse(await fs.readFile(path, "utf8"));
      file.payload.heads[0].hash = "0".repeat(64);
      await fs.writeFile(path, JSON.stringify(file));
      const r = await verifyAudit(t3.db.owner, t3.config);
      expect(r.problems.map((p) => p.kind)).toContain("anchor_forged");
    } finally {
      await t3.close();
    }
  });
});
