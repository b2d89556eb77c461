/**
 * The organisation directory of the demo district, Wulong (重庆市武隆区, 500156), and the
 * one city unit (重庆市司法局, 500000) the city roll-up needs.
 *
 * Where each name comes from (`source`):
 * - "seed":    the 2020 report (seed/000_c8307f480827a513.txt) names the body or its work
 *              unambiguously (e.g. 区委编办, 区政务办, the tax and HR sub-centres, 检察建议).
 * - "public":  a body of a Chongqing district after the 2019 institutional reform, by its
 *              usual name, from general public knowledge; not checked here against a
 *              Wulong source.
 * - "assumed": plausible for Wulong but uncertain (name or existence as a separate
 *              body); included so that the district has the report's 55 bodies.
 * - "derived": the name is constructed for the demo from the report's description
 *              (the 8 comprehensive enforcement teams: the areas are the report's, the
 *              exact names are ours).
 * The report says 55 district bodies (55个区级党政群机关) and 26 townships and streets;
 * which 55 is ours. The 26 townships and streets are Wulong's real ones.
 */

export type NameSource = "seed" | "public" | "assumed" | "derived";

export interface DirectoryUnit {
  /** Stable ASCII code, unique in its region (a-z 0-9 _ . -). */
  code: string;
  /** The short name users see (区司法局, 白马镇). */
  zh: string;
  /** The full official name, for documents (重庆市武隆区司法局). */
  full: string;
  en: string;
  /** A code of UNIT_KIND_LABELS. */
  kind: string;
  /** The parent unit's code in the same region, if any. */
  parent?: string;
  source: NameSource;
}

export const WULONG = { regionCode: "500156", zh: "武隆区", full: "重庆市武隆区" } as const;
export const CHONGQING = { regionCode: "500000", zh: "重庆市" } as const;

/** The district government itself: the report's author, the reconsideration organ. */
export const WULONG_GOVERNMENT: DirectoryUnit = {
  code: "qzf",
  zh: "区人民政府",
  full: "重庆市武隆区人民政府",
  en: "Wulong District People's Government",
  kind: "government",
  source: "seed",
};

const W = "重庆市武隆区";
const P = "中共重庆市武隆区委";

function party(
  code: string,
  zh: string,
  full: string,
  en: string,
  source: NameSource,
): DirectoryUnit {
  return { code, zh, full, en, kind: "party_committee", source };
}

function dept(
  code: string,
  zh: string,
  full: string,
  en: string,
  source: NameSource,
  parent: string | null = "qzf",
): DirectoryUnit {
  return { code, zh, full, en, kind: "department", source, ...(parent ? { parent } : {}) };
}

