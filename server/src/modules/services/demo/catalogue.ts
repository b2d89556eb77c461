/**
 * The demo's catalogue (Wulong 2020, seed 一(三)1, 武隆政务办发〔2020〕27号): 687
 * licensing items — 619 handled in the service centre and accepted at one window, 68 in
 * the three sub-centres (human resources and social security, traffic police, tax) —
 * and 563 other service items, so that 1,200 of the 1,250 published items (96%) can be
 * handled online; 100 high-frequency items need at most one trip. The windows: 9 domain
 * windows, 3 undifferentiated comprehensive windows and the 3 sub-centres. Generated
 * from the seed's proportions and loaded through the register engine (the catalogue by
 * its batched import), never a figure typed in.
 */
import type { DemoContext, DemoRandom } from "../../../engines/demo/index.ts";
import { importCsv, publishVersion } from "../../../engines/register/index.ts";
import { demoUsername } from "../../directory/index.ts";
import { type ItemData, itemRegister, type WindowData, windowRegister } from "../registers.ts";
import { csv } from "./csv.ts";

export const CATALOGUE_PUBLISHED_ON = "2020-03-20";
const OFFICE = demoUsername("zwb", "unit_leader");
/** Publishes the region's lists (a region-scoped office: engines/register/versions). */
const PUBLISHER = demoUsername("yfzqb", "rule_of_law_office");
/** The licensing list as the seed names it (§ 一(三)2). */
export const CATALOGUE_NUMBER = "武隆政务办发〔2020〕27号";

export const LICENSING_ITEMS = 687;
export const IN_CENTRE = 619;
export const OTHER_ITEMS = 563;
export const OFFLINE_ITEMS = 50;
export const ONE_TRIP_ITEMS = 100;

/** Implementing units of the licensing items in the centre, with the usual kinds of licence. */
const CENTRE_UNITS: readonly [string, string, readonly string[]][] = [
  [
    "scjgj",
    "区市场监管局",
    ["食品经营许可", "食品生产许可", "药品零售企业许可", "特种设备使用登记", "医疗器械经营许可"],
  ],
  [
    "ghzrzyj",
    "区规划自然资源局",
    ["建设用地规划许可", "建设工程规划许可", "乡村建设规划许可", "采矿权新立登记"],
  ],
  ["zfcxjw", "区住房城乡建委", ["建筑工程施工许可", "商品房预售许可", "建筑业企业资质核准"]],
  ["jtj", "区交通局", ["道路货物运输经营许可", "道路旅客运输经营许可", "公路超限运输许可"]],
  ["wsjkw", "区卫生健康委", ["医疗机构执业登记", "公共场所卫生许可", "放射诊疗许可"]],
  ["sthjj", "区生态环境局", ["建设项目环境影响评价文件审批", "排污许可"]],
  [
    "whlyw",
    "区文化旅游委",
    ["娱乐场所经营许可", "旅行社设立许可", "互联网上网服务营业场所经营许可"],
  ],
  ["nyncw", "区农业农村委", ["农药经营许可", "兽药经营许可", "种子生产经营许可"]],
  ["slj", "区水利局", ["取水许可", "河道管理范围内建设项目审批"]],
  ["lyj", "区林业局", ["林木采伐许可", "使用林地审核"]],
  ["yjj", "区应急局", ["危险化学品经营许可", "烟花爆竹经营（零售）许可"]],
  ["jiaowei", "区教委", ["民办学校办学许可", "校外培训机构办学许可"]],
  ["mzj", "区民政局", ["社会团体成立登记", "民办非企业单位成立登记"]],
  ["sww", "区商务委", ["成品油零售经营资格审批", "酒类商品零售许可"]],
  ["cgj", "区城市管理局", ["城市建筑垃圾处置核准", "设置大型户外广告许可"]],
  ["fgw", "区发展改革委", ["企业投资项目核准"]],
];

