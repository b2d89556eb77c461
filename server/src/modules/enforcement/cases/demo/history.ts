/**
 * The enforcement bodies' history before the demo years: on-the-spot penalties of
 * 2016–2018 as the systems the district used before would export them, brought in
 * through the case engine's import (engines/case/import) — one CSV per body and year,
 * imported by the body's leader, all rows or none, audited per case. It gives the demo
 * volume without a step-by-step load, and leaves the 2019–2020 figures as they are:
 * every case is closed, dated before 2019, numbered in its own years' sequences.
 */
import type { DemoContribution } from "../../../../engines/demo/index.ts";
import { demoIdCards } from "../../../../kernel/codes/id-card.ts";
import { demoUsccs } from "../../../../kernel/codes/uscc.ts";
import { inventName } from "../../../directory/accounts.ts";
import { demoUsername } from "../../../directory/index.ts";
import { SIMPLIFIED_TYPE } from "../simplified.ts";
import { ENFORCEMENT_CASES_DEMO_ID } from "./index.ts";
import { PROFILES, ROADS, TOWNS } from "./profiles.ts";
import { readRegisters } from "./registers.ts";

export const ENFORCEMENT_HISTORY_DEMO_ID = "enforcement.history";

const YEARS = [2016, 2017, 2018] as const;
const MIGRATED_ON = "2019-01-04";
/** Cases per body and year, before the demo's scale factor. */
const PER_YEAR = 160;

const SHORT: Record<string, string> = {
  scjgj: "武隆市监",
  sthjj: "武隆环",
  jtj: "武隆交",
  cgj: "武隆城管",
  yjj: "武隆应急",
  lyj: "武隆林",
  ghzrzyj: "武隆规资",
};

const KEYS = [
  "_state",
  "_opened",
  "step.decide_on_spot",
  "step.file_with_body",
  "step.close",
  "number.decision",
  "party.kind",
  "party.name",
  "party.idNumber",
  "party.uscc",
  "party.address",
  "category",
  "place",
  "facts",
  "legalBasis",
  "penaltyKind",
  "fineAmount",
  "collectedOnSpot",
  "paid",
] as const;

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function addDays(d: string, n: number): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
}

export const historyDemo: DemoContribution = {
  id: ENFORCEMENT_HISTORY_DEMO_ID,
  dependsOn: [ENFORCEMENT_CASES_DEMO_ID],
  description: "on-the-spot penalties of 2016–2018, imported as CSV through the case import",
  async load(ctx) {
    const { rng } = ctx;
    // Private parties never share a name with an official shown in public (as plan.ts).
    const officers = (await readRegisters(ctx)).officers.map((o) => o.name);
    const names = new Set([...officers, ...(await ctx.users()).map((u) => u.displayName)]);
    const partyName = (): string => {
      for (;;) {
        const n = inventName(rng, names);
        if (!officers.some((o) => o.includes(n) || n.includes(o))) return n;
      }
    };
    const idCards = demoIdCards(rng.int(1, 2 ** 30), 500, {
      regions: ["500156"],
      fromYear: 1950,
      toYear: 1998,
    });
    const usccs = demoUsccs(rng.int(1, 2 ** 30), 300, { kinds: ["91", "92"], regions: ["500156"] });
    let total = 0;
    let files = 0;
    const started = Date.now();
    for (const p of PROFILES) {
      if (p.onSpot.length === 0) continue; // a body without on-the-spot penalties
      const prefix = `${SHORT[p.unit] ?? `武隆${p.unit}`}简罚`;
      for (const year of YEARS) {
        const lines = [KEYS.join(",")];
        const dates = Array.from({ length: PER_YEAR }, () =>
          addDays(`${year}-01-04`, rng.int(0, 340)),
        ).sort();
        dates.forEach((on, i) => {
          const s = rng.pick(p.onSpot);
          const org = rng.chance(s.org);
          const warning = rng.chance(s.warning);
          const fine = warning ? 0 : org ? rng.pick([200, 500, 1000]) : rng.pick([20, 30, 50]);
          const onSpot = fine > 0 && fine <= 20 && rng.chance(0.5);
          const filed = addDays(on, rng.int(1, 3));
          const closed = addDays(filed, rng.int(1, 10));
          const row: Record<(typeof KEYS)[number], string> = {
            _state: "closed",
            _opened: on,
            "step.decide_on_spot": on,
            "step.file_with_body": filed,
            "step.close": closed,
            "number.decision": `${prefix}〔${year}〕${i + 1}号`,
            "party.kind": org ? "legal_person" : "natural_person",
            "party.name": org
              ? `重庆市武隆区${rng.pick(TOWNS)}${["商贸", "建材", "餐饮", "运输"][i % 4]}有限公司`
              : partyName(),
            "party.idNumber": org ? "" : idCards[rng.int(0, idCards.length - 1)]!,
            "party.uscc": org ? usccs[rng.int(0, usccs.length - 1)]! : "",
            "party.address": `重庆市武隆区${rng.pick(TOWNS)}${rng.pick(ROADS)}${rng.int(1, 299)}号`,
            category: p.category,
            place: `武隆区${rng.pick(TOWNS)}${rng.pick(ROADS)}`,
            facts: `当事人${s.cause}，执法人员当场查实`,
            legalBasis: s.legalBasis,
            penaltyKind: warning ? "warning" : "fine",
            fineAmount: String(fine),
            collectedOnSpot: onSpot ? "是" : "否",
            paid: fine > 0 ? "是" : "否",
          };
          lines.push(KEYS.map((k) => csvCell(row[k])).join(","));
        });
        const file = Buffer.from(`${lines.join("\n")}\n`, "utf8");
        const leader = demoUsername(p.unit, "unit_leader");
        // Brought over when the platform started, before the demo's first year.
        const summary = await ctx.as(leader, MIGRATED_ON, (w) =>
          ctx.cases.importHistory(w, SIMPLIFIED_TYPE, file, {
            fileName: `${p.unit}-${year}-当场处罚.csv`,
          }),
        );
        total += summary.rows;
        files++;
      }
    }
    ctx.note(
      `${total} on-the-spot penalties of ${YEARS[0]}–${YEARS.at(-1)} imported from ${files} CSV files in ${Date.now() - started} ms`,
    );
  },
};
