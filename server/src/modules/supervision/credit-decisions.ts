/**
 * 双公示: penalty decisions become credit records when their publication is published,
 * and are marked withdrawn when the decision is altered (变更、撤销、确认违法或无效) or the
 * publication withdrawn or taken down — reactions to the enforcement module's steps,
 * when that module is present (ModuleDecl.reactions). Only subjects with a unified social
 * credit code (organisations, individual businesses) get a record; natural persons'
 * decisions stay in the enforcement module's publication only (个人信息保护法 第六条:
 * no more than the purpose needs). Licensing decisions follow when a licensing module
 * declares its concluded applications.
 */
import { sql } from "kysely";
import type { StepReactionDecl } from "../../engines/case/index.ts";
import { createEntry, updateEntry } from "../../engines/register/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import { type CreditData, creditRegister } from "./registers.ts";

const DISCLOSURE = "penalty_disclosure";
const PENALTY = "penalty_general";

interface Disclosure {
  decisionNumber: string;
  decidedOn: string;
  bodyName: string;
  penalty: string;
  party: { kind: string; name: string; uscc?: string };
}

async function markWithdrawn(w: WorkTx, regionCode: string, decisionNo: string | undefined) {
  if (!decisionNo) return;
  const rows = await w.trx
    .selectFrom("register_entry")
    .select(["id", "version", "data"])
    .where("region_code", "=", regionCode)
    .where("register", "=", creditRegister.code)
    .where(sql<string>`data ->> 'kind'`, "=", "penalty")
    .where(sql<string>`data ->> 'decisionNo'`, "=", decisionNo)
    .execute();
  for (const r of rows) {
    const data = r.data as CreditData;
    if (data.withdrawn) continue;
    await updateEntry(w, creditRegister, Number(r.id), {
      version: Number(r.version),
      data: { ...data, withdrawn: true },
      reason: `行政处罚决定${decisionNo}已变更、撤销或撤回公示，信用记录随之撤回`,
    });
  }
}

export const creditReactions: StepReactionDecl[] = [
  {
    caseType: DISCLOSURE,
    actions: ["publish"],
    effect: async ({ w, case: c }) => {
      const f = c.fields as unknown as Disclosure;
      if (!f.party?.uscc) return;
      await createEntry(w, creditRegister, {
        data: {
          uscc: f.party.uscc,
          subjectName: f.party.name,
          kind: "penalty",
          decisionNo: f.decisionNumber,
          decisionDate: f.decidedOn,
          authority: f.bodyName,
          content: f.penalty,
          severity: "general",
          source: "decision",
        },
      });
    },
  },
  {
    caseType: DISCLOSURE,
    actions: ["withdraw", "take_down"],
    effect: async ({ w, case: c }) =>
      markWithdrawn(w, c.regionCode, (c.fields as unknown as Disclosure).decisionNumber),
  },
  {
    caseType: PENALTY,
    actions: ["alter_decision"],
    effect: async ({ w, case: c }) => markWithdrawn(w, c.regionCode, c.numbers.decision),
  },
];
