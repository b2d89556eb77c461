import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createRegistry } from "../../../src/engines/registry.ts";
import { addDays, type LocalDate } from "../../../src/kernel/time/index.ts";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { supervisionModule } from "../../../src/modules/supervision/index.ts";
import { fineNotice, noticeWith, P, waive } from "../enforcement/penalty-decision-support.ts";
import {
  company,
  detail,
  handler,
  leader,
  ok,
  step,
  t,
  useEnforcementApp,
} from "../enforcement/support.ts";

/**
 * 双公示 (issue 15): a penalty decision becomes a credit record when its publication is
 * published, and the record is withdrawn with the publication — the credit module's
 * reactions to the enforcement module's steps (ModuleDecl.reactions, a case engine
 * extension); without the enforcement module the reactions are skipped.
 */
useEnforcementApp([supervisionModule]);

async function creditRecords(decisionNo: string) {
  return t.db.owner
    .selectFrom("register_entry")
    .select(["id", "data"])
    .where("register", "=", "credit_record")
    .where(sql<string>`data ->> 'decisionNo'`, "=", decisionNo)
    .execute();
}

describe("penalty decisions as credit records", () => {
  it("published: a record of the decision; withdrawn: the record withdrawn, kept", async () => {
    const n = await noticeWith("2021-09-20", company, fineNotice(8000), {
      flags: { violationOn: "2021-08-20", discoveredOn: "2021-09-01" },
    });
    await ok(n.res);
    await ok(await waive(n.id, n.noticeOn));
    const dec = await ok(
      await step(
        leader,
        P,
        n.id,
        "decide",
        {
          decisionKind: "penalty",
          penalties: ["fine"],
          fineAmount: 8000,
          decisionContent: "罚款八千元",
        },
        n.noticeOn,
      ),
    );
    const decisionNo = dec.numbers.decision as string;
    const discId = (await detail(handler, P, n.id)).links.find(
      (l: { kind: string }) => l.kind === "follows",
    )?.caseId as number;
    expect(await creditRecords(decisionNo)).toEqual([]);
    const on = addDays(n.noticeOn as LocalDate, 1);
    await ok(
      await step(leader, "penalty_disclosure", discId, "publish", { channel: "credit_system" }, on),
    );
    const [rec] = await creditRecords(decisionNo);
    expect(rec?.data).toMatchObject({
      uscc: company.uscc,
      kind: "penalty",
      source: "decision",
      withdrawn: false,
    });
    await ok(
      await step(
        leader,
        "penalty_disclosure",
        discId,
        "withdraw",
        { withdrawalGround: "revoked", withdrawalReason: "行政复议决定撤销" },
        addDays(on, 5),
        "行政复议决定撤销该处罚决定",
      ),
    );
    const after = await creditRecords(decisionNo);
    expect(after).toHaveLength(1);
    expect(after[0]?.data).toMatchObject({ withdrawn: true });
  });

  it("reactions to a module that is not loaded are skipped; a wrong action fails at start", () => {
    expect(() => createRegistry([directoryModule, supervisionModule])).not.toThrow();
    expect(() =>
      createRegistry([
        directoryModule,
        {
          ...supervisionModule,
          reactions: [
            { caseType: "spot_check", actions: ["no_such_step"], effect: async () => {} },
          ],
        },
      ]),
    ).toThrow(/names action "no_such_step"/);
  });
});
