/**
 * The demo's lists for Wulong 2020: the power and responsibility list's items by unit,
 * the fee catalogue, the negative list's district items, the three-fixes rules and the
 * coordination meetings. Items are generated from these tables (never totals typed in):
 * the indicators count what was published.
 */
import type { PowerKind } from "./registers.ts";

type P = [PowerKind, string, string];

/** Powers by implementing unit (directory code): kind, item, basis. */
export const POWERS: Record<string, P[]> = {
  scjgj: [
    ["licensing", "食品经营许可", "《中华人民共和国食品安全法》第三十五条"],
    ["licensing", "特种设备使用登记", "《中华人民共和国特种设备安全法》第三十三条"],
    [
      "penalty",
      "对经营者不执行政府指导价、政府定价的行政处罚",
      "《中华人民共和国价格法》第三十九条",
    ],
    [
      "penalty",
      "对经营者不明码标价或者收取未予标明费用的行政处罚",
      "《中华人民共和国价格法》第四十二条",
    ],
    [
      "penalty",
      "对生产经营不符合食品安全标准食品的行政处罚",
      "《中华人民共和国食品安全法》第一百二十四条",
    ],
    [
      "compulsion",
      "查封、扣押不符合食品安全标准的食品",
      "《中华人民共和国食品安全法》第一百一十条",
    ],
    ["inspection", "价格监督检查", "《中华人民共和国价格法》第三十四条"],
    ["inspection", "食品生产经营监督检查", "《中华人民共和国食品安全法》第一百一十条"],
    ["confirmation", "个体工商户登记", "《促进个体工商户发展条例》第八条"],
    ["award", "对举报食品安全违法行为的奖励", "《中华人民共和国食品安全法》第一百一十五条"],
  ],
  fgw: [
    ["licensing", "企业投资项目核准", "《企业投资项目核准和备案管理条例》第三条"],
    ["confirmation", "企业投资项目备案", "《企业投资项目核准和备案管理条例》第十三条"],
    ["inspection", "节能监察", "《中华人民共和国节约能源法》第十二条"],
    ["penalty", "对违反节能审查规定的行政处罚", "《中华人民共和国节约能源法》第六十八条"],
    ["other", "定价成本监审", "《中华人民共和国价格法》第二十二条"],
  ],
  czj: [
    ["licensing", "代理记账机构审批", "《中华人民共和国会计法》第三十六条"],
    ["inspection", "会计信息质量检查", "《中华人民共和国会计法》第三十二条"],
    ["penalty", "对违反会计法行为的行政处罚", "《中华人民共和国会计法》第四十二条"],
    ["levy", "行政事业性收费和政府性基金收缴", "《中华人民共和国预算法》第五十五条"],
  ],
  rlsbj: [
    ["licensing", "劳务派遣经营许可", "《中华人民共和国劳动合同法》第五十七条"],
    ["payment", "失业保险金给付", "《失业保险条例》第十四条"],
    ["confirmation", "工伤认定", "《工伤保险条例》第十七条"],
    ["inspection", "劳动保障监察", "《劳动保障监察条例》第十五条"],
    ["penalty", "对用人单位拖欠农民工工资的行政处罚", "《保障农民工工资支付条例》第五十四条"],
    ["adjudication", "劳动人事争议仲裁", "《中华人民共和国劳动争议调解仲裁法》第十七条"],
  ],
  ghzrzyj: [
    ["licensing", "建设用地规划许可", "《中华人民共和国城乡规划法》第三十七条"],
    ["licensing", "建设工程规划许可", "《中华人民共和国城乡规划法》第四十条"],
    ["confirmation", "不动产登记", "《不动产登记暂行条例》第三条"],
    ["penalty", "对非法占用土地的行政处罚", "《中华人民共和国土地管理法》第七十七条"],
    ["adjudication", "土地权属争议调处", "《中华人民共和国土地管理法》第十四条"],
    ["levy", "土地复垦费征收", "《土地复垦条例》第十八条"],
  ],
  sthjj: [
    ["licensing", "建设项目环境影响评价文件审批", "《中华人民共和国环境影响评价法》第二十二条"],
    ["penalty", "对超标排放污染物的行政处罚", "《中华人民共和国大气污染防治法》第九十九条"],
    ["compulsion", "查封、扣押违法排放污染物的设施设备", "《中华人民共和国环境保护法》第二十五条"],
    ["inspection", "排污单位现场检查", "《中华人民共和国环境保护法》第二十四条"],
  ],
  zfcxjw: [
    ["licensing", "建筑工程施工许可", "《中华人民共和国建筑法》第七条"],
    ["penalty", "对未取得施工许可擅自施工的行政处罚", "《中华人民共和国建筑法》第六十四条"],
    ["inspection", "建设工程质量安全监督检查", "《建设工程质量管理条例》第四十七条"],
    ["confirmation", "商品房预售合同备案", "《城市房地产开发经营管理条例》第二十七条"],
  ],
  jtj: [
    ["licensing", "道路旅客运输经营许可", "《中华人民共和国道路运输条例》第十条"],
    ["licensing", "出租汽车经营许可", "《巡游出租汽车经营服务管理规定》第八条"],
    [
      "penalty",
      "对未取得道路运输经营许可擅自经营的行政处罚",
      "《中华人民共和国道路运输条例》第六十三条",
    ],
    ["compulsion", "暂扣无道路运输证件的车辆", "《中华人民共和国道路运输条例》第六十八条"],
    ["inspection", "道路运输监督检查", "《中华人民共和国道路运输条例》第五十八条"],
  ],
  wsjkw: [
    ["licensing", "医疗机构执业登记", "《医疗机构管理条例》第十五条"],
    ["licensing", "公共场所卫生许可", "《公共场所卫生管理条例》第八条"],
    ["penalty", "对非法行医的行政处罚", "《中华人民共和国基本医疗卫生与健康促进法》第九十九条"],
    [
      "award",
      "对在传染病防治工作中做出显著成绩的单位和个人的奖励",
      "《中华人民共和国传染病防治法》第十条",
    ],
  ],
  whlyw: [
    ["licensing", "娱乐场所经营许可", "《娱乐场所管理条例》第九条"],
    ["licensing", "旅行社设立许可", "《旅行社条例》第六条"],
    ["penalty", "对旅行社违反旅游法规定的行政处罚", "《中华人民共和国旅游法》第九十五条"],
    ["inspection", "文化市场监督检查", "《娱乐场所管理条例》第三十三条"],
  ],
  yjj: [
    ["licensing", "烟花爆竹经营（零售）许可", "《烟花爆竹安全管理条例》第十九条"],
    [
      "penalty",
      "对生产经营单位未按规定进行安全生产教育培训的行政处罚",
      "《中华人民共和国安全生产法》第九十七条",
    ],
    ["inspection", "安全生产监督检查", "《中华人民共和国安全生产法》第六十五条"],
    [
      "compulsion",
      "查封、扣押不符合保障安全生产标准的设施设备",
      "《中华人民共和国安全生产法》第六十五条",
    ],
  ],
  nyncw: [
    ["licensing", "农药经营许可", "《农药管理条例》第二十四条"],
    ["licensing", "动物防疫条件合格证核发", "《中华人民共和国动物防疫法》第二十四条"],
    ["penalty", "对经营假农药的行政处罚", "《农药管理条例》第五十五条"],
    ["payment", "农业支持保护补贴发放", "《中华人民共和国农业法》第三十八条"],
  ],
  mzj: [
    ["confirmation", "婚姻登记", "《婚姻登记条例》第二条"],
    ["licensing", "社会团体成立登记", "《社会团体登记管理条例》第六条"],
    ["payment", "最低生活保障金给付", "《社会救助暂行办法》第九条"],
    ["inspection", "社会组织年度检查", "《社会团体登记管理条例》第二十八条"],
  ],
  gaj: [
    ["licensing", "旅馆业特种行业许可", "《旅馆业治安管理办法》第四条"],
    ["penalty", "对违反治安管理行为的行政处罚", "《中华人民共和国治安管理处罚法》第七条"],
    ["compulsion", "约束醉酒人", "《中华人民共和国治安管理处罚法》第十五条"],
    ["confirmation", "户口登记", "《中华人民共和国户口登记条例》第三条"],
  ],
  lyj: [
    ["licensing", "林木采伐许可", "《中华人民共和国森林法》第五十六条"],
    ["penalty", "对盗伐林木的行政处罚", "《中华人民共和国森林法》第七十六条"],
    ["inspection", "森林资源保护监督检查", "《中华人民共和国森林法》第六十七条"],
  ],
  swj: [
    ["licensing", "取水许可", "《取水许可和水资源费征收管理条例》第三条"],
    ["levy", "水资源费征收", "《取水许可和水资源费征收管理条例》第二十八条"],
    ["penalty", "对未经批准擅自取水的行政处罚", "《中华人民共和国水法》第六十九条"],
  ],
};

