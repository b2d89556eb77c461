/**
 * The demo's reference entries (invented names; the seed gives only the counts): the 2020
 * decision catalogue, the district's expert pool, its 7 legal advisers (seed 一(五)), the
 * third-party assessors' directory, and the key projects whose social-stability risk
 * assessments were filed in 2020 (with the decisions' own, 101: seed 一(四)2).
 */
import type { DemoRandom } from "../../../engines/demo/index.ts";
import { addDays, fromEpochDay, parseLocalDate, toEpochDay } from "../../../kernel/time/index.ts";

/** The catalogue as the Party committee agreed it on 2020-03-20 and published a week later. */
export const CATALOGUE_AGREED = "2020-03-20";
export const CATALOGUE_PUBLISHED = "2020-03-27";

export const CATALOGUE_ITEMS = [
  { title: "武隆区城区公共交通线网优化方案", matter: "public_policy", unit: "jtj" },
  { title: "武隆区城区生活垃圾分类实施方案", matter: "public_policy", unit: "cgj" },
  { title: "武隆区国土空间总体规划（2020—2035年）", matter: "plan", unit: "ghzrzyj" },
  { title: "武隆区仙女山国家森林公园旅游资源保护利用办法", matter: "resources", unit: "whlyw" },
  { title: "武隆区城区第二污水处理厂建设项目", matter: "public_project", unit: "zfcxjw" },
  { title: "武隆区农村人居环境整治提升三年行动方案", matter: "public_policy", unit: "nyncw" },
] as const;

/** Added by the adjustment the Party committee agreed on 2020-08-20. */
export const ADJUSTMENT = {
  title: "武隆区城区机动车停放服务收费管理办法",
  matter: "public_policy",
  unit: "fgw",
  agreedOn: "2020-08-20",
  reason: "城区停车矛盾突出，经区委同意增列入2020年度目录",
} as const;

/** Struck by the adjustment of 2020-11-10. */
export const REMOVAL = {
  itemNo: 6,
  on: "2020-11-10",
  reason: "该事项已纳入市级统一部署，不再作为区级重大行政决策事项",
} as const;

export const EXPERTS = [
  ["周立群", "交通运输规划", "教授", "重庆交通大学"],
  ["罗晓梅", "城乡规划", "高级工程师", "重庆市规划设计研究院"],
  ["谭国华", "环境工程", "教授", "重庆大学"],
  ["何静", "行政法学", "教授", "西南政法大学"],
  ["杜文斌", "旅游管理", "副教授", "重庆师范大学"],
  ["熊志强", "给排水工程", "正高级工程师", "中机中联工程有限公司"],
  ["秦晓燕", "社会学", "研究员", "重庆社会科学院"],
  ["曾涛", "财政与价格", "高级经济师", "重庆市价格认证中心"],
  ["余春兰", "生态保护", "研究员", "重庆市生态环境科学研究院"],
  ["唐明华", "公共管理", "教授", "重庆工商大学"],
] as const;

export const ADVISERS = [
  ["冉建国", "legal_adviser", "重庆武隆律师事务所"],
  ["向丽芳", "legal_adviser", "重庆仙女山律师事务所"],
  ["彭勇", "legal_adviser", "北京大成（重庆）律师事务所"],
  ["任敏", "legal_adviser", "重庆静升律师事务所"],
  ["夏磊", "public_lawyer", "武隆区司法局"],
  ["郑燕", "public_lawyer", "武隆区人民政府办公室"],
  ["蒋波", "public_lawyer", "武隆区发展和改革委员会"],
] as const;

export const ASSESSORS = [
  ["重庆市社会稳定风险评估研究中心", "社会稳定风险评估", "2019-05-10"],
  ["西南政法大学社会风险评估研究所", "社会稳定风险评估", "2019-05-10"],
  ["重庆智库公共政策评估研究院", "公共政策评估", "2019-05-10"],
  ["重庆市工程咨询有限公司", "重大项目评估", "2019-11-20"],
  ["重庆渝信社会稳定风险评估事务所", "社会稳定风险评估", "2019-11-20"],
] as const;

const PLACES = [
  "白马镇",
  "江口镇",
  "火炉镇",
  "鸭江镇",
  "羊角镇",
  "仙女山街道",
  "凤山街道",
  "芙蓉街道",
  "长坝镇",
  "平桥镇",
  "桐梓镇",
  "土坎镇",
  "和顺镇",
  "双河镇",
  "黄莺乡",
  "沧沟乡",
];
const PROJECTS = [
  "道路改扩建工程",
  "棚户区改造项目",
  "集中供水工程",
  "污水管网建设工程",
  "安置房建设项目",
  "农贸市场迁建项目",
  "学校扩建工程",
  "卫生院改扩建工程",
  "地质灾害治理工程",
  "旅游配套设施项目",
];
const FILED_WITH = ["区委政法委", "区委维稳办"];

/** A day between two dates (inclusive), from the demo's seeded numbers. */
function dayBetween(rng: DemoRandom, from: string, to: string): string {
  return fromEpochDay(rng.int(toEpochDay(parseLocalDate(from)), toEpochDay(parseLocalDate(to))));
}

/** `n` key projects of 2020 whose assessments were filed (distinct subjects, seeded). */
export function keyProjectFilings(rng: DemoRandom, n: number, assessors: readonly string[]) {
  const subjects = rng.shuffle(PLACES.flatMap((p) => PROJECTS.map((x) => `${p}${x}`))).slice(0, n);
  return subjects.map((subject) => {
    const assessedOn = dayBetween(rng, "2020-01-06", "2020-12-10");
    const third = rng.next() < 0.4;
    const level = rng.next();
    return {
      subject,
      kind: "key_project",
      assessorKind: third ? "third_party" : "unit",
      assessorName: third ? rng.pick(assessors) : "项目业主单位",
      riskLevel: level < 0.7 ? "low" : level < 0.95 ? "medium" : "high",
      controllable: level < 0.95,
      assessedOn,
      filedOn: addDays(parseLocalDate(assessedOn), rng.int(1, 10)),
      filedWith: rng.pick(FILED_WITH),
    };
  });
}
