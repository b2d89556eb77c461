/**
 * The warning list as the office sends it round: one row per clock due soon or overdue,
 * with the responsible unit and handler by name, the due date, the days overdue and the
 * legal basis in Chinese form (kernel/citation.ts).
 */
import { citeZh } from "../../kernel/citation.ts";
import { tableXlsx } from "../../platform/files/table-xlsx.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { Warning } from "./warnings.ts";

const LEVEL: Record<string, string> = { due_soon: "即将到期", overdue: "已超期" };

export async function warningsXlsx(w: WorkTx, list: Warning[]): Promise<Buffer> {
  const ids = [...new Set(list.map((x) => x.unitId))];
  const units = ids.length
    ? await w.trx.selectFrom("unit").select(["id", "name_zh"]).where("id", "in", ids).execute()
    : [];
  const unitName = new Map(units.map((u) => [Number(u.id), u.name_zh]));
  return tableXlsx(
    "期限预警",
    [
      { header: "预警级别", width: 10, value: (x) => LEVEL[x.warning] ?? "" },
      { header: "案件", width: 40, value: (x) => x.title },
      { header: "案件类型", width: 20, value: (x) => x.caseTypeLabel.zh },
      { header: "期限", width: 20, value: (x) => x.label.zh },
      { header: "届满日", width: 12, value: (x) => x.due ?? "" },
      { header: "超期天数", width: 10, value: (x) => x.daysOverdue },
      { header: "承办单位", width: 28, value: (x) => unitName.get(x.unitId) ?? "" },
      { header: "承办人", width: 12, value: (x) => x.handlerName ?? "" },
      { header: "法律依据", width: 50, value: (x) => citeZh(x.legalBasis) },
    ],
    list,
  );
}
