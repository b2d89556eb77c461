/**
 * The demo's fixed tables for the enforcement registers: which directory units are
 * enforcement bodies, the weights the generator spreads officers and equipment by, the
 * power lists, major-decision thresholds and a handful of discretion benchmarks.
 *
 * DEMO DATA. The seed report gives only the totals (8 teams with 215 posts, 26 township
 * offices with 150 posts, 815 officers, 182 legal reviewers, 935 devices, 243 trained);
 * how they spread over bodies is invented here. The benchmarks cite real statutes, but
 * the ranges per circumstance are plausible inventions, not Wulong's published ones.
 */
import type { Criterion } from "./catalogue.ts";

/** An enforcement area: its power list, major-decision threshold and benchmarks. */
export interface Area {
  powers: string[];
  /** Fines at or above this amount (yuan) make a decision major (the body's own criterion). */
  fineThreshold: number;
  extraCriteria?: Criterion[];
}

export const AREAS: Record<string, Area> = {
  market: {
    powers: [
      "对销售不符合食品安全标准的食品的行政处罚",
      "对未取得食品经营许可从事食品经营活动的行政处罚",
      "对经营者不执行明码标价规定的行政处罚",
      "对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的行政处罚",
      "对查封、扣押涉嫌违法的场所、物品的行政强制",
    ],
    fineThreshold: 50_000,
    extraCriteria: [{ kind: "confiscation_at_least", amount: 50_000 }],
  },
  ecology: {
    powers: [
      "对超过大气污染物排放标准排放大气污染物的行政处罚",
      "对超过水污染物排放标准排放水污染物的行政处罚",
      "对未依法进行环境影响评价擅自开工建设的行政处罚",
      "对违法排放污染物的设施、设备的查封、扣押",
    ],
    fineThreshold: 100_000,
    extraCriteria: [{ kind: "other", text: "按日连续处罚" }],
  },
  culture: {
    powers: [
      "对擅自从事营业性演出经营活动的行政处罚",
      "对旅行社未经许可经营旅游业务的行政处罚",
      "对互联网上网服务营业场所违规接纳未成年人的行政处罚",
    ],
    fineThreshold: 20_000,
  },
  agriculture: {
    powers: [
      "对经营假、劣农药的行政处罚",
      "对违反规定收购、贩运、屠宰生猪的行政处罚",
      "对在禁渔区、禁渔期进行捕捞的行政处罚",
    ],
    fineThreshold: 30_000,
  },
  urban: {
    powers: [
      "对随意倾倒、抛撒、堆放建筑垃圾的行政处罚",
      "对擅自占用城市道路的行政处罚",
      "对违法设置户外广告的行政处罚",
      "对强制拆除违法建筑物的行政强制",
    ],
    fineThreshold: 20_000,
    extraCriteria: [{ kind: "other", text: "强制拆除建筑物、构筑物" }],
  },
  transport: {
    powers: [
      "对未取得道路运输经营许可擅自从事道路运输经营的行政处罚",
      "对车辆超限运输的行政处罚",
      "对擅自在公路用地范围内设置公路标志以外的标志的行政处罚",
    ],
    fineThreshold: 30_000,
  },
  planning: {
    powers: [
      "对非法占用土地的行政处罚",
      "对未取得建设工程规划许可证进行建设的行政处罚",
      "对未取得采矿许可证擅自采矿的行政处罚",
    ],
    fineThreshold: 50_000,
  },
  health: {
    powers: [
      "对未取得医疗机构执业许可证擅自执业的行政处罚",
      "对公共场所经营者未取得卫生许可证的行政处罚",
      "对医疗机构违规处置医疗废物的行政处罚",
    ],
    fineThreshold: 20_000,
  },
  township: {
    powers: [
      "对乡村建设规划许可范围内违法建设的行政处罚（赋权）",
      "对违规搭建临时建筑物、构筑物的行政处罚（赋权）",
      "对乱倒垃圾、乱堆乱放的行政处罚（赋权）",
      "对农村宅基地违法占用的责令改正（赋权）",
    ],
    fineThreshold: 10_000,
  },
  police: {
    powers: [
      "对违反治安管理行为的行政处罚",
      "对道路交通安全违法行为的行政处罚",
      "对违反消防管理行为的行政处罚（派出所职责范围内）",
    ],
    fineThreshold: 20_000,
    extraCriteria: [{ kind: "other", text: "行政拘留" }],
  },
  civil: {
    powers: ["对社会组织违反登记管理规定的行政处罚", "对殡葬设施违规经营的行政处罚"],
    fineThreshold: 10_000,
  },
  justice: {
    powers: ["对律师、律师事务所违法行为的行政处罚", "对基层法律服务工作者违法行为的行政处罚"],
    fineThreshold: 10_000,
  },
  labour: {
    powers: ["对用人单位拖欠劳动报酬的责令支付", "对违反劳动保障法律法规的行政处罚"],
    fineThreshold: 20_000,
  },
  housing: {
    powers: ["对建设单位未取得施工许可证擅自施工的行政处罚", "对物业服务企业违规行为的行政处罚"],
    fineThreshold: 50_000,
  },
  safety: {
    powers: [
      "对生产经营单位未按规定进行安全生产教育培训的行政处罚",
      "对未取得安全生产许可证擅自进行生产的行政处罚",
    ],
    fineThreshold: 50_000,
  },
  forestry: {
    powers: ["对盗伐、滥伐林木的行政处罚", "对非法占用林地的行政处罚"],
    fineThreshold: 30_000,
  },
};