/** The 55 district bodies (区级党政群机关). */
export const WULONG_DISTRICT_BODIES: readonly DirectoryUnit[] = [
  // Party committee bodies (10)
  party(
    "jiwei",
    "区纪委监委",
    "中共重庆市武隆区纪律检查委员会、重庆市武隆区监察委员会",
    "District Commission for Discipline Inspection and Supervisory Commission",
    "public",
  ),
  party(
    "qwb",
    "区委办公室",
    `${P}办公室`,
    "General Office of the District Party Committee",
    "seed",
  ),
  party(
    "zzb",
    "区委组织部",
    `${P}组织部`,
    "Organisation Department of the District Party Committee",
    "public",
  ),
  party(
    "xcb",
    "区委宣传部",
    `${P}宣传部`,
    "Publicity Department of the District Party Committee",
    "public",
  ),
  party(
    "tzb",
    "区委统战部",
    `${P}统战部`,
    "United Front Work Department of the District Party Committee",
    "public",
  ),
  party(
    "zfw",
    "区委政法委",
    `${P}政法委员会`,
    "Political and Legal Affairs Commission of the District Party Committee",
    "public",
  ),
  party(
    "xunchaban",
    "区委巡察办",
    `${P}巡察工作领导小组办公室`,
    "Party Inspection Office of the District Party Committee",
    "assumed",
  ),
  party(
    "lgbj",
    "区委老干部局",
    `${P}老干部局`,
    "Veteran Cadres Bureau of the District Party Committee",
    "public",
  ),
  party(
    "jggw",
    "区级机关工委",
    "中共重庆市武隆区级机关工作委员会",
    "Work Committee for the District's Party and Government Organs",
    "public",
  ),
  party("dx", "区委党校", `${P}党校`, "Party School of the District Party Committee", "seed"),

  // Offices of Party committees' commissions (3)
  {
    code: "yfzqb",
    zh: "区委依法治区办",
    full: `${P}全面依法治区委员会办公室`,
    en: "Office of the District Committee for Law-based Governance (rule-of-law office)",
    kind: "committee_office",
    parent: "sfj",
    source: "seed",
  },
  {
    code: "bb",
    zh: "区委编办",
    full: `${P}机构编制委员会办公室`,
    en: "Office of the District Commission for Public Sector Reform",
    kind: "committee_office",
    source: "seed",
  },
  {
    code: "wxb",
    zh: "区委网信办",
    full: `${P}网络安全和信息化委员会办公室`,
    en: "Cyberspace Affairs Office of the District Party Committee",
    kind: "committee_office",
    parent: "xcb",
    source: "assumed",
  },

  // Government departments and other district government bodies (35)
  dept(
    "zfb",
    "区政府办公室",
    `${W}人民政府办公室`,
    "General Office of the District Government",
    "seed",
  ),
  dept(
    "fgw",
    "区发展改革委",
    `${W}发展和改革委员会`,
    "District Development and Reform Commission",
    "public",
  ),
  dept("jiaowei", "区教委", `${W}教育委员会`, "District Education Commission", "public"),
  dept("kjj", "区科技局", `${W}科学技术局`, "District Science and Technology Bureau", "public"),
  dept(
    "jjxxw",
    "区经济信息委",
    `${W}经济和信息化委员会`,
    "District Economy and Information Technology Commission",
    "public",
  ),
  dept(
    "mzzjw",
    "区民族宗教委",
    `${W}民族宗教事务委员会`,
    "District Ethnic and Religious Affairs Commission",
    "assumed",
  ),
  dept("gaj", "区公安局", `${W}公安局`, "District Public Security Bureau", "seed"),
  dept("mzj", "区民政局", `${W}民政局`, "District Civil Affairs Bureau", "seed"),
  dept("sfj", "区司法局", `${W}司法局`, "District Justice Bureau", "seed"),
  dept("czj", "区财政局", `${W}财政局`, "District Finance Bureau", "public"),
  dept(
    "rlsbj",
    "区人力社保局",
    `${W}人力资源和社会保障局`,
    "District Human Resources and Social Security Bureau",
    "seed",
  ),
  dept(
    "ghzrzyj",
    "区规划自然资源局",
    `${W}规划和自然资源局`,
    "District Planning and Natural Resources Bureau",
    "seed",
  ),
  dept(
    "sthjj",
    "区生态环境局",
    `${W}生态环境局`,
    "District Ecology and Environment Bureau",
    "public",
  ),
  dept(
    "zfcxjw",
    "区住房城乡建委",
    `${W}住房和城乡建设委员会`,
    "District Housing and Urban-Rural Development Commission",
    "public",
  ),
  dept("cgj", "区城市管理局", `${W}城市管理局`, "District Urban Management Bureau", "public"),
  dept("jtj", "区交通局", `${W}交通局`, "District Transport Bureau", "public"),
  dept("slj", "区水利局", `${W}水利局`, "District Water Resources Bureau", "public"),
  dept(
    "nyncw",
    "区农业农村委",
    `${W}农业农村委员会`,
    "District Agriculture and Rural Affairs Commission",
    "public",
  ),
  dept("sww", "区商务委", `${W}商务委员会`, "District Commerce Commission", "public"),
  dept(
    "whlyw",
    "区文化旅游委",
    `${W}文化和旅游发展委员会`,
    "District Culture and Tourism Development Commission",
    "public",
  ),
  dept("wsjkw", "区卫生健康委", `${W}卫生健康委员会`, "District Health Commission", "public"),
  dept(
    "tyjrj",
    "区退役军人事务局",
    `${W}退役军人事务局`,
    "District Veterans Affairs Bureau",
    "public",
  ),
  dept("yjj", "区应急局", `${W}应急管理局`, "District Emergency Management Bureau", "public"),
  dept("sjj", "区审计局", `${W}审计局`, "District Audit Bureau", "seed"),
  dept(
    "gzw",
    "区国资委",
    `${W}国有资产监督管理委员会`,
    "District State-owned Assets Supervision and Administration Commission",
    "assumed",
  ),
  dept(
    "scjgj",
    "区市场监管局",
    `${W}市场监督管理局`,
    "District Market Supervision Administration",
    "seed",
  ),
  dept("tjj", "区统计局", `${W}统计局`, "District Statistics Bureau", "public"),
  dept("ybj", "区医保局", `${W}医疗保障局`, "District Healthcare Security Bureau", "public"),
  dept("lyj", "区林业局", `${W}林业局`, "District Forestry Bureau", "public"),
  dept("xfb", "区信访办", `${W}信访办公室`, "District Petition Office", "public"),
  dept(
    "dsjj",
    "区大数据发展局",
    `${W}大数据发展局`,
    "District Big Data Development Bureau",
    "public",
  ),
  dept(
    "zwb",
    "区政务办",
    `${W}政务服务管理办公室`,
    "District Government Services Management Office",
    "seed",
  ),
  dept(
    "jgswj",
    "区机关事务局",
    `${W}机关事务管理局`,
    "District Government Offices Administration",
    "assumed",
  ),
  dept(
    "fpb",
    "区扶贫办",
    `${W}扶贫开发办公室`,
    "District Poverty Alleviation and Development Office",
    "public",
  ),
  // Vertically managed (国家税务总局), so not under the district government.
  dept(
    "swj",
    "区税务局",
    "国家税务总局重庆市武隆区税务局",
    "Wulong District Taxation Bureau (STA)",
    "seed",
    null,
  ),

  // Judicial bodies (2)
  {
    code: "fy",
    zh: "区人民法院",
    full: `${W}人民法院`,
    en: "Wulong District People's Court",
    kind: "judicial",
    source: "seed",
  },
  {
    code: "jcy",
    zh: "区人民检察院",
    full: `${W}人民检察院`,
    en: "Wulong District People's Procuratorate",
    kind: "judicial",
    source: "seed",
  },

  // The people's congress and CPPCC offices and people's organisations (5)
  {
    code: "rdb",
    zh: "区人大常委会办公室",
    full: `${W}人民代表大会常务委员会办公室`,
    en: "General Office of the Standing Committee of the District People's Congress",
    kind: "other",
    source: "seed",
  },
  {
    code: "zxb",
    zh: "区政协办公室",
    full: "中国人民政治协商会议重庆市武隆区委员会办公室",
    en: "General Office of the District CPPCC Committee",
    kind: "other",
    source: "public",
  },
  {
    code: "zgh",
    zh: "区总工会",
    full: `${W}总工会`,
    en: "District Federation of Trade Unions",
    kind: "other",
    source: "public",
  },
  {
    code: "tw",
    zh: "团区委",
    full: "共青团重庆市武隆区委员会",
    en: "District Committee of the Communist Youth League",
    kind: "other",
    source: "public",
  },
  {
    code: "fl",
    zh: "区妇联",
    full: `${W}妇女联合会`,
    en: "District Women's Federation",
    kind: "other",
    source: "public",
  },
];

