/**
 * 双公示 of licensing decisions (issue 15): a licence granted becomes a credit record —
 * a reaction to the services module's `service_application` step `decide` with input
 * `outcome: "granted"` (a reaction to a case type no loaded module declares is skipped, so
 * supervision runs without services). As with penalties (credit-decisions.ts), only
 * subjects with a unified social credit code get a record (个人信息保护法 第六条); a
 * refusal is not a licensing credit record. Basis: 国办发〔2016〕33号 (行政许可和行政处罚
 * 等信用信息公示, within 7 working days of the decision); 《优化营商环境条例》第五十三条.
 *
 * The application's fields are the services module's: the applicant is read where a
 * case of that kind keeps it (`applicant` or `party`: `{ name, uscc }`), the licensed item
 * from `itemName` / `matter` or the case's title, the decision's number from the case's
 * numbers (the case's own number when it has none), the authority from the owning unit.
 */
import type { CaseView, StepReactionDecl } from "../../engines/case/index.ts";
import { createEntry } from "../../engines/register/index.ts";
import { validateUscc } from "../../kernel/codes/uscc.ts";
import type { WorkTx } from "../../platform/work.ts";
import { creditRegister } from "./registers.ts";

export const LICENSING_CASE = "service_application";

interface Subject {
  name: string;
  uscc: string;
}

/** The applicant with a valid USCC, wherever the application keeps it; else undefined. */
export function licensedSubject(fields: Record<string, unknown>): Subject | undefined {
  for (const key of ["applicant", "party", "subject"]) {
    const p = fields[key] as { name?: unknown; uscc?: unknown } | undefined;
    if (p && typeof p === "object" && typeof p.uscc === "string" && typeof p.name === "string") {
      const uscc = p.uscc.trim().toUpperCase();
      if (validateUscc(uscc).ok) return { name: p.name, uscc };
    }
  }
  const uscc = typeof fields.uscc === "string" ? fields.uscc.trim().toUpperCase() : "";
  const name = fields.applicantName ?? fields.subjectName;
  if (uscc && typeof name === "string" && validateUscc(uscc).ok) return { name, uscc };
  return undefined;
}

async function authorityOf(w: WorkTx, c: CaseView): Promise<string> {
  const u = await w.trx
    .selectFrom("unit")
    .select("name_zh")
    .where("id", "=", c.unitId)
    .executeTakeFirst();
  return u?.name_zh ?? "";
}

export const licensingReactions: StepReactionDecl[] = [
  {
    caseType: LICENSING_CASE,
    actions: ["decide"],
    effect: async ({ w, case: c, input, onDate }) => {
      if (input.outcome !== "granted") return;
      const f = c.fields as Record<string, unknown>;
      const subject = licensedSubject(f);
      if (!subject) return;
      const item = [f.itemName, f.matter, f.item].find((x) => typeof x === "string") as
        | string
        | undefined;
      const number = Object.values(c.numbers ?? {}).find((x) => typeof x === "string");
      await createEntry(w, creditRegister, {
        data: {
          uscc: subject.uscc,
          subjectName: subject.name,
          kind: "licensing",
          decisionNo: number ?? `${c.title}（${c.id}）`,
          decisionDate: onDate,
          authority: await authorityOf(w, c),
          content: `准予行政许可：${item ?? c.title}`,
          severity: "general",
          source: "decision",
        },
      });
    },
  },
];
