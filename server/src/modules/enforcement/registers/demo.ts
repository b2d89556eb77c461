/**
 * The enforcement registers' demo: Wulong's enforcement bodies, officers, equipment,
 * major-decision catalogues and a few discretion benchmarks — generated record by
 * record from the demo seed, through the register engine (validation, SM4 encryption,
 * unique keys, audit trail) as the demo users of the owning units.
 *
 * The seed report's figures (一(六)) are the generator's targets; the indicators then
 * count the records and give them back: 8 comprehensive teams with 215 posts, 26
 * township (street) offices with 150 posts, 815 officers with a valid certificate at the
 * end of 2020 of whom 182 are legal reviewers, 935 recorders and mobile kits in service,
 * 243 officers who passed certificate training in 2020. Records that must not count are
 * generated too: certificates expired in 2019, retired devices, certificate training in
 * earlier years, failed attempts, refresher courses.
 */
import type { DemoContext, DemoContribution, DemoRandom } from "../../../engines/demo/index.ts";
import { demoIdCards } from "../../../kernel/codes/id-card.ts";
import {
  addDays,
  addMonthsClamped,
  fromEpochDay,
  type LocalDate,
  parseLocalDate,
  toEpochDay,
} from "../../../kernel/time/index.ts";
import { inventName } from "../../directory/accounts.ts";
import { DIRECTORY_DEMO_ID, demoUsername, WULONG, wulongUnits } from "../../directory/index.ts";
import { type BodyData, bodyRegister } from "./bodies.ts";
import {
  type BenchmarkData,
  benchmarkRegister,
  type CatalogueData,
  type Criterion,
  catalogueRegister,
} from "./catalogue.ts";
import {
  AREAS,
  BENCHMARKS,
  DEMO_NOTE,
  DEPARTMENT_BODIES,
  type DemoBody,
  legalBasisOf,
  PUBLIC_PROCEDURES,
  REFORM_TITLES,
  TEAM_BODIES,
} from "./demo-data.ts";
import { type EquipmentData, equipmentRegister } from "./equipment.ts";
import { type OfficerData, officerRegister, type Training } from "./officers.ts";

export const ENFORCEMENT_REGISTERS_DEMO_ID = "enforcement-registers";

/** The seed report's figures (一(六)1–3) the generator aims at, for region 500156 in 2020. */
export const SEED_FIGURES = {
  teams: 8,
  teamPosts: 215,
  townshipOffices: 26,
  townshipPosts: 150,
  officers: 815,
  legalReviewers: 182,
  equipment: 935,
  trainedCertificate: 243,
} as const;

/** Generated alongside, and never counted for 2020. */
const EXPIRED_OFFICERS = 12;
const RETIRED_DEVICES = 14;

/** When the registers were compiled (the entries' audit date). */
const BODIES_DAY = "2020-01-06";
const RECORDED_DAY = "2020-12-28";

// ─────────────────────────────────────────────────────────────────── generator helpers

/**
 * Split `total` over `weights` (at least `min` each): proportional shares rounded down,
 * the rest to the largest remainders (ties in a seeded order). The parts sum to `total`.
 */
