/**
 * The report templates checked at start (createRegistry): codes, figure rules, every
 * figure's indicator declared (or marked pending with the issue that builds it), every
 * placeholder of the default draft a figure or an indicator.
 */
import type { ReportTemplateDecl } from "./declare.ts";
import { ruleProblem } from "./figures.ts";
import { placeholderKeys } from "./placeholders.ts";

export function checkReports(
  reports: readonly ReportTemplateDecl[],
  isIndicator: (id: string) => boolean,
): void {
  for (const r of reports) {
    const where = `report template "${r.code}"`;
    if (!/^[a-z][a-z0-9_]*$/.test(r.code)) throw new Error(`${where}: a code is lower-case ASCII`);
    for (const [key, f] of Object.entries(r.figures)) {
      if (!/^[a-z][a-z0-9_]*$/.test(key))
        throw new Error(`${where}: figure key "${key}" is not a lower-case code`);
      if (key === "year" || key === "prev_year")
        throw new Error(`${where}: figure key "${key}" is reserved`);
      const problem = f.rule && ruleProblem(f.rule);
      if (problem) throw new Error(`${where}: figure "${key}": ${problem}`);
      if (!isIndicator(f.indicator) && !f.pending)
        throw new Error(
          `${where}: figure "${key}" shows indicator "${f.indicator}", which no module declares (mark it pending with its issue if it is being built)`,
        );
    }
    const draft = r.draft({ regionName: "某区", year: 2020 });
    for (const b of draft.blocks) {
      for (const key of placeholderKeys(b.text)) {
        if (!r.figures[key] && !isIndicator(key))
          throw new Error(
            `${where}: the default draft names "{{${key}}}", which is neither a figure nor an indicator`,
          );
      }
    }
  }
}
