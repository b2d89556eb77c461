/**
 * Supervision (issue 9's ~2,000,000 credit records a province year): the district's
 * public credit records — licensing decisions mostly, penalties, other credit information
 * — for its market subjects, through the register engine's batch import in files of
 * 50,000 at most (all rows or none each), as the credit platform's collection brings them.
 */
import { makeUscc } from "../../server/src/kernel/codes/uscc.ts";
import {
  CREDIT_KIND_LABELS,
  creditRegister,
} from "../../server/src/modules/supervision/registers.ts";
import {
  addDays,
  type District,
  importRegisterFile,
  type Outcome,
  registerCsv,
  unitActor,
} from "./common.ts";

const FILE = 50_000;

export async function generateSupervision(d: District, out: Outcome): Promise<void> {
  const rng = d.rng("supervision");
  const count = d.counts.credit;
  const { actor } = await unitActor(
    d,
    "fgw",
    "生成数据发展改革委",
    "Generated development and reform commission",
  );
  for (let from = 0; from < count; from += FILE) {
    const n = Math.min(FILE, count - from);
    const rows: Record<string, unknown>[] = [];
    for (let k = 0; k < n; k++) {
      const kind = rng.chance(0.72) ? "licensing" : rng.chance(0.9) ? "penalty" : "other";
      const subject = rng.int(0, 29_999);
      const no = from + k + 1;
      rows.push({
        uscc: makeUscc(subject % 5 === 0 ? "92" : "91", d.region, 20_000 + subject * 37),
        subjectName: `${d.region}市场主体${subject + 1}`,
        kind: CREDIT_KIND_LABELS[kind].zh,
        decisionNo: `${kind === "licensing" ? "生许" : kind === "penalty" ? "生罚" : "生信"}〔2020〕${no}号`,
        decisionDate: addDays("2020-01-01", rng.int(0, 364)),
        authority: kind === "penalty" ? `${d.region}市场监督管理局` : `${d.region}行政服务中心`,
        content:
          kind === "licensing"
            ? "准予行政许可"
            : kind === "penalty"
              ? "警告、罚款"
              : "其他信用信息",
        severity: "一般失信",
        source: "归集导入",
        withdrawn: "否",
        repairedOn: "",
      });
    }
    await importRegisterFile(
      d,
      actor,
      creditRegister,
      registerCsv(creditRegister, rows),
      n,
      "2020-12-31",
      out,
      from,
    );
  }
}
