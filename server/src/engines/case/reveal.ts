import { z } from "zod";
import { t } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseDeps } from "./deps.ts";
import { openPeople, seesPeopleInFull } from "./protect.ts";
import { caseTypeOf } from "./service.ts";
import { loadCase } from "./store.ts";
import { parseWith, requirePermission } from "./validate.ts";

const RevealBody = z.object({
  reason: z
    .string()
    .trim()
    .min(2, zt("请说明查看的理由", "say why you need the full numbers"))
    .max(500),
});

/**
 * A case's people with their ID and phone numbers in full, for a reader outside the
 * owning unit whose role supervises (region.oversee: the rule-of-law office) and who
 * records why. The reading is in the audit trail with its reason.
 * [P] 个人信息保护法 art. 28 para. 2 (sensitive information only for a specific purpose,
 * when sufficiently necessary); GB/T 22239-2019 8.1.4.3 (audit of important events).
 */
export async function revealPeople(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
): Promise<{ caseId: number; people: Record<string, unknown> }> {
  const decl = caseTypeOf(deps, caseType);
  const c = await loadCase(w.trx, id, { caseType: decl.code });
  if (!seesPeopleInFull(w.actor, c)) {
    requirePermission(
      w,
      "region.oversee",
      t("查看完整的身份证号和电话", "reading full ID and phone numbers"),
    );
  }
  const { reason } = parseWith(RevealBody, body, "");
  const plain = openPeople(decl, c.fields, deps.fieldKey);
  const people: Record<string, unknown> = {};
  for (const p of decl.people ?? []) {
    if (plain[p.field] !== undefined) people[p.field] = plain[p.field];
  }
  await w.audit({
    regionCode: c.regionCode,
    action: `case.${decl.code}.reveal`,
    entityType: "case",
    entityId: c.id,
    after: { fields: Object.keys(people) },
    reason,
    reasonRequired: true,
  });
  return { caseId: c.id, people };
}
