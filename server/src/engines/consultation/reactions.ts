import { sql } from "kysely";
import type { AnyCaseType, StepReactionDecl } from "../case/declare.ts";

/**
 * The engine's own reactions to a case type's declared consultation steps (registry.ts
 * adds them before the modules' reactions): `opensOn` opens (or, taken again, re-opens
 * with the new period) the case's one consultation; `closesOn` closes it. Both run in the
 * step's transaction, so a refused step opens nothing.
 */
export function consultationReactions(ct: AnyCaseType): StepReactionDecl[] {
  const k = ct.consultation;
  if (!k) return [];
  for (const a of [k.opensOn, k.closesOn]) {
    if (!ct.transitions.some((t) => t.action === a))
      throw new Error(
        `case type "${ct.code}": consultation names action "${a}", which it does not declare`,
      );
  }
  const opener = ct.transitions.find((t) => t.action === k.opensOn)!;
  const shape = opener.input?.shape ?? {};
  for (const f of [k.fromField, k.toField, k.shortPeriodReasonField].filter(Boolean) as string[]) {
    if (!(f in shape))
      throw new Error(
        `case type "${ct.code}": consultation field "${f}" is not in ${k.opensOn}'s input`,
      );
  }
  return [
    {
      caseType: ct.code,
      actions: [k.opensOn],
      async effect({ w, case: c, input }) {
        const draft = k.draftField ? String(c.fields[k.draftField] ?? "") : "";
        await sql`insert into consultation (region_code, case_type, case_id, unit_id, title, draft,
              opens_on, closes_on, created_at)
            values (${c.regionCode}, ${c.caseType}, ${c.id}, ${c.unitId}, ${c.title}, ${draft},
              ${input[k.fromField] as string}::date, ${input[k.toField] as string}::date, ${w.now})
            on conflict (region_code, case_id) do update
              set opens_on = excluded.opens_on, closes_on = excluded.closes_on,
                  closed_on = null, title = excluded.title, draft = excluded.draft`.execute(w.trx);
      },
    },
    {
      caseType: ct.code,
      actions: [k.closesOn],
      async effect({ w, case: c, onDate }) {
        await sql`update consultation set closed_on = ${onDate}::date
             where region_code = ${c.regionCode} and case_id = ${c.id}`.execute(w.trx);
      },
    },
  ];
}