/** A body the demo records: a directory unit, its area and weights for the generator. */
export interface DemoBody {
  unitCode: string;
  kind: "comprehensive_team" | "township_office" | "department";
  area: keyof typeof AREAS;
  /** Relative weight of posts (teams and townships: shares of the report's totals). */
  postWeight: number;
  /** Relative weight of officers (and equipment). */
  officerWeight: number;
}

export const TEAM_BODIES: DemoBody[] = [
  {
    unitCode: "team-scjg",
    kind: "comprehensive_team",
    area: "market",
    postWeight: 42,
    officerWeight: 45,
  },
  {
    unitCode: "team-sthj",
    kind: "comprehensive_team",
    area: "ecology",
    postWeight: 24,
    officerWeight: 26,
  },
  {
    unitCode: "team-whsc",
    kind: "comprehensive_team",
    area: "culture",
    postWeight: 16,
    officerWeight: 18,
  },
  {
    unitCode: "team-ny",
    kind: "comprehensive_team",
    area: "agriculture",
    postWeight: 28,
    officerWeight: 30,
  },
  {
    unitCode: "team-cg",
    kind: "comprehensive_team",
    area: "urban",
    postWeight: 38,
    officerWeight: 48,
  },
  {
    unitCode: "team-jtys",
    kind: "comprehensive_team",
    area: "transport",
    postWeight: 30,
    officerWeight: 34,
  },
  {
    unitCode: "team-ghzy",
    kind: "comprehensive_team",
    area: "planning",
    postWeight: 20,
    officerWeight: 22,
  },
  {
    unitCode: "team-wsjk",
    kind: "comprehensive_team",
    area: "health",
    postWeight: 17,
    officerWeight: 20,
  },
];

/** Departments enforcing in their own name (not in the report's 8 + 26), with posts as judged. */
export const DEPARTMENT_BODIES: (DemoBody & { posts: [number, number] })[] = [
  {
    unitCode: "gaj",
    kind: "department",
    area: "police",
    postWeight: 0,
    officerWeight: 110,
    posts: [90, 120],
  },
  {
    unitCode: "scjgj",
    kind: "department",
    area: "market",
    postWeight: 0,
    officerWeight: 30,
    posts: [10, 16],
  },
  {
    unitCode: "sthjj",
    kind: "department",
    area: "ecology",
    postWeight: 0,
    officerWeight: 12,
    posts: [5, 8],
  },
  {
    unitCode: "mzj",
    kind: "department",
    area: "civil",
    postWeight: 0,
    officerWeight: 8,
    posts: [3, 5],
  },
  {
    unitCode: "sfj",
    kind: "department",
    area: "justice",
    postWeight: 0,
    officerWeight: 10,
    posts: [3, 6],
  },
  {
    unitCode: "rlsbj",
    kind: "department",
    area: "labour",
    postWeight: 0,
    officerWeight: 14,
    posts: [6, 10],
  },
  {
    unitCode: "zfcxjw",
    kind: "department",
    area: "housing",
    postWeight: 0,
    officerWeight: 16,
    posts: [8, 12],
  },
  {
    unitCode: "yjj",
    kind: "department",
    area: "safety",
    postWeight: 0,
    officerWeight: 15,
    posts: [8, 12],
  },
  {
    unitCode: "lyj",
    kind: "department",
    area: "forestry",
    postWeight: 0,
    officerWeight: 18,
    posts: [10, 14],
  },
  {
    unitCode: "ghzrzyj",
    kind: "department",
    area: "planning",
    postWeight: 0,
    officerWeight: 12,
    posts: [5, 8],
  },
];

export const DEMO_NOTE = "（演示数据）";

/** The basis of a body's powers, by kind (titles of real documents; the local parts invented). */
export function legalBasisOf(kind: DemoBody["kind"], lawTitle: string): string {
  switch (kind) {
    case "comprehensive_team":
      return `中共中央办公厅、国务院办公厅关于深化${lawTitle}综合行政执法改革的指导意见；《重庆市武隆区机构改革实施方案》；本队「三定」规定${DEMO_NOTE}`;
    case "township_office":
      return `中共中央办公厅、国务院办公厅《关于推进基层整合审批服务执法力量的实施意见》；区人民政府关于向乡镇（街道）赋予部分县级行政执法权的决定${DEMO_NOTE}`;
    default:
      return `有关法律、法规、规章；本单位「三定」规定和权责清单${DEMO_NOTE}`;
  }
}

/** The area name in the teams' reform documents. */
export const REFORM_TITLES: Record<string, string> = {
  market: "市场监管",
  ecology: "生态环境保护",
  culture: "文化市场",
  agriculture: "农业",
  urban: "城市管理",
  transport: "交通运输",
  planning: "规划和自然资源",
  health: "卫生健康",
};