function town(code: string, zh: string, en: string): DirectoryUnit {
  return {
    code: `town-${code}`,
    zh,
    full: `${W}${zh}人民政府`,
    en,
    kind: "township",
    parent: "qzf",
    source: "public",
  };
}

/** Wulong's 26 townships and streets (乡镇街道): 2 streets, 12 towns, 12 townships. */
export const WULONG_TOWNSHIPS: readonly DirectoryUnit[] = [
  ...(
    [
      ["fengshan", "凤山街道", "Fengshan Subdistrict"],
      ["furong", "芙蓉街道", "Furong Subdistrict"],
    ] as const
  ).map(
    ([code, zh, en]): DirectoryUnit => ({
      code: `street-${code}`,
      zh,
      full: `${W}${zh}办事处`,
      en,
      kind: "street",
      parent: "qzf",
      source: "public",
    }),
  ),
  town("baima", "白马镇", "Baima Town"),
  town("jiangkou", "江口镇", "Jiangkou Town"),
  town("huolu", "火炉镇", "Huolu Town"),
  town("yajiang", "鸭江镇", "Yajiang Town"),
  town("yangjiao", "羊角镇", "Yangjiao Town"),
  town("changba", "长坝镇", "Changba Town"),
  town("pingqiao", "平桥镇", "Pingqiao Town"),
  town("tongzi", "桐梓镇", "Tongzi Town"),
  town("tukan", "土坎镇", "Tukan Town"),
  town("heshun", "和顺镇", "Heshun Town"),
  town("shuanghe", "双河镇", "Shuanghe Town"),
  town("xiannvshan", "仙女山镇", "Xiannüshan Town"),
  town("miaoya", "庙垭乡", "Miaoya Township"),
  town("shiqiao", "石桥苗族土家族乡", "Shiqiao Miao and Tujia Ethnic Township"),
  town("huangying", "黄莺乡", "Huangying Township"),
  town("canggou", "沧沟乡", "Canggou Township"),
  town("wenfu", "文复苗族土家族乡", "Wenfu Miao and Tujia Ethnic Township"),
  town("fenglai", "凤来乡", "Fenglai Township"),
  town("dadonghe", "大洞河乡", "Dadonghe Township"),
  town("houping", "后坪苗族土家族乡", "Houping Miao and Tujia Ethnic Township"),
  town("haokou", "浩口苗族仡佬族乡", "Haokou Miao and Gelao Ethnic Township"),
  town("jielong", "接龙乡", "Jielong Township"),
  town("zhaojia", "赵家乡", "Zhaojia Township"),
  town("baiyun", "白云乡", "Baiyun Township"),
];