/** The adjustment of the power list published later in 2020 (so the change list is non-empty). */
export const POWERS_ADDED: Record<string, P[]> = {
  scjgj: [
    [
      "penalty",
      "对经营者在政府指导价基础上违规加价收费的行政处罚",
      "《价格违法行为行政处罚规定》第九条",
    ],
  ],
  rlsbj: [["payment", "稳岗返还", "《失业保险条例》第五条"]],
};
/** Items cancelled (by item name) and items whose basis changed. */
export const POWERS_REMOVED = ["出租汽车经营许可"];
export const POWERS_REBASED: Record<string, string> = {
  个体工商户登记: "《促进个体工商户发展条例》第八条；《市场主体登记管理条例》第三条",
};

/** The fee catalogue: item, kind, standard, basis, collecting unit. */
export const FEES: [string, "administrative" | "public_institution", string, string, string][] = [
  [
    "不动产登记费",
    "administrative",
    "住宅类每件80元；非住宅类每件550元",
    "《财政部 国家发展改革委关于不动产登记收费标准等有关问题的通知》（财税〔2016〕79号）",
    "ghzrzyj",
  ],
  [
    "土地复垦费",
    "administrative",
    "按损毁土地复垦所需费用确定",
    "《土地复垦条例》第十八条",
    "ghzrzyj",
  ],
  [
    "污水处理费",
    "public_institution",
    "居民每立方米0.9元；非居民每立方米1.4元",
    "《城镇排水与污水处理条例》第三十二条",
    "zfcxjw",
  ],
  [
    "城镇垃圾处理费",
    "public_institution",
    "居民每户每月8元",
    "《城市生活垃圾管理办法》第六条",
    "cgj",
  ],
  [
    "机动车号牌工本费",
    "administrative",
    "汽车号牌每副100元",
    "《国家发展改革委 财政部关于公安部门收取机动车号牌工本费等有关问题的通知》",
    "gaj",
  ],
  [
    "居民身份证工本费",
    "administrative",
    "换领、补领每证20元",
    "《中华人民共和国居民身份证法》第二十条",
    "gaj",
  ],
  [
    "考试考务费",
    "public_institution",
    "按重庆市核定的标准收取",
    "《重庆市发展和改革委员会关于考试收费标准的通知》",
    "rlsbj",
  ],
  [
    "水资源费",
    "administrative",
    "地表水每立方米0.08元",
    "《取水许可和水资源费征收管理条例》第二十八条",
    "swj",
  ],
  [
    "防空地下室易地建设费",
    "administrative",
    "按应建防空地下室面积每平方米1,400元",
    "《中华人民共和国人民防空法》第二十二条",
    "zfcxjw",
  ],
  [
    "殡葬服务收费（基本服务）",
    "public_institution",
    "遗体接运每具300元",
    "《殡葬管理条例》第十五条",
    "mzj",
  ],
  [
    "残疾人就业保障金",
    "administrative",
    "按上年用人单位在职职工人数和平均工资计征",
    "《残疾人就业条例》第九条",
    "czj",
  ],
  [
    "无线电频率占用费",
    "administrative",
    "按国家规定标准收取",
    "《中华人民共和国无线电管理条例》第二十八条",
    "fgw",
  ],
];
/** A fee cancelled in the later adjustment (by item). */
export const FEES_CANCELLED = ["无线电频率占用费"];

