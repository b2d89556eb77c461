import { InvalidStateError, NotFoundError, t } from "../../kernel/errors.ts";
import { renderOfficialDocument } from "../../platform/documents/official.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseDeps } from "./deps.ts";
import { peopleFor } from "./protect.ts";
import { caseTypeOf } from "./service.ts";
import { loadCase } from "./store.ts";
import { requirePermission } from "./validate.ts";

/** Generate one of a case's declared official documents as .docx (GB/T 9704-2012 layout). */
export async function caseDocument(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  code: string,
) {
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.read", t("生成文书", "generating a document"));
  const d = decl.documents?.find((x) => x.code === code);
  if (!d)
    throw new NotFoundError(
      t(`${decl.label.zh}没有文书 ${code}`, `a ${decl.label.en} has no document ${code}`),
    );
  const c = await loadCase(w.trx, id, { caseType: decl.code });
  if (!d.states.includes(c.state)) {
    throw new InvalidStateError(
      t(
        `${d.label.zh}仅在以下状态可生成：${d.states.map((s) => decl.states[s]?.label.zh ?? s).join("、")}`,
        `the ${d.label.en.toLowerCase()} exists only in state ${d.states.join(" or ")}`,
      ),
    );
  }
  const unit = await w.trx
    .selectFrom("unit")
    .select("name_zh")
    .where("id", "=", c.unitId)
    .executeTakeFirstOrThrow();
  const region = await w.trx
    .selectFrom("region")
    .select("name_zh")
    .where("code", "=", c.regionCode)
    .executeTakeFirstOrThrow();
  const doc = d.build(
    { ...c, fields: peopleFor(decl, c, w.actor, deps.fieldKey) },
    { unitName: unit.name_zh, regionName: region.name_zh, today: w.today },
  );
  const bytes = await renderOfficialDocument(doc);
  await w.audit({
    regionCode: c.regionCode,
    action: `case.${decl.code}.document`,
    entityType: "case",
    entityId: c.id,
    after: { document: code, number: doc.number ?? null },
  });
  return { name: `${d.label.zh}${doc.number ? `（${doc.number}）` : ""}.docx`, bytes };
}