function team(code: string, area: string, en: string, parent: string): DirectoryUnit {
  return {
    code: `team-${code}`,
    zh: `区${area}综合行政执法支队`,
    full: `${W}${area}综合行政执法支队`,
    en: `District ${en} Comprehensive Administrative Enforcement Team`,
    kind: "enforcement_team",
    parent,
    source: "derived",
  };
}

/**
 * The 8 comprehensive enforcement teams (综合行政执法队伍) by the report's areas
 * (一(六)1: 市场监管、生态环境保护、文化市场、农业、城市管理、交通运输、规划和自然资源、
 * 卫生健康). The organisational units only: the enforcement module keeps their posts
 * and officers in its own register.
 */
export const WULONG_ENFORCEMENT_TEAMS: readonly DirectoryUnit[] = [
  team("scjg", "市场监管", "Market Supervision", "scjgj"),
  team("sthj", "生态环境保护", "Ecological and Environmental Protection", "sthjj"),
  team("whsc", "文化市场", "Cultural Market", "whlyw"),
  team("ny", "农业", "Agriculture", "nyncw"),
  team("cg", "城市管理", "Urban Management", "cgj"),
  team("jtys", "交通运输", "Transport", "jtj"),
  team("ghzy", "规划和自然资源", "Planning and Natural Resources", "ghzrzyj"),
  team("wsjk", "卫生健康", "Health", "wsjkw"),
];

/** The administrators' unit (the same code the first start uses). */
export const SYSTEM_ADMIN_UNIT: DirectoryUnit = {
  code: "system-admin",
  zh: "系统管理",
  full: "系统管理",
  en: "System administration",
  kind: "other",
  source: "derived",
};

/** Chongqing (500000): the city justice bureau, home of the city's rule-of-law office. */
export const CHONGQING_UNITS: readonly DirectoryUnit[] = [
  {
    code: "sfj",
    zh: "市司法局",
    full: "重庆市司法局",
    en: "Chongqing Municipal Bureau of Justice",
    kind: "department",
    source: "public",
  },
];

/** Every Wulong unit the directory creates, parents before children. */
export function wulongUnits(): DirectoryUnit[] {
  const all = [
    WULONG_GOVERNMENT,
    ...WULONG_DISTRICT_BODIES,
    ...WULONG_TOWNSHIPS,
    ...WULONG_ENFORCEMENT_TEAMS,
  ];
  const placed = new Set<string>();
  const out: DirectoryUnit[] = [];
  while (out.length < all.length) {
    const before = out.length;
    for (const u of all) {
      if (!placed.has(u.code) && (!u.parent || placed.has(u.parent))) {
        placed.add(u.code);
        out.push(u);
      }
    }
    if (out.length === before) throw new Error("directory: a unit's parent is missing");
  }
  return out;
}

/** Codes of the 55 district bodies (for "units inspected", "三定 rules" and the like). */
export const DISTRICT_BODY_CODES: ReadonlySet<string> = new Set(
  WULONG_DISTRICT_BODIES.map((u) => u.code),
);
export const TOWNSHIP_CODES: ReadonlySet<string> = new Set(WULONG_TOWNSHIPS.map((u) => u.code));
