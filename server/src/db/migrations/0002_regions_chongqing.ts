import type { Kysely } from "kysely";

/**
 * Reference data: regions (GB/T 2260). Chongqing (a municipality, so its districts and
 * counties sit directly under 500000) with its 38 districts and counties. Other
 * provinces are added the same way, as data.
 */
const CHONGQING: [string, string, string][] = [
  ["500101", "万州区", "Wanzhou"],
  ["500102", "涪陵区", "Fuling"],
  ["500103", "渝中区", "Yuzhong"],
  ["500104", "大渡口区", "Dadukou"],
  ["500105", "江北区", "Jiangbei"],
  ["500106", "沙坪坝区", "Shapingba"],
  ["500107", "九龙坡区", "Jiulongpo"],
  ["500108", "南岸区", "Nan'an"],
  ["500109", "北碚区", "Beibei"],
  ["500110", "綦江区", "Qijiang"],
  ["500111", "大足区", "Dazu"],
  ["500112", "渝北区", "Yubei"],
  ["500113", "巴南区", "Banan"],
  ["500114", "黔江区", "Qianjiang"],
  ["500115", "长寿区", "Changshou"],
  ["500116", "江津区", "Jiangjin"],
  ["500117", "合川区", "Hechuan"],
  ["500118", "永川区", "Yongchuan"],
  ["500119", "南川区", "Nanchuan"],
  ["500120", "璧山区", "Bishan"],
  ["500151", "铜梁区", "Tongliang"],
  ["500152", "潼南区", "Tongnan"],
  ["500153", "荣昌区", "Rongchang"],
  ["500154", "开州区", "Kaizhou"],
  ["500155", "梁平区", "Liangping"],
  ["500156", "武隆区", "Wulong"],
  ["500229", "城口县", "Chengkou"],
  ["500230", "丰都县", "Fengdu"],
  ["500231", "垫江县", "Dianjiang"],
  ["500233", "忠县", "Zhong County"],
  ["500235", "云阳县", "Yunyang"],
  ["500236", "奉节县", "Fengjie"],
  ["500237", "巫山县", "Wushan"],
  ["500238", "巫溪县", "Wuxi"],
  ["500240", "石柱土家族自治县", "Shizhu"],
  ["500241", "秀山土家族苗族自治县", "Xiushan"],
  ["500242", "酉阳土家族苗族自治县", "Youyang"],
  ["500243", "彭水苗族土家族自治县", "Pengshui"],
];

// biome-ignore lint/suspicious/noExplicitAny: reference data is inserted before typed tables exist
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto("region")
    .values({
      code: "500000",
      name_zh: "重庆市",
      name_en: "Chongqing",
      parent_code: null,
      level: "city",
    })
    .execute();
  await db
    .insertInto("region")
    .values(
      CHONGQING.map(([code, zh, en]) => ({
        code,
        name_zh: zh,
        name_en: en,
        parent_code: "500000",
        level: "county",
      })),
    )
    .execute();
}

export async function down(): Promise<void> {}