/** The market access negative list's items as they apply in the district. */
export const NEGATIVE: ["prohibited" | "permitted", string, string, string, string][] = [
  [
    "prohibited",
    "生态环境",
    "禁止在饮用水水源一级保护区内新建、改建、扩建与供水设施和保护水源无关的建设项目",
    "《中华人民共和国水污染防治法》第六十五条",
    "sthjj",
  ],
  [
    "prohibited",
    "自然保护地",
    "禁止在自然保护区核心区和缓冲区开展旅游和生产经营活动",
    "《中华人民共和国自然保护区条例》第二十六条",
    "lyj",
  ],
  [
    "permitted",
    "食品",
    "未获得许可，不得从事食品生产经营",
    "《中华人民共和国食品安全法》第三十五条",
    "scjgj",
  ],
  [
    "permitted",
    "交通运输",
    "未获得许可，不得从事道路旅客运输经营",
    "《中华人民共和国道路运输条例》第十条",
    "jtj",
  ],
  ["permitted", "文化旅游", "未获得许可，不得从事旅行社业务", "《旅行社条例》第六条", "whlyw"],
];

/** The coordination meetings on duty boundaries (6 in 2020, one of 2019 that does not count). */
export const COORDINATION: {
  date: string;
  topic: string;
  unitCodes: string[];
  outcome: string;
}[] = [
  {
    date: "2019-11-28",
    topic: "机构改革后农业综合执法职责移交",
    unitCodes: ["nyncw", "scjgj"],
    outcome: "农产品质量安全执法职责由农业农村委承担，市场监管局负责进入市场销售环节的监管。",
  },
  {
    date: "2020-03-18",
    topic: "校外培训机构监管职责分工",
    unitCodes: ["jiaowei", "scjgj", "mzj"],
    outcome:
      "教委负责办学许可和日常监管，市场监管局负责收费和广告监管，民政局负责非营利性机构登记。",
  },
  {
    date: "2020-05-12",
    topic: "农贸市场占道经营管理职责边界",
    unitCodes: ["cgj", "scjgj", "jtj"],
    outcome:
      "市场内由市场开办者和市场监管局负责，市场外道路由城市管理局负责，交通组织由交通局配合。",
  },
  {
    date: "2020-06-23",
    topic: "民宿安全监管职责分工",
    unitCodes: ["whlyw", "gaj", "yjj", "scjgj"],
    outcome: "文化旅游委牵头，公安局负责治安登记，应急局负责消防安全指导，市场监管局负责食品安全。",
  },
  {
    date: "2020-08-06",
    topic: "建筑垃圾运输处置监管职责边界",
    unitCodes: ["cgj", "jtj", "zfcxjw"],
    outcome:
      "城市管理局负责处置核准和消纳场管理，交通局负责运输车辆资质，住房城乡建委负责施工现场。",
  },
  {
    date: "2020-10-15",
    topic: "河道采砂监管职责分工",
    unitCodes: ["swj", "ghzrzyj", "gaj"],
    outcome:
      "水利局负责采砂许可和河道监管，规划自然资源局负责矿产资源管理，公安局依法打击非法采砂。",
  },
  {
    date: "2020-12-09",
    topic: "电动自行车充电安全监管职责边界",
    unitCodes: ["yjj", "zfcxjw", "scjgj"],
    outcome:
      "住房城乡建委负责住宅小区充电设施建设，市场监管局负责产品质量，应急局负责消防安全综合监管。",
  },
];
