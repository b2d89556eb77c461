/**
 * Services (issue 9's ~1,000,000 licensing applications a province year): each district's
 * service catalogue (the demo's items, implemented by the district's generated
 * administrative-approval bureau) through the register import, then a year of delivered
 * applications for the catalogue's items in the centre through the case import, a file
 * a month, as the units' systems would export them — days used drawn per matter and laid
 * on the legal calendar, so on-time and within-promise come out of the records.
 */

import { demoUsccs } from "../../server/src/kernel/codes/uscc.ts";
import {
  bundledNotices,
  LegalCalendar,
  type LocalDate,
} from "../../server/src/kernel/time/index.ts";
import { APPLICATION } from "../../server/src/modules/services/common.ts";
import { catalogueItems } from "../../server/src/modules/services/demo/catalogue.ts";
import { itemRegister } from "../../server/src/modules/services/registers.ts";
import {
  csv,
  type District,
  importCaseFile,
  importRegisterFile,
  type Outcome,
  personName,
  registerCsv,
  unitActor,
} from "./common.ts";

const cal = new LegalCalendar(bundledNotices());
const YEAR = 2020;
const IMPORTED_ON = "2021-01-29";

const KEYS = [
  "_state",
  "_opened",
  "step.accept",
  "step.review",
  "step.decide",
  "step.deliver",
  "itemCode",
  "applicant.kind",
  "applicant.name",
  "applicant.uscc",
  "channel",
  "itemName",
  "legalDays",
  "promisedDays",
  "acceptedFrom",
  "deemedAccepted",
  "reviewOpinion",
  "outcome",
  "reasons",
  "workingDaysUsed",
  "extensionDays",
  "onTime",
  "withinPromise",
] as const;

function workingDays(): LocalDate[] {
  const out: LocalDate[] = [];
  const d = new Date(`${YEAR}-01-02T00:00:00Z`);
  for (; d.toISOString() < `${YEAR}-12-11`; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10) as LocalDate;
    if (cal.isWorkingDay(day)) out.push(day);
  }
  return out;
}

export async function generateServices(d: District, out: Outcome): Promise<void> {
  const rng = d.rng("services");
  const { actor, unitCode } = await unitActor(
    d,
    "xzspj",
    "生成数据行政审批服务局",
    "Generated administrative approval bureau",
  );
  const unitName = `生成数据行政审批服务局（${d.region}）`;
  const items = catalogueItems(rng)
    .filter((it) => it.venue === "centre")
    .slice(0, d.counts.catalogue)
    .map((it) => ({ ...it, unitCode, unitName }));
  await importRegisterFile(
    d,
    actor,
    itemRegister,
    registerCsv(itemRegister, items),
    items.length,
    "2020-03-20",
    out,
  );

  const usable = items.filter((it) => it.kind === "licensing");
  const usccs = demoUsccs(rng.int(1, 2 ** 30), 400, { kinds: ["91", "92"], regions: [d.region] });
  const days = workingDays();
  const count = d.counts.applications;
  const byMonth = new Map<string, Record<string, unknown>[]>();
  for (let k = 0; k < count; k++) {
    const it = rng.pick(usable);
    const opened = days[Math.floor((k * days.length) / count)]!;
    const promised = it.promisedDays || 0;
    const r = rng.next();
    const used =
      promised === 0
        ? 0
        : r < 0.9
          ? rng.int(Math.max(0, promised - 3), promised)
          : r < 0.99
            ? rng.int(promised, it.legalDays)
            : it.legalDays + rng.int(1, 3);
    const decided = used === 0 ? opened : cal.nthWorkingDayAfter(opened, used);
    const delivered = rng.int(0, 2) === 0 ? decided : cal.nthWorkingDayAfter(decided, 1);
    const refused = rng.chance(0.03);
    const org = rng.chance(0.7);
    const month = opened.slice(0, 7);
    const rows = byMonth.get(month) ?? [];
    byMonth.set(month, rows);
    rows.push({
      _state: "delivered",
      _opened: opened,
      "step.accept": opened,
      "step.review": decided,
      "step.decide": decided,
      "step.deliver": delivered,
      itemCode: it.code,
      "applicant.kind": org ? "legal_person" : "natural_person",
      "applicant.name": org
        ? `${d.region}${rng.pick(["商贸", "餐饮", "建材", "运输", "旅游"])}有限公司${k % 4000}`
        : personName(rng),
      "applicant.uscc": org ? rng.pick(usccs) : "",
      channel: rng.chance(0.45) ? "online" : rng.chance(0.05) ? "mail" : "window",
      itemName: it.name,
      legalDays: it.legalDays,
      promisedDays: it.promisedDays,
      acceptedFrom: opened,
      deemedAccepted: false,
      reviewOpinion: refused ? "不符合法定条件" : "符合法定条件、标准",
      outcome: refused ? "refused" : "granted",
      reasons: refused ? "申请材料反映的条件不符合法定条件、标准" : "",
      workingDaysUsed: used,
      extensionDays: 0,
      onTime: used <= it.legalDays,
      withinPromise: used <= (it.promisedDays || it.legalDays),
    });
  }
  for (const [month, rows] of byMonth) {
    await importCaseFile(
      d,
      actor,
      APPLICATION,
      `${d.region}-政务服务办件-${month}.csv`,
      csv(KEYS, rows),
      rows.length,
      IMPORTED_ON,
      out,
    );
  }
}