export function apportion(
  total: number,
  weights: readonly number[],
  rng: DemoRandom,
  min = 0,
): number[] {
  const n = weights.length;
  const rest = total - min * n;
  if (n === 0 || rest < 0) throw new Error(`cannot split ${total} over ${n} parts of ≥ ${min}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / n));
  const out = exact.map((x) => Math.floor(x) + min);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = rng
    .shuffle([...Array(n).keys()])
    .sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)));
  for (const i of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

function dayBetween(rng: DemoRandom, from: string, to: string): LocalDate {
  return fromEpochDay(rng.int(toEpochDay(parseLocalDate(from)), toEpochDay(parseLocalDate(to))));
}

/** A certificate's last valid day: six years after issue, less a day. */
function certificateEnd(from: LocalDate): LocalDate {
  return addDays(addMonthsClamped(from, 72), -1);
}

/**
 * Officers still in service had their six-year certificate renewed once on expiry; the
 * demo keeps one row per officer (first issue date, end of the renewed term) so that the
 * demo stays usable after 2026 while every 2020 figure is unchanged.
 */
function renewedCertificateEnd(from: LocalDate): LocalDate {
  return addDays(addMonthsClamped(from, 144), -1);
}

const jitter = (rng: DemoRandom, w: number) => w * (0.85 + rng.next() * 0.3);

// ──────────────────────────────────────────────────────────────────────────── plan

interface PlannedBody extends DemoBody {
  unitId: number;
  name: string;
  posts: number;
  officers: number;
  reviewers: number;
  devices: number;
}

interface PlannedOfficer extends OfficerData {
  body: string;
}

const FULL_NAMES = new Map(wulongUnits().map((u) => [u.code, u.full]));

async function planBodies(ctx: DemoContext): Promise<PlannedBody[]> {
  const { rng } = ctx;
  const units = new Map((await ctx.units({ regionCode: ctx.regionCode })).map((u) => [u.code, u]));
  const unit = (code: string) => {
    const u = units.get(code);
    if (!u) throw new Error(`the directory has no unit "${code}" in ${ctx.regionCode}`);
    return u;
  };
  const towns = (await ctx.units({ kind: ["street", "township"], regionCode: ctx.regionCode }))
    .filter((u) => u.code.startsWith("town-") || u.code.startsWith("street-"))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (towns.length !== SEED_FIGURES.townshipOffices) {
    throw new Error(
      `expected ${SEED_FIGURES.townshipOffices} townships and streets, found ${towns.length}`,
    );
  }
  // A weight per township: streets (the district centre) most, towns (镇) more than townships (乡).
  const townWeight = (nameZh: string) =>
    nameZh.endsWith("街道") ? 1.6 : nameZh.endsWith("镇") ? 1.1 : 0.9;
  const townBodies: DemoBody[] = towns.map((t) => ({
    unitCode: t.code,
    kind: "township_office",
    area: "township",
    postWeight: townWeight(t.nameZh),
    officerWeight: townWeight(t.nameZh) * 9,
  }));

  const teamPosts = apportion(
    SEED_FIGURES.teamPosts,
    TEAM_BODIES.map((b) => jitter(rng, b.postWeight)),
    rng,
    8,
  );
  const townPosts = apportion(
    SEED_FIGURES.townshipPosts,
    townBodies.map((b) => jitter(rng, b.postWeight)),
    rng,
    3,
  );
  const all: (DemoBody & { posts: number })[] = [
    ...TEAM_BODIES.map((b, i) => ({ ...b, posts: teamPosts[i]! })),
    ...townBodies.map((b, i) => ({ ...b, posts: townPosts[i]! })),
    ...DEPARTMENT_BODIES.map(({ posts, ...b }) => ({ ...b, posts: rng.int(posts[0], posts[1]) })),
  ];
  const officers = apportion(
    SEED_FIGURES.officers,
    all.map((b) => jitter(rng, b.officerWeight)),
    rng,
    4,
  );
  const reviewers = apportion(SEED_FIGURES.legalReviewers, officers, rng, 1);
  const devices = apportion(SEED_FIGURES.equipment, officers, rng, 3);
  return all.map((b, i) => {
    const u = unit(b.unitCode);
    // The register carries the full name documents and the portal print (重庆市武隆区市场
    // 监督管理局, never 区市场监管局): the directory's full name of the unit.
    const name =
      b.kind === "township_office"
        ? `${WULONG.full}${u.nameZh}综合行政执法办公室`
        : (FULL_NAMES.get(b.unitCode) ?? u.nameZh);
    return {
      ...b,
      unitId: u.id,
      name,
      officers: officers[i]!,
      reviewers: Math.min(reviewers[i]!, officers[i]!),
      devices: devices[i]!,
    };
  });
}

const CERTIFICATE_COURSE = "行政执法通用法律知识网络培训";
const REFRESHERS = ["行政执法人员年度轮训", "《民法典》专题培训", "行政处罚法修订专题培训"];
const OTHER_COURSES = ["执法记录仪使用培训", "移动执法终端操作培训"];

function certificateTraining(date: string, passed: boolean): Training {
  return { date, course: CERTIFICATE_COURSE, hours: 40, kind: "certificate", passed };
}

/**
 * The officers: `officers` per body holding a certificate valid at the end of 2020
 * (`trainedCertificate` of them certified after passing the certificate training in
 * 2020, the others in 2015–2019), plus a few whose certificates expired in 2019.
 */
function planOfficers(ctx: DemoContext, bodies: PlannedBody[]): PlannedOfficer[] {
  const { rng } = ctx;
  const total = bodies.reduce((s, b) => s + b.officers, 0);
  const ids = demoIdCards(rng.int(1, 2 ** 31 - 1), total + EXPIRED_OFFICERS, {
    regions: ["500156", "500156", "500156", "500102", "500101", "500230", "500241"],
    fromYear: 1962,
    toYear: 1996,
  });
  const certNumbers = rng
    .shuffle([...Array(total + EXPIRED_OFFICERS).keys()])
    .map((i) => `5001560${String(10_001 + i * 7).padStart(5, "0")}`);
  const names = new Set<string>();
  const newIn2020 = new Set(
    rng.shuffle([...Array(total).keys()]).slice(0, SEED_FIGURES.trainedCertificate),
  );

  const out: PlannedOfficer[] = [];
  let k = 0;
  for (const b of bodies) {
    const reviewerSlots = new Set(rng.shuffle([...Array(b.officers).keys()]).slice(0, b.reviewers));
    for (let j = 0; j < b.officers; j++, k++) {
      const training: Training[] = [];
      let validFrom: LocalDate;
      if (newIn2020.has(k)) {
        const trained = dayBetween(rng, "2020-03-02", "2020-10-30");
        if (rng.chance(0.08)) {
          training.push(certificateTraining(addDays(trained, -rng.int(30, 55)), false));
        }
        training.push(certificateTraining(trained, true));
        validFrom = addDays(trained, rng.int(15, 45));
      } else {
        validFrom = dayBetween(rng, "2015-01-05", "2019-12-20");
        training.push(certificateTraining(addDays(validFrom, -rng.int(15, 45)), true));
        if (rng.chance(0.3)) {
          training.push({
            date: dayBetween(rng, "2020-04-01", "2020-11-30"),
            course: rng.pick(REFRESHERS),
            hours: rng.pick([8, 12, 16]),
            kind: "refresher",
            passed: true,
          });
        }
      }
      if (rng.chance(0.1)) {
        training.push({
          date: dayBetween(rng, "2020-05-01", "2020-11-30"),
          course: rng.pick(OTHER_COURSES),
          hours: 4,
          kind: "other",
          passed: true,
        });
      }
      training.sort((a, b) => a.date.localeCompare(b.date));
      const reviewer = reviewerSlots.has(j);
      out.push({
        body: b.unitCode,
        name: inventName(rng, names),
        idNumber: ids[k]!,
        ...(rng.chance(0.6)
          ? {
              phone: `1${rng.pick([3, 5, 7, 8, 9])}${String(rng.int(0, 999_999_999)).padStart(9, "0")}`,
            }
          : {}),
        bodyUnitCode: b.unitCode,
        certificateNo: certNumbers[k]!,
        certificateValidFrom: validFrom,
        certificateValidTo: renewedCertificateEnd(validFrom),
        legalReviewer: reviewer,
        legalQualification: rng.chance(reviewer ? 0.45 : 0.04),
        priorReviewExperience: false,
        training,
      });
    }
  }
  // Expired in 2019: counted in no 2020 figure.
  for (let j = 0; j < EXPIRED_OFFICERS; j++, k++) {
    const b = rng.pick(bodies);
    const validFrom = dayBetween(rng, "2013-02-01", "2013-11-15");
    out.push({
      body: b.unitCode,
      name: inventName(rng, names),
      idNumber: ids[k]!,
      bodyUnitCode: b.unitCode,
      certificateNo: certNumbers[k]!,
      certificateValidFrom: validFrom,
      certificateValidTo: certificateEnd(validFrom),
      legalReviewer: j < 3,
      legalQualification: false,
      priorReviewExperience: false,
      training: [certificateTraining(addDays(validFrom, -rng.int(15, 45)), true)],
    });
  }
  return out;
}

function planEquipment(
  ctx: DemoContext,
  bodies: PlannedBody[],
  officers: PlannedOfficer[],
): (EquipmentData & { body: string })[] {
  const { rng } = ctx;
  const out: (EquipmentData & { body: string })[] = [];
  let serial = 0;
  const serialOf = (kind: EquipmentData["kind"], acquired: string) => {
    serial += 1;
    return `${kind === "recorder" ? "JLY" : "YDX"}${acquired.slice(0, 4)}${String(serial).padStart(5, "0")}`;
  };
  for (const b of bodies) {
    const holders = rng.shuffle(
      officers.filter((o) => o.body === b.unitCode && o.certificateValidTo >= "2020-12-31"),
    );
    const kits = Math.max(1, Math.round(b.devices * 0.18));
    for (let i = 0; i < b.devices; i++) {
      const kind = i < kits ? "mobile_kit" : "recorder";
      const r = rng.next();
      const state = r < 0.85 ? "in_use" : r < 0.96 ? "spare" : "repair";
      const acquiredOn = dayBetween(rng, "2016-03-01", "2020-11-30");
      const holder =
        kind === "recorder" && state === "in_use"
          ? holders[i % Math.max(1, holders.length)]?.name
          : undefined;
      out.push({
        body: b.unitCode,
        kind,
        serialNo: serialOf(kind, acquiredOn),
        ...(holder ? { holderName: holder } : {}),
        bodyUnitCode: b.unitCode,
        state,
        acquiredOn,
      });
    }
  }
  for (let i = 0; i < RETIRED_DEVICES; i++) {
    const b = rng.pick(bodies);
    const acquiredOn = dayBetween(rng, "2013-01-01", "2015-12-31");
    out.push({
      body: b.unitCode,
      kind: "recorder",
      serialNo: serialOf("recorder", acquiredOn),
      bodyUnitCode: b.unitCode,
      state: "retired",
      acquiredOn,
    });
  }
  return out;
}

function catalogueOf(b: PlannedBody): CatalogueData {
  const area = AREAS[b.area]!;
  const criteria: Criterion[] = [
    { kind: "fine_at_least", amount: area.fineThreshold },
    ...(area.extraCriteria ?? []),
    { kind: "licence_revocation" },
    { kind: "stop_production" },
  ];
  return { bodyUnitCode: b.unitCode, criteria };
}

function benchmarksOf(b: PlannedBody): BenchmarkData[] {
  if (b.kind === "township_office") return [];
  return BENCHMARKS.filter((x) => x.area === b.area).flatMap((x) =>
    (["minor", "general", "serious"] as const).map((c) => ({
      bodyUnitCode: b.unitCode,
      violationCode: x.violationCode,
      violation: x.violation,
      legalBasis: `${x.legalBasis}${DEMO_NOTE}`,
      circumstance: c,
      fineMin: x.ranges[c][0],
      fineMax: x.ranges[c][1],
      ...(x.otherPenalties ? { otherPenalties: x.otherPenalties } : {}),
    })),
  );
}

// ──────────────────────────────────────────────────────────────────────────── load

export const enforcementRegistersDemo: DemoContribution = {
  id: ENFORCEMENT_REGISTERS_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID],
  description:
    "enforcement bodies, officers and their certificate training, equipment, major-decision catalogues, discretion benchmarks",
  async load(ctx) {
    const started = Date.now();
    const { registers } = ctx;
    const bodies = await planBodies(ctx);
    const officers = planOfficers(ctx, bodies);
    const equipment = planEquipment(ctx, bodies, officers);

    // The rule-of-law office keeps the body list; each entry belongs to the body's unit.
    await ctx.as(demoUsername("yfzqb", "rule_of_law_office"), BODIES_DAY, async (w) => {
      for (const b of bodies) {
        const area = AREAS[b.area]!;
        const data: BodyData = {
          name: b.name,
          kind: b.kind,
          unitCode: b.unitCode,
          legalBasis: legalBasisOf(b.kind, REFORM_TITLES[b.area] ?? ""),
          posts: b.posts,
          powers: area.powers,
          publicProcedures: PUBLIC_PROCEDURES,
        };
        await registers.create(w, bodyRegister, { data, unitId: b.unitId });
      }
    });

    // Each body records its own officers, equipment, catalogue and benchmarks.
    let benchmarks = 0;
    for (const b of bodies) {
      await ctx.as(demoUsername(b.unitCode, "case_handler"), RECORDED_DAY, async (w) => {
        // Written set-wise (the register engine's batch path), as an import would.
        const own = <T extends { body: string }>(rows: T[]) =>
          rows.filter((r) => r.body === b.unitCode).map(({ body: _b, ...data }) => data);
        await registers.createMany(w, officerRegister, { data: own(officers) });
        await registers.createMany(w, equipmentRegister, { data: own(equipment) });
        await registers.create(w, catalogueRegister, { data: catalogueOf(b) });
        benchmarks += await registers.createMany(w, benchmarkRegister, { data: benchmarksOf(b) });
      });
    }

    const count = (kind: string) => bodies.filter((b) => b.kind === kind);
    const posts = (kind: string) => count(kind).reduce((s, b) => s + b.posts, 0);
    ctx.note(
      `${bodies.length} bodies: ${count("comprehensive_team").length} comprehensive teams (${posts("comprehensive_team")} posts), ${count("township_office").length} township offices (${posts("township_office")} posts), ${count("department").length} departments (${posts("department")} posts)`,
    );
    ctx.note(
      `${officers.length} officers (${officers.length - EXPIRED_OFFICERS} with a certificate valid at the end of 2020, ${EXPIRED_OFFICERS} expired in 2019), ${equipment.length} devices (${RETIRED_DEVICES} retired), ${bodies.length} catalogues, ${benchmarks} benchmarks`,
    );
    ctx.note(`generated and recorded through the register engine in ${Date.now() - started} ms`);
  },
};