/** What the public is shown of procedures and remedies (行政处罚法 art. 39). */
export const PUBLIC_PROCEDURES =
  "执法程序：立案—调查取证（执法人员不少于两人，出示执法证件）—审查—告知拟作出的处罚及陈述、申辩、要求听证的权利—重大执法决定法制审核—负责人决定（情节复杂或重大的集体讨论）—送达—执行。" +
  "简易程序：违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的，可以当场作出决定。" +
  "救济渠道：对行政处罚决定不服的，可以自知道该决定之日起六十日内申请行政复议，或者自知道或者应当知道作出行政行为之日起六个月内向人民法院提起行政诉讼。" +
  DEMO_NOTE;

/** A handful of common violations with real legal bases and invented ranges. */
export interface DemoBenchmark {
  area: string;
  violationCode: string;
  violation: string;
  legalBasis: string;
  ranges: Record<"minor" | "general" | "serious", [number, number]>;
  otherPenalties?: string[];
}

export const BENCHMARKS: DemoBenchmark[] = [
  {
    area: "market",
    violationCode: "SCJG-SP-001",
    violation: "经营不符合食品安全标准的食品（货值金额不足一万元）",
    legalBasis: "《中华人民共和国食品安全法》第一百二十四条第一款",
    ranges: { minor: [50_000, 65_000], general: [65_000, 85_000], serious: [85_000, 100_000] },
    otherPenalties: ["没收违法所得", "没收违法经营的食品"],
  },
  {
    area: "market",
    violationCode: "SCJG-SP-002",
    violation: "未取得食品经营许可从事食品经营活动（货值金额不足一万元）",
    legalBasis: "《中华人民共和国食品安全法》第一百二十二条第一款",
    ranges: { minor: [50_000, 65_000], general: [65_000, 85_000], serious: [85_000, 100_000] },
    otherPenalties: ["没收违法所得", "没收违法经营的食品和用于违法经营的工具、设备、原料等物品"],
  },
  {
    area: "market",
    violationCode: "SCJG-JG-001",
    violation: "经营者不执行明码标价规定",
    legalBasis: "《中华人民共和国价格法》第十三条、第四十二条",
    ranges: { minor: [0, 1_000], general: [1_000, 3_000], serious: [3_000, 5_000] },
    otherPenalties: ["责令改正", "没收违法所得"],
  },
  {
    area: "ecology",
    violationCode: "STHJ-DQ-001",
    violation: "超过大气污染物排放标准排放大气污染物",
    legalBasis: "《中华人民共和国大气污染防治法》第十八条、第九十九条第（二）项",
    ranges: {
      minor: [100_000, 300_000],
      general: [300_000, 700_000],
      serious: [700_000, 1_000_000],
    },
    otherPenalties: ["责令改正或者限制生产、停产整治"],
  },
  {
    area: "ecology",
    violationCode: "STHJ-S-001",
    violation: "超过水污染物排放标准排放水污染物",
    legalBasis: "《中华人民共和国水污染防治法》第十条、第八十三条第（二）项",
    ranges: {
      minor: [100_000, 300_000],
      general: [300_000, 700_000],
      serious: [700_000, 1_000_000],
    },
    otherPenalties: ["责令改正或者限制生产、停产整治"],
  },
  {
    area: "transport",
    violationCode: "JTYS-DY-001",
    violation: "未取得道路运输经营许可，擅自从事道路旅客运输经营（无违法所得或违法所得不足二万元）",
    legalBasis: "《中华人民共和国道路运输条例》第六十三条",
    ranges: { minor: [10_000, 30_000], general: [30_000, 60_000], serious: [60_000, 100_000] },
    otherPenalties: ["责令停止经营", "没收违法所得"],
  },
  {
    area: "transport",
    violationCode: "JTYS-GL-001",
    violation: "车辆超限运输，未经许可擅自行驶公路",
    legalBasis: "《公路安全保护条例》第三十五条、第六十四条",
    ranges: { minor: [0, 5_000], general: [5_000, 15_000], serious: [15_000, 30_000] },
    otherPenalties: ["责令停止违法行为"],
  },
  {
    area: "urban",
    violationCode: "CG-JZLJ-001",
    violation: "单位随意倾倒、抛撒或者堆放建筑垃圾",
    legalBasis: "《城市建筑垃圾管理规定》第十五条、第二十六条",
    ranges: { minor: [5_000, 15_000], general: [15_000, 30_000], serious: [30_000, 50_000] },
    otherPenalties: ["责令限期改正", "警告"],
  },
  {
    area: "urban",
    violationCode: "CG-DL-001",
    violation: "未按照批准的位置、面积、期限占用或者挖掘城市道路",
    legalBasis: "《城市道路管理条例》第四十二条第（六）项",
    ranges: { minor: [0, 5_000], general: [5_000, 12_000], serious: [12_000, 20_000] },
    otherPenalties: ["责令限期改正"],
  },
];
