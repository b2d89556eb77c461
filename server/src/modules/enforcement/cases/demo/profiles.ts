import type { Category } from "../common.ts";
import type { PenaltyKind } from "../labels.ts";

// ──────────────────────────────────────────────────────────────────────────── profiles

export interface Violation {
  /** A benchmark's violation code in the registers, if the body has one. */
  code?: string;
  cause: string;
  facts: string;
  legalBasis: string;
  /** Fine range when there is no benchmark. */
  fine?: [number, number];
  /** Chance the party is an organisation. */
  org: number;
  extra?: PenaltyKind[];
}

export interface Profile {
  unit: string;
  category: Category;
  general: Record<number, number>;
  simplified: Record<number, number>;
  inspections: number;
  seizures: number;
  violations: Violation[];
  onSpot: { cause: string; legalBasis: string; org: number; warning: number }[];
  inspectionMatters: string[];
  /** 具有一定社会影响: the chance a decision is so judged (outside market regulation). */
  socialImpact: number;
}

export const PROFILES: Profile[] = [
  {
    unit: "scjgj",
    category: "market_regulation",
    general: { 2019: 12, 2020: 18 },
    simplified: { 2020: 6 },
    inspections: 14,
    seizures: 3,
    socialImpact: 1,
    violations: [
      {
        code: "SCJG-JG-001",
        cause: "不执行明码标价规定",
        facts: "当事人经营场所销售的商品未按规定标明价格",
        legalBasis: "《中华人民共和国价格法》第十三条、第四十二条",
        org: 0.6,
        extra: ["warning"],
      },
      {
        code: "SCJG-JG-001",
        cause: "不执行明码标价规定",
        facts: "当事人提供的服务项目未公示收费标准",
        legalBasis: "《中华人民共和国价格法》第十三条、第四十二条",
        org: 0.5,
      },
      {
        code: "SCJG-SP-001",
        cause: "经营不符合食品安全标准的食品",
        facts: "当事人经营的食品经抽样检验，菌落总数不符合食品安全标准",
        legalBasis: "《中华人民共和国食品安全法》第一百二十四条第一款",
        org: 0.7,
        extra: ["confiscation"],
      },
      {
        code: "SCJG-SP-002",
        cause: "未取得食品经营许可从事食品经营活动",
        facts: "当事人未取得食品经营许可证，在其经营场所从事餐饮服务",
        legalBasis: "《中华人民共和国食品安全法》第一百二十二条第一款",
        org: 0.3,
        extra: ["confiscation"],
      },
      {
        cause: "发布虚假广告",
        facts: "当事人在其微信公众号发布的广告中含有虚假内容",
        legalBasis: "《中华人民共和国广告法》第五十五条第一款",
        fine: [10_000, 60_000],
        org: 0.9,
      },
    ],
    onSpot: [
      {
        cause: "未按规定公示营业执照",
        legalBasis: "《无证无照经营查处办法》、《个体工商户条例》",
        org: 0.3,
        warning: 0.8,
      },
    ],
    inspectionMatters: ["食品经营许可事项检查", "明码标价检查", "特种设备使用安全检查"],
  },
  {
    unit: "sthjj",
    category: "ecology_environment",
    general: { 2019: 5, 2020: 8 },
    simplified: {},
    inspections: 8,
    seizures: 2,
    socialImpact: 0.7,
    violations: [
      {
        code: "STHJ-DQ-001",
        cause: "超过大气污染物排放标准排放大气污染物",
        facts: "当事人锅炉废气排放口二氧化硫排放浓度超过排放标准",
        legalBasis: "《中华人民共和国大气污染防治法》第十八条、第九十九条第（二）项",
        org: 1,
      },
      {
        code: "STHJ-S-001",
        cause: "超过水污染物排放标准排放水污染物",
        facts: "当事人废水总排口化学需氧量浓度超过排放标准",
        legalBasis: "《中华人民共和国水污染防治法》第十条、第八十三条第（二）项",
        org: 1,
      },
      {
        cause: "未依法进行环境影响评价擅自开工建设",
        facts: "当事人建设项目环境影响报告表未经批准即开工建设",
        legalBasis: "《中华人民共和国环境影响评价法》第三十一条第一款",
        fine: [20_000, 80_000],
        org: 1,
      },
    ],
    onSpot: [],
    inspectionMatters: ["排污许可证执行情况检查", "污染防治设施运行检查"],
  },
  {
    unit: "jtj",
    category: "transport",
    general: { 2019: 10, 2020: 14 },
    simplified: { 2020: 12 },
    inspections: 0,
    seizures: 0,
    socialImpact: 0.3,
    violations: [
      {
        code: "JTYS-DY-001",
        cause: "未取得道路运输经营许可擅自从事道路旅客运输经营",
        facts: "当事人驾驶小型客车，未取得道路运输经营许可，有偿搭载乘客",
        legalBasis: "《中华人民共和国道路运输条例》第六十三条",
        org: 0.1,
      },
      {
        code: "JTYS-GL-001",
        cause: "车辆超限运输未经许可擅自行驶公路",
        facts: "当事人驾驶的货车车货总质量超过规定限值，未办理超限运输许可",
        legalBasis: "《公路安全保护条例》第三十五条、第六十四条",
        org: 0.5,
      },
    ],
    onSpot: [
      {
        cause: "未随车携带道路运输证",
        legalBasis: "《中华人民共和国道路运输条例》第六十八条",
        org: 0.2,
        warning: 0.3,
      },
    ],
    inspectionMatters: [],
  },
  {
    unit: "cgj",
    category: "urban_management",
    general: { 2019: 8, 2020: 12 },
    simplified: { 2020: 16 },
    inspections: 6,
    seizures: 0,
    socialImpact: 0.4,
    violations: [
      {
        code: "CG-JZLJ-001",
        cause: "随意倾倒建筑垃圾",
        facts: "当事人运输建筑垃圾途中随意倾倒于道路旁",
        legalBasis: "《城市建筑垃圾管理规定》第十五条、第二十六条",
        org: 0.9,
      },
      {
        code: "CG-DL-001",
        cause: "未按批准的位置、面积、期限占用城市道路",
        facts: "当事人超出批准的范围占用城市道路堆放建筑材料",
        legalBasis: "《城市道路管理条例》第四十二条第（六）项",
        org: 0.5,
      },
    ],
    onSpot: [
      {
        cause: "占道经营",
        legalBasis: "《城市市容和环境卫生管理条例》第十四条、第三十六条",
        org: 0.05,
        warning: 0.5,
      },
    ],
    inspectionMatters: ["户外广告设置检查", "建筑垃圾运输检查"],
  },
  {
    unit: "yjj",
    category: "emergency",
    general: { 2019: 2, 2020: 3 },
    simplified: {},
    inspections: 6,
    seizures: 0,
    socialImpact: 0.5,
    violations: [
      {
        cause: "未按规定对从业人员进行安全生产教育和培训",
        facts: "当事人未对新进从业人员进行安全生产教育和培训即安排上岗作业",
        legalBasis: "《中华人民共和国安全生产法》（2014修正）第九十四条第（三）项",
        fine: [10_000, 50_000],
        org: 1,
      },
    ],
    onSpot: [],
    inspectionMatters: ["安全生产执法检查"],
  },
  {
    unit: "lyj",
    category: "other",
    general: { 2019: 1, 2020: 3 },
    simplified: {},
    inspections: 0,
    seizures: 0,
    socialImpact: 0.3,
    violations: [
      {
        cause: "滥伐林木",
        facts: "当事人未取得林木采伐许可证，采伐其承包林地内林木",
        legalBasis: "《中华人民共和国森林法》（2019修订）第七十六条第二款",
        fine: [3_000, 20_000],
        org: 0,
      },
    ],
    onSpot: [],
    inspectionMatters: [],
  },
  {
    unit: "ghzrzyj",
    category: "natural_resources",
    general: { 2019: 1, 2020: 2 },
    simplified: {},
    inspections: 0,
    seizures: 0,
    socialImpact: 0.5,
    violations: [
      {
        cause: "非法占用土地",
        facts: "当事人未经批准占用集体土地建设厂房",
        legalBasis: "《中华人民共和国土地管理法》第七十七条",
        fine: [20_000, 90_000],
        org: 0.6,
      },
    ],
    onSpot: [],
    inspectionMatters: [],
  },
];

export const TOWNS = [
  "巷口镇",
  "凤山街道",
  "芙蓉街道",
  "仙女山街道",
  "白马镇",
  "江口镇",
  "火炉镇",
  "长坝镇",
  "羊角街道",
  "鸭江镇",
];
export const ROADS = [
  "芙蓉路",
  "建设路",
  "滨江路",
  "乌江路",
  "仙女路",
  "白马路",
  "新华路",
  "工业园路",
];
export const FIRM_PLACE = [
  "乌江",
  "仙女",
  "芙蓉",
  "白马",
  "天坑",
  "龙水",
  "懒坝",
  "桐梓",
  "江口",
  "黄柏",
];
export const FIRM_TRADE = [
  "食品",
  "商贸",
  "运输",
  "建筑工程",
  "农业开发",
  "餐饮管理",
  "旅游开发",
  "建材",
  "环保科技",
  "物流",
];