/** The sub-centres and their licensing items (68 together). */
const SUB_CENTRES: readonly {
  code: string;
  name: string;
  unit: string;
  unitName: string;
  domain: string;
  items: number;
  kinds: readonly string[];
}[] = [
  {
    code: "FZX-RS",
    name: "武隆区人力社保政务服务分中心",
    unit: "rlsbj",
    unitName: "区人力社保局",
    domain: "人力资源和社会保障",
    items: 24,
    kinds: ["劳务派遣经营许可", "人力资源服务许可", "企业实行不定时工作制和综合计算工时工作制审批"],
  },
  {
    code: "FZX-JG",
    name: "武隆区交巡警政务服务分中心",
    unit: "gaj",
    unitName: "区公安局",
    domain: "交通管理",
    items: 38,
    kinds: ["机动车驾驶证核发", "机动车登记", "校车驾驶资格许可"],
  },
  {
    code: "FZX-SW",
    name: "武隆区税务政务服务分中心",
    unit: "swj",
    unitName: "区税务局",
    domain: "税务",
    items: 6,
    kinds: ["增值税专用发票（增值税税控系统）最高开票限额审批"],
  },
];

const OTHER_KINDS: readonly [ItemData["kind"], string, string, string][] = [
  ["confirmation", "rlsbj", "区人力社保局", "工伤认定"],
  ["payment", "mzj", "区民政局", "最低生活保障金给付"],
  ["registration", "ghzrzyj", "区规划自然资源局", "不动产登记"],
  ["public_service", "rlsbj", "区人力社保局", "社会保障卡申领"],
  ["public_service", "jiaowei", "区教委", "学籍证明开具"],
  ["other", "scjgj", "区市场监管局", "计量器具强制检定"],
];

const BASIS: Record<string, string> = {
  licensing: "《中华人民共和国行政许可法》第十二条及相关法律、行政法规",
  confirmation: "《工伤保险条例》第十七条",
  payment: "《社会救助暂行办法》第九条",
  registration: "《不动产登记暂行条例》第三条",
  public_service: "《中华人民共和国社会保险法》第五十八条",
  other: "《中华人民共和国计量法》第九条",
};

/** Legal limits of licensing items (working days): mostly the law's 20, some otherwise. */
const LEGAL: readonly number[] = [20, 20, 20, 20, 20, 20, 15, 10, 30, 20];

function limits(
  rng: DemoRandom,
  immediate: boolean,
): Pick<ItemData, "legalDays" | "promisedDays" | "handling"> {
  const legalDays = rng.pick(LEGAL);
  if (immediate) return { legalDays, promisedDays: 0, handling: "immediate" };
  // Published promised limits compress the legal one (《优化营商环境条例》第三十六条).
  const promisedDays = Math.max(1, Math.round(legalDays * rng.pick([0.15, 0.2, 0.25, 0.3])));
  return { legalDays, promisedDays, handling: "promised" };
}

/** The catalogue's entries, deterministic from the seed. */
export function catalogueItems(rng: DemoRandom): ItemData[] {
  const items: ItemData[] = [];
  let n = 0;
  const code = (prefix: string) => `${prefix}-${String(++n).padStart(4, "0")}`;
  // Licensing in the centre: spread over the units, named by kind and sub-item.
  for (let k = 0; k < IN_CENTRE; k++) {
    const [unit, unitName, kinds] = CENTRE_UNITS[k % CENTRE_UNITS.length]!;
    const kind = kinds[Math.floor(k / CENTRE_UNITS.length) % kinds.length]!;
    items.push({
      code: code("XK"),
      name: `${kind}（${unitName}第${Math.floor(k / CENTRE_UNITS.length) + 1}项）`,
      kind: "licensing",
      unitCode: unit,
      unitName,
      legalBasis: BASIS.licensing!,
      ...limits(rng, rng.chance(0.12)),
      venue: "centre",
      windowKind: k % 5 === 0 ? "comprehensive" : "domain",
      oneWindow: true,
      online: "full",
      oneTrip: false,
      fee: 0,
      listedOn: CATALOGUE_PUBLISHED_ON,
    } as ItemData);
  }
  for (const s of SUB_CENTRES) {
    for (let k = 0; k < s.items; k++) {
      items.push({
        code: code("XK"),
        name: `${s.kinds[k % s.kinds.length]}（${s.unitName}第${k + 1}项）`,
        kind: "licensing",
        unitCode: s.unit,
        unitName: s.unitName,
        legalBasis: BASIS.licensing!,
        ...limits(rng, rng.chance(0.2)),
        venue: "sub_centre",
        subCentre: s.code,
        windowKind: "domain",
        oneWindow: false,
        online: "partial",
        oneTrip: false,
        fee: 0,
        listedOn: CATALOGUE_PUBLISHED_ON,
      } as ItemData);
    }
  }
  for (let k = 0; k < OTHER_ITEMS; k++) {
    const [kind, unit, unitName, name] = OTHER_KINDS[k % OTHER_KINDS.length]!;
    items.push({
      code: code("FW"),
      name: `${name}（第${Math.floor(k / OTHER_KINDS.length) + 1}项）`,
      kind,
      unitCode: unit,
      unitName,
      legalBasis: BASIS[kind]!,
      ...limits(rng, rng.chance(0.3)),
      venue: "centre",
      windowKind: "comprehensive",
      oneWindow: true,
      online: k < OFFLINE_ITEMS ? "none" : k % 3 === 0 ? "partial" : "full",
      oneTrip: false,
      fee: kind === "registration" ? 80 : 0,
      listedOn: CATALOGUE_PUBLISHED_ON,
    } as ItemData);
  }
  // 100 high-frequency items at most one trip, chosen at random among all.
  for (const i of rng.shuffle(items.map((_, i) => i)).slice(0, ONE_TRIP_ITEMS))
    items[i]!.oneTrip = true;
  return items;
}

