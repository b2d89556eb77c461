/**
 * Enforcement (issue 9's ~200,000 cases a province year) and the officers register: the
 * generator's first two modules, unchanged since they were measured (bench/scale.ts asks
 * for exactly these). Closed on-the-spot penalty cases with their timelines, numbers and
 * audit trail through the case import, a file per 5,000 a year from 2016; 200 officers
 * through the register import. Both draw from the district's one stream in the order
 * they always did (identity cards, credit codes, officers, then cases), so the data is
 * byte-for-byte what earlier runs generated.
 */
import { demoRandom } from "../../server/src/engines/demo/random.ts";
import { demoIdCards } from "../../server/src/kernel/codes/id-card.ts";
import { demoUsccs } from "../../server/src/kernel/codes/uscc.ts";
import { PROFILES } from "../../server/src/modules/enforcement/cases/demo/profiles.ts";
import { SIMPLIFIED_TYPE } from "../../server/src/modules/enforcement/cases/simplified.ts";
import { officerRegister } from "../../server/test/fixtures/examples/officer.ts";
import {
  addDays,
  csv,
  type District,
  importCaseFile,
  importRegisterFile,
  type Outcome,
  unitActor,
} from "./common.ts";

const CHUNK = 5_000; // rows per imported file
const profile = PROFILES.find((p) => p.onSpot.length > 0)!;

const HEADER = [
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
];

/** The district's stream, drawn up to the cases (what the officers take first). */
function stream(d: District, officers: number) {
  const rng = demoRandom(`bench-${d.seed}`, d.region);
  const idCards = demoIdCards(rng.int(1, 2 ** 30), 2000, {
    regions: [d.region],
    fromYear: 1950,
    toYear: 1998,
  });
  const usccs = demoUsccs(rng.int(1, 2 ** 30), 500, { kinds: ["91", "92"], regions: [d.region] });
  const officerRows = Array.from({ length: officers }, (_, i) => [
    `执法员${d.region}-${i}`,
    `G${d.region}${String(i).padStart(5, "0")}`,
    idCards[i]!,
    "2020-01-01",
    addDays("2022-01-01", rng.int(0, 1000)),
  ]);
  return { rng, idCards, usccs, officerRows };
}

const leader = (d: District) =>
  unitActor(
    d,
    profile.unit,
    "生成数据市场监管局",
    "Generated market regulation",
    `gen-${d.region}-leader`,
  );

export async function generateRegisters(d: District, out: Outcome): Promise<void> {
  const { actor } = await leader(d);
  const { officerRows } = stream(d, d.counts.officers);
  const rows = officerRows.map(([name, no, id, from, to]) => ({
    姓名: name,
    执法证号: no,
    身份证号: id,
    有效期起: from,
    有效期止: to,
  }));
  const file = csv(["姓名", "执法证号", "身份证号", "有效期起", "有效期止"], rows);
  await importRegisterFile(d, actor, officerRegister, file, rows.length, "2020-01-02", out);
}

export async function generateEnforcement(d: District, out: Outcome): Promise<void> {
  const { actor } = await leader(d);
  const { rng, idCards, usccs } = stream(d, d.counts.officers);
  const region = d.region;
  const perDistrict = d.counts.enforcement;
  for (let from = 0; from < perDistrict; from += CHUNK) {
    const n = Math.min(CHUNK, perDistrict - from);
    const year = 2016 + Math.floor(from / CHUNK);
    const dates = Array.from({ length: n }, () => addDays(`${year}-01-04`, rng.int(0, 340))).sort();
    const rows = dates.map((on, i) => {
      const s = rng.pick(profile.onSpot);
      const org = rng.chance(s.org);
      const warning = rng.chance(s.warning);
      const fine = warning ? 0 : org ? rng.pick([200, 500, 1000]) : rng.pick([20, 30, 50]);
      const filed = addDays(on, rng.int(1, 3));
      return [
        "closed",
        on,
        on,
        filed,
        addDays(filed, rng.int(1, 10)),
        `生成${region}简罚〔${year}〕${i + 1}号`,
        org ? "legal_person" : "natural_person",
        org ? `生成${region}商贸有限公司${i % 97}` : `当事人${i % 997}`,
        org ? "" : idCards[rng.int(0, idCards.length - 1)]!,
        org ? usccs[rng.int(0, usccs.length - 1)]! : "",
        `地址${rng.int(1, 299)}号`,
        profile.category,
        `路口${rng.int(1, 99)}`,
        `当事人${s.cause}，执法人员当场查实`,
        s.legalBasis,
        warning ? "warning" : "fine",
        String(fine),
        fine > 0 && fine <= 20 && rng.chance(0.5) ? "是" : "否",
        fine > 0 ? "是" : "否",
      ];
    });
    const file = csv(
      HEADER,
      rows.map((r) => Object.fromEntries(HEADER.map((h, k) => [h, r[k]]))),
    );
    await importCaseFile(
      d,
      actor,
      SIMPLIFIED_TYPE,
      `${region}-${year}.csv`,
      file,
      n,
      "2019-01-04",
      out,
    );
  }
}