const WINDOWS: WindowData[] = [
  ...[
    ["CK-01", "市场准入", "scjgj"],
    ["CK-02", "工程建设项目审批", "zfcxjw"],
    ["CK-03", "不动产登记", "ghzrzyj"],
    ["CK-04", "交通运输", "jtj"],
    ["CK-05", "卫生健康", "wsjkw"],
    ["CK-06", "社会事务", "mzj"],
    ["CK-07", "农林水利", "nyncw"],
    ["CK-08", "文化旅游", "whlyw"],
    ["CK-09", "公安户政出入境", "gaj"],
  ].map(
    ([code, domain, unit]): WindowData => ({
      code: code!,
      name: `${domain}综合窗口`,
      kind: "domain",
      domain,
      unitCode: unit!,
      items: [],
      address: "重庆市武隆区政务服务中心一楼",
      openedOn: "2019-06-28",
    }),
  ),
  ...[1, 2, 3].map(
    (k): WindowData => ({
      code: `CK-WC-${k}`,
      name: `无差别综合受理${k}号窗口`,
      kind: "comprehensive",
      unitCode: "zwb",
      items: [],
      address: "重庆市武隆区政务服务中心一楼",
      openedOn: "2020-05-18",
    }),
  ),
  ...SUB_CENTRES.map(
    (s): WindowData => ({
      code: s.code,
      name: s.name,
      kind: "sub_centre",
      domain: s.domain,
      unitCode: s.unit,
      items: [],
      openedOn: "2019-01-02",
    }),
  ),
];

/** Load the catalogue (batched import) and the windows (the items each serves). */
export async function loadCatalogue(ctx: DemoContext): Promise<ItemData[]> {
  const items = catalogueItems(ctx.rng);
  const cols = itemRegister.columns;
  const file = csv(
    cols.map((c) => c.label.zh),
    items.map((it) =>
      Object.fromEntries(cols.map((c) => [c.label.zh, (it as Record<string, unknown>)[c.field]])),
    ),
  );
  await ctx.as(OFFICE, CATALOGUE_PUBLISHED_ON, (w) => importCsv(w, itemRegister, file, {}));
  await ctx.as(PUBLISHER, CATALOGUE_PUBLISHED_ON, (w) =>
    publishVersion(w, itemRegister, {
      number: CATALOGUE_NUMBER,
      publishedOn: CATALOGUE_PUBLISHED_ON,
      inForceFrom: CATALOGUE_PUBLISHED_ON,
    }),
  );
  const served = (w: WindowData) =>
    items
      .filter((it) =>
        w.kind === "sub_centre"
          ? it.subCentre === w.code
          : w.kind === "comprehensive"
            ? it.windowKind === "comprehensive"
            : it.venue === "centre" && it.windowKind === "domain" && it.unitCode === w.unitCode,
      )
      .map((it) => it.code);
  await ctx.as(OFFICE, CATALOGUE_PUBLISHED_ON, async (w) => {
    for (const win of WINDOWS) {
      await ctx.registers.create(w, windowRegister, { data: { ...win, items: served(win) } });
    }
  });
  ctx.note(
    `${items.length} service items (${LICENSING_ITEMS} licensing), ${WINDOWS.length} windows and sub-centres`,
  );
  return items;
}
